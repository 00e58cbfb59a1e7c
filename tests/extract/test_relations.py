"""Relations beyond meetings (kg.extract.relations over the specs in ontology/relations): every
type, every status, and the traps the guidelines name. Every sentence is our own."""

from __future__ import annotations

from datetime import date

import pytest

TUESDAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Foreign Minister Ana Ruiz condemned Peru's missile tests on Monday.", ("ACCUSE", "Ana Ruiz", "Peru")),
        ("Chile accused Bolivia of blocking the border crossing.", ("ACCUSE", "Chile", "Bolivia")),
        ("President Luis Vega urged Ecuador to release the detained fishermen.", ("REQUEST", "Luis Vega", "Ecuador")),
        ("The Andean Council called on Venezuela to hold new elections.", ("REQUEST", "Andean Council", "Venezuela")),
        ("Chancellor Eva Lind praised Norway for its mediation.", ("SUPPORT", "Eva Lind", "Norway")),
        (
            "Prime Minister Rui Lopes welcomed Spain's decision to reopen the embassy.",
            ("SUPPORT", "Rui Lopes", "Spain"),
        ),
        ("Denmark reaffirmed its support for Greenland.", ("SUPPORT", "Denmark", "Greenland")),
        ("Kenya and Uganda signed a trade agreement in Nairobi.", ("AGREE", "Kenya", "Uganda")),
        ("Lisbon rejected Madrid's proposal for a joint patrol.", ("REJECT", "Portugal", "Spain")),
        ("Serbia threatened retaliation against Kosovo over the border closure.", ("THREATEN", "Serbia", "Kosovo")),
        ("Canada imposed sanctions on Belarus on Monday.", ("SANCTION", "Canada", "Belarus")),
        ("Poland expelled Belarus's ambassador.", ("SANCTION", "Poland", "Belarus")),
        ("Japan provided emergency aid to Nepal after the floods.", ("AID", "Japan", "Nepal")),
    ],
)
def test_relations_each_type_is_read_off_its_cue(relations, text, want):
    assert (*want, "asserted") in relations(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Canada will impose sanctions on Belarus next month.", ("SANCTION", "Canada", "Belarus", "scheduled")),
        ("Norway pledged aid to Nepal.", ("AID", "Norway", "Nepal", "scheduled")),
        ("Germany could back Poland's bid if the talks succeed.", ("SUPPORT", "Germany", "Poland", "hypothetical")),
        ("Canada is considering sanctions on Belarus.", ("SANCTION", "Canada", "Belarus", "hypothetical")),
        ("Chile stopped short of criticising Bolivia.", ("ACCUSE", "Chile", "Bolivia", "denied")),
        ("Chile declined to condemn Bolivia.", ("ACCUSE", "Chile", "Bolivia", "denied")),
        ("Serbia denied threatening Kosovo.", ("THREATEN", "Serbia", "Kosovo", "denied")),
        ("Japan has not sent weapons to Nepal.", ("AID", "Japan", "Nepal", "denied")),
    ],
)
def test_relations_status_follows_modality_and_negation(relations, text, want):
    assert want in relations(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Andean Council voted to impose sanctions on Bolivia.",
            ("SANCTION", "Andean Council", "Bolivia", "asserted"),
        ),
        ("Chile moved to expel Peru's ambassador on Monday.", ("SANCTION", "Chile", "Peru", "asserted")),
        ("Norway has begun to send aid to Nepal.", ("AID", "Norway", "Nepal", "asserted")),
        (
            "The Andean Council will vote to impose sanctions on Bolivia.",
            ("SANCTION", "Andean Council", "Bolivia", "scheduled"),
        ),
        ("Chile did not move to expel Peru's ambassador.", ("SANCTION", "Chile", "Peru", "denied")),
        ("Chile is going to impose tariffs on Peru.", ("SANCTION", "Chile", "Peru", "scheduled")),
    ],
)
def test_relations_an_implicative_verb_gives_its_infinitive_its_tense(relations, text, want):
    """ "voted to impose sanctions" imposed them when the vote was held; "will vote to" is to come."""
    assert want in relations(text)


def test_relations_one_clause_is_one_relation(relations):
    got = relations("Chile urged Peru to sanction Bolivia.")
    assert got == {("REQUEST", "Chile", "Peru", "asserted")}  # not a SANCTION Peru -> Bolivia
    got = relations("China threatened to impose sanctions on Taiwan.")
    assert got == {("THREATEN", "China", "Taiwan", "asserted")}  # only the threat


def test_relations_a_capital_stands_for_its_country_and_a_passive_turns_the_roles(relations):
    assert ("ACCUSE", "China", "Japan", "asserted") in relations("Beijing accused Tokyo of provocation.")
    assert ("ACCUSE", "Chile", "Bolivia", "asserted") in relations("Bolivia was condemned by Chile.")
    assert relations("Bolivia was condemned on Monday.") == set()  # no named source


def test_relations_readout_boilerplate_and_one_sided_words_are_nothing(relations):
    assert relations("Ana Ruiz and Luis Vega discussed trade and exchanged views on regional security.") == set()
    assert relations("The leaders agreed on the importance of free trade.") == set()
    assert relations("Chile condemned the violence.") == set()  # no party condemned
    assert relations("Peru called for calm.") == set()  # no addressee
    assert relations("Ana Ruiz agreed to meet Luis Vega in Lima.") == set()  # a meeting, not an agreement


def test_relations_welcomed_decision_is_support_of_its_owner_and_received_support_turns(relations):
    assert ("SUPPORT", "Rui Lopes", "Spain", "asserted") in relations(
        "Rui Lopes welcomed the decision of Spain to lift the visa rule."
    )
    got = relations("President Luis Vega has received support from Brazil and Argentina.")
    assert {("SUPPORT", "Brazil", "Luis Vega", "asserted"), ("SUPPORT", "Argentina", "Luis Vega", "asserted")} <= got


def test_relations_compound_sides_give_one_relation_per_party(relations):
    got = relations("Sweden and Finland condemned Russia's strikes.")
    assert {("ACCUSE", "Sweden", "Russia", "asserted"), ("ACCUSE", "Finland", "Russia", "asserted")} <= got


def test_relations_a_headline_is_its_own_evidence(read):
    x = read("African Union Demands Sudan Release Opposition Leaders\n", TUESDAY)
    (r,) = x.relations
    assert (r.type, r.source, r.target) == ("REQUEST", "African Union", "Sudan")
    assert r.evidence.text == "African Union Demands Sudan Release Opposition Leaders"
    assert x.document.text[r.evidence.start : r.evidence.end] == r.evidence.text


def test_relations_are_no_meetings_and_meetings_no_relations(read):
    x = read("Ana Ruiz met Luis Vega in Lima on Monday and urged Peru to reopen the border.", TUESDAY)
    assert [m.kind for m in x.meetings] == ["meeting"]
    assert {(r.type, r.target) for r in x.relations} == {("REQUEST", "Peru")}


def test_relations_a_spokesperson_speaks_for_the_body(relations):
    got = relations("State Department spokesman Rui Lopes condemned Spain's decision.")
    assert ("ACCUSE", "State Department", "Spain", "asserted") in got
    assert not [r for r in got if r[1] == "Rui Lopes"]  # never both the person and the country


def test_relations_a_date_in_the_clause_of_the_act_is_its_date(read):
    (r,) = read("Canada imposed sanctions on Belarus on Monday.", TUESDAY).relations
    assert r.date == "2026-03-09"
    (r,) = read("On Monday, Ana Ruiz met Luis Vega and Chile condemned Bolivia.", TUESDAY).relations
    assert r.date is None or r.date == "2026-03-09"


def test_relations_a_dismissal_of_no_proposal_rejects_nobody(relations):
    assert relations("President Luis Vega dismissed the Peruvian government.") == set()
    assert ("REJECT", "Peru", "Chile", "asserted") in relations("Peru rejected Chile's proposal.")


def test_relations_a_signing_welcomed_is_an_agreement_of_the_signers_only(relations):
    got = relations("Chile welcomed the signing by Peru and Bolivia of the border treaty.")
    assert ("AGREE", "Peru", "Bolivia", "asserted") in got or ("AGREE", "Bolivia", "Peru", "asserted") in got
    assert not [r for r in got if r[0] == "AGREE" and "Chile" in r[1:3]]  # the welcomer signed nothing
    assert ("SUPPORT", "Chile", "Peru", "asserted") in got


def test_relations_the_thing_a_relative_clause_says_someone_made_is_theirs(relations):
    assert ("REJECT", "Chile", "Bolivia", "asserted") in relations("Chile rejected the proposal Bolivia made.")


def test_relations_a_demand_reported_in_speech_is_a_request_of_its_subject(relations):
    """ "X said Y should / must / needs to V" asks Y; "X said Y will V" only reports, and a
    cue inside a demanded clause is its content, not an act."""
    assert ("REQUEST", "Ana Ruiz", "Peru", "asserted") in relations(
        "Foreign Minister Ana Ruiz said Peru should reopen the border."
    )
    assert ("REQUEST", "Chile", "Bolivia", "asserted") in relations('"Bolivia needs to honour the treaty," Chile said.')
    assert ("REQUEST", "Chile", "Peru", "asserted") in relations("Chile said Peru must impose sanctions on Bolivia.")
    assert not [r for r in relations("Chile said Peru must impose sanctions on Bolivia.") if r[0] == "SANCTION"]
    assert relations("Chile said Peru will hold elections in May.") == set()
    assert relations("Ana Ruiz, who lives in Lima, said Peru should reopen the border.") == set()  # no official
    # nobody asked anyone: Peru's sovereignty is backed, a SUPPORT (test_relation_parties.py)
    assert {r[0] for r in relations("Chile said Peru's sovereignty has to be respected.")} == {"SUPPORT"}
    assert ("SANCTION", "Peru", "Bolivia", "asserted") in relations("Chile said Peru imposed sanctions on Bolivia.")


def test_relations_a_spokesperson_of_a_person_speaks_for_that_person_from_then_on(relations):
    got = relations("Rui Lopes, President Vega's spokesman, said Peru should apologise. He said Chile must act.")
    assert {r for r in got if r[0] == "REQUEST"} == {
        ("REQUEST", "Vega", "Peru", "asserted"),
        ("REQUEST", "Vega", "Chile", "asserted"),
    }


def test_relations_a_warning_threatens_with_a_consequence_the_warner_controls(relations):
    assert ("THREATEN", "Chile", "Bolivia", "asserted") in relations("Chile warned Bolivia of serious consequences.")
    got = relations("Chile warned that it would close the border if Bolivia fails to withdraw its troops.")
    assert ("THREATEN", "Chile", "Bolivia", "asserted") in got
    assert relations("Chile warned Bolivia about the storm.") == set()
    assert relations("Chile warned that the crisis could spread if Bolivia fails to act.") == set()  # no act of Chile's


def test_relations_a_people_named_by_its_plural_demonym_is_its_country(relations):
    assert ("REJECT", "Peru", "Chile", "asserted") in relations("Peruvians have refused to negotiate with Chile.")
    got = relations("Peruvians want the islands back, and have refused to negotiate with Chile.")
    assert ("REJECT", "Peru", "Chile", "asserted") in got  # the refusal has its own tense, no wish


def test_relations_they_as_the_source_of_a_directed_act_is_no_source(relations):
    got = relations("Ana Ruiz met Luis Vega in Lima. They urged Bolivia to release the prisoners.")
    assert not [r for r in got if r[0] == "REQUEST"]


def test_relations_he_is_the_last_subject_even_when_the_parser_heads_it_with_a_title(relations):
    """The parser makes "President" the subject and the name its apposition here: still the
    subject, so "He" is the president, not the reporter of the byline."""
    text = (
        "Ecuador and Venezuela have ordered troops to their borders with Colombia, after a Colombian attack"
        " on rebels inside Ecuador. VOA's Tom Baker reports from Miami.\n\n"
        "Ecuador's President Rafael Moreno said he had recalled his country's top diplomat in Colombia and"
        " expelled Colombia's ambassador from Quito. He also called for immediate meetings of the Andean Council."
    )
    got = relations(text)
    assert ("REQUEST", "Rafael Moreno", "Andean Council", "asserted") in got
    assert not [r for r in got if r[1] == "Tom Baker"]


def test_relations_seeking_or_negotiating_a_deal_is_a_hypothetical_agreement(relations):
    assert ("AGREE", "Peru", "Chile", "hypothetical") in relations("Peru is seeking a border treaty with Chile.")
    got = relations("Talks between Peru and Chile on a trade deal resumed on Monday.")
    assert {r[0] for r in got} == {"AGREE"} and {r[3] for r in got} == {"hypothetical"}
    # discussing a deal of others makes the discussers no party to it
    assert relations("Ana Ruiz and Luis Vega discussed the truce between Peru and Chile.") == set()
    assert relations("Peru wants a deal.") == set()  # one party only


def test_relations_two_parties_joined_by_a_dash_before_a_deal_noun_are_its_parties(relations):
    got = relations("Chile Hosts Envoys Ahead of Peru–Bolivia Deal Signing")
    assert {(r[0], frozenset(r[1:3]), r[3]) for r in got} == {("AGREE", frozenset({"Peru", "Bolivia"}), "scheduled")}
    assert relations("Peru-Bolivia talks resumed in Lima.") == set()  # talks are a meeting, no deal


def test_relations_the_country_of_x_is_x(relations):
    got = relations("The Andean country of Peru has cut diplomatic ties with Chile.")
    assert ("SANCTION", "Peru", "Chile", "asserted") in got


def test_relations_an_allegation_reported_in_speech_is_an_accusation(relations):
    assert ("ACCUSE", "Peru", "Chile", "asserted") in relations("Peru says Chile is violating the border agreement.")
    got = relations("Foreign Minister Ana Ruiz said Chile was responsible for the attack on the convoy.")
    assert ("ACCUSE", "Ana Ruiz", "Chile", "asserted") in got
    assert relations("Peru said Chile was responsible for the talks.") == set()  # no harm, no blame
    assert relations("Peru said Chile was not responsible for the attack.") == set()
    assert relations("Peru said Chile is hosting the summit.") == set()


def test_relations_it_takes_up_the_country_or_body_last_in_subject_position(relations):
    got = relations("Peru closed its border with Bolivia on Monday. It also imposed sanctions on Chile.")
    assert ("SANCTION", "Peru", "Chile", "asserted") in got
    assert {(r[0], r[1], r[2]) for r in relations("Peru said it would impose sanctions on Chile.")} == {
        ("SANCTION", "Peru", "Chile")
    }
    got = relations("Ana Ruiz criticised the plan on Monday. It also urged Chile to reopen the border.")
    assert not [r for r in got if r[0] == "REQUEST"]  # a person is no "it"

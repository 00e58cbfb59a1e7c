"""Who the parties of a relation are when the parse puts them out of the usual place: seats of
government, messages, misplaced "by" phrases, thanks, summoned envoys, accepted proposals.
Every sentence is our own, each rule with a negative."""

from __future__ import annotations

import pytest


def test_a_seat_of_government_speaks_for_its_country(relations):
    got = relations("White House spokesman Tom Reyes said Peru was violating the border agreement.")
    assert ("ACCUSE", "United States", "Peru", "asserted") in got
    assert ("ACCUSE", "United States", "Chile", "asserted") in relations("The White House condemned Chile's decision.")
    # the place itself stays a place where things happen: a meeting there is no act of the country
    assert relations("Ana Ruiz met Luis Vega at the White House on Monday.") == set()


def test_a_message_acts_for_whoever_issued_it(relations):
    got = relations("The Andean Council issued a statement calling on Venezuela to free the prisoners.")
    assert got == {("REQUEST", "Andean Council", "Venezuela", "asserted")}
    assert ("ACCUSE", "Andean Council", "Peru", "asserted") in relations(
        "A statement from the Andean Council condemned Peru's decision."
    )
    assert relations("A statement condemned Peru's decision.") == set()  # nobody issued it


def test_a_by_phrase_on_an_active_verb_belongs_to_its_object(relations):
    assert ("REJECT", "Chile", "Bolivia", "asserted") in relations("Chile rejected the proposal by Bolivia.")
    assert ("SUPPORT", "Chile", "Peru", "asserted") in relations("Chile welcomes the signing yesterday by Peru.")
    assert relations("Chile rejected the proposal by a wide margin.") == set()  # no party behind the "by"


def test_thanks_support_whose_contribution_is_thanked_never_a_courtesy(relations):
    got = relations("Chancellor Eva Lind thanked Luis Vega for Peru's commitment to the mission.")
    assert got == {("SUPPORT", "Eva Lind", "Peru", "asserted")}
    assert ("SUPPORT", "Eva Lind", "Norway", "asserted") in relations(
        "Chancellor Eva Lind thanked Norway for its support."
    )
    assert relations("Chancellor Eva Lind thanked Luis Vega for his hospitality.") == set()
    assert relations("Chancellor Eva Lind thanked Luis Vega for hosting the summit.") == set()


def test_the_owner_of_a_statement_is_the_titled_body(relations):
    got = relations("Chancellor Eva Lind supports the statement of the Chairman of the Andean Council.")
    assert ("SUPPORT", "Eva Lind", "Andean Council", "asserted") in got


def test_summoning_an_envoy_protests_to_their_country(relations):
    assert ("ACCUSE", "Chile", "Bolivia", "asserted") in relations("Chile summoned Bolivia's ambassador over the raid.")
    assert relations("Chile summoned its ambassador to Bolivia for consultations.") == set()
    assert relations("Chile summoned Bolivia's football coach.") == set()  # no envoy


def test_asking_for_something_is_a_request(relations):
    assert ("REQUEST", "Peru", "Chile", "asserted") in relations("Peru asked Chile for emergency credit.")
    assert relations("Peru asked Chile about the weather.") == set()


def test_an_agreement_to_a_deal_or_a_proposal_accepted(relations):
    got = relations("Peru and Bolivia agreed to a ceasefire on Monday.")
    assert {r[0] for r in got} == {"AGREE"} and {frozenset(r[1:3]) for r in got} == {frozenset({"Peru", "Bolivia"})}
    assert relations("Peru and Bolivia agreed to talks on Monday.") == set()  # talks are a meeting
    got = relations("Chile accepted Bolivia's proposal for a truce.")
    assert {frozenset(r[1:3]) for r in got if r[0] == "AGREE"} == {frozenset({"Chile", "Bolivia"})}
    assert relations("Chile accepted Bolivia's invitation.") == set()  # an invitation is to meet


def test_halting_aid_or_freezing_assets_sanctions_the_recipient(relations):
    assert ("SANCTION", "Canada", "Belarus", "asserted") in relations("Canada suspended aid to Belarus on Monday.")
    assert ("SANCTION", "Canada", "Belarus", "denied") in relations("Canada did not halt aid to Belarus.")
    assert ("AID", "Canada", "Belarus", "asserted") in relations("Canada sent aid to Belarus.")  # not a sanction
    got = relations("Canada froze the assets of President Luis Vega.")
    assert ("SANCTION", "Canada", "Luis Vega", "asserted") in got
    assert relations("Canada froze the assets.") == set()


def test_the_content_of_a_warning_or_an_accusation_is_no_act_of_its_own(relations):
    assert not [r for r in relations("Russia warned NATO against sending troops to Ukraine.") if r[0] == "AID"]
    assert relations("Chile accused Peru of arming the rebels of Bolivia.") == {("ACCUSE", "Chile", "Peru", "asserted")}
    assert ("AID", "Syria", "Hezbollah", "denied") in relations("Syria denied arming Hezbollah.")


def test_phrasal_cues_need_their_particle(relations):
    assert ("ACCUSE", "Iran", "Israel", "asserted") in relations("Iran lashed out at Israel over the strikes.")
    assert ("REJECT", "Kenya", "Somalia", "asserted") in relations("Kenya turned down Somalia's offer.")
    assert relations("Kenya turned Somalia's offer around.") == set()


def test_a_vow_threatens_only_a_blow(relations):
    assert ("THREATEN", "Iran", "Israel", "asserted") in relations("Iran vowed to retaliate against Israel.")
    assert relations("Iran vowed to support Syria.") == set()


def test_calls_and_presses_name_their_addressee(relations):
    assert ("REQUEST", "Chile", "Peru", "asserted") in relations("Chile called for Peru to reopen the border.")
    assert relations("Chile called for calm.") == set()
    got = relations("Foreign Minister Ana Ruiz pressed Peru on its treatment of migrants.")
    assert ("REQUEST", "Ana Ruiz", "Peru", "asserted") in got


def test_the_party_of_an_agreement_object_and_of_a_ban_or_an_expulsion(relations):
    got = relations("Chile signed a memorandum of understanding with Peru.")
    assert {frozenset(r[1:3]) for r in got if r[0] == "AGREE"} == {frozenset({"Chile", "Peru"})}
    assert ("SANCTION", "Chile", "Peru", "asserted") in relations("Chile banned imports from Peru.")
    assert relations("Chile banned smoking in bars.") == set()
    got = relations("Poland expelled two diplomats from the embassy of Belarus in Warsaw.")
    assert ("SANCTION", "Poland", "Belarus", "asserted") in got


def test_a_warning_without_a_consequence_is_a_demand(relations):
    assert relations("Chile warned Peru not to interfere.") == {("REQUEST", "Chile", "Peru", "asserted")}
    assert ("THREATEN", "Chile", "Peru", "asserted") in relations("Chile warned Peru of serious consequences.")
    assert ("THREATEN", "Chile", "Peru", "asserted") in relations("Chile warned Peru it would pay a heavy price.")


def test_a_city_hosting_a_body_stands_for_it_where_the_text_names_it(relations):
    got = relations("The European Union froze the funds, and Hungary accused Brussels of blackmail.")
    assert ("ACCUSE", "Hungary", "European Union", "asserted") in got
    assert ("ACCUSE", "Hungary", "Belgium", "asserted") in relations("Hungary accused Brussels of blackmail.")


def test_criticism_drawn_and_a_commitment_to_defend(relations):
    got = relations("Hungary has blocked the package, drawing criticism from Poland.")
    assert ("ACCUSE", "Poland", "Hungary", "asserted") in got
    got = relations("The United States reaffirmed its commitment to defend the Philippines.")
    assert ("SUPPORT", "United States", "Philippines", "asserted") in got
    assert relations("The United States reaffirmed its commitment to free trade.") == set()


def test_a_passive_subject_names_whose_thing_was_opposed(relations):
    assert ("REJECT", "Russia", "Georgia", "asserted") in relations("Tbilisi's bid to join NATO is opposed by Moscow.")
    assert ("ACCUSE", "Poland", "Russia", "asserted") in relations("Russia's strikes were condemned by Poland.")
    assert relations("Tbilisi's bid to join NATO is opposed by many.") == set()


def test_a_preposition_after_an_occasion_is_the_verbs(relations):
    got = relations("President Luis Vega complained during a meeting with lawmakers in Lima about Chile's plans.")
    assert ("ACCUSE", "Luis Vega", "Chile", "asserted") in got
    assert relations("President Luis Vega complained during a meeting with lawmakers about the weather.") == set()


def test_regretting_that_a_party_failed_faults_it(relations):
    got = relations("Foreign Minister Ana Ruiz regrets that the Government of Peru has failed to hold the vote.")
    assert got == {("ACCUSE", "Ana Ruiz", "Peru", "asserted")}  # the government of a country is the country
    assert relations("Foreign Minister Ana Ruiz regretted her inability to attend.") == set()


def test_a_charge_beside_a_clause_is_its_subjects_and_is_denied_by_another(relations):
    got = relations("Chile accused Peru of shelling the border post - a charge Lima denies.")
    assert {("ACCUSE", "Chile", "Peru", "asserted"), ("REJECT", "Peru", "Chile", "asserted")} <= got
    assert ("REJECT", "Chile", "Bolivia", "asserted") in relations("Chile rejected the proposal Bolivia made.")


def test_a_bare_title_of_a_bodys_head_speaks_for_the_body_when_no_holder_is_named(relations):
    text = "The United Nations issued a statement. The Secretary-General welcomes the signing by Peru of the treaty."
    assert ("SUPPORT", "United Nations", "Peru", "asserted") in relations(text)
    assert relations("The Secretary-General welcomes the signing by Peru of the treaty.") == set()  # no body named


def test_hope_that_a_party_will_act_asks_it_and_a_wished_thanks_is_given(relations):
    got = relations("Foreign Minister Ana Ruiz expressed hope that President Luis Vega will sign the treaty.")
    assert ("REQUEST", "Ana Ruiz", "Luis Vega", "asserted") in got
    assert relations("Foreign Minister Ana Ruiz expressed hope that the weather will improve.") == set()
    assert ("SUPPORT", "Chile", "Norway", "asserted") in relations("Chile wishes to thank Norway for its support.")
    assert ("SUPPORT", "Chile", "Norway", "denied") in relations("Chile does not wish to thank Norway.")


def test_saying_a_partys_claims_are_false_rejects_them(relations):
    got = relations("Peru made new claims. Chile said the Peruvian claims were baseless.")
    assert ("REJECT", "Chile", "Peru", "asserted") in got
    assert relations("Peru made new claims. Chile said the Peruvian claims were detailed.") == set()
    text = "Peru made new claims. Chile protested, with the Chileans saying that the Peruvian claims were false."
    assert ("REJECT", "Chile", "Peru", "asserted") in relations(text)  # "with X saying": asserted, as the clause


def test_saying_a_partys_integrity_must_be_respected_supports_it(relations):
    got = relations("Chancellor Eva Lind stated that Georgia's territorial integrity has to be respected.")
    assert ("SUPPORT", "Eva Lind", "Georgia", "asserted") in got
    assert relations("Chancellor Eva Lind stated that Georgia's economy has to be respected.") == set()


def test_expecting_a_withdrawal_asks_whose_forces_leave(relations):
    got = relations(
        "Russia sent troops. Chancellor Eva Lind said she expected a withdrawal of Russian forces from Georgia."
    )
    assert ("REQUEST", "Eva Lind", "Russia", "asserted") in got
    assert not [r for r in got if r[2] == "Georgia"]  # the place left is no party


def test_a_retaliation_on_a_condition_threatens_its_subject(relations):
    got = relations(
        "Peru sent troops. President Luis Vega said he would respond if Peruvian troops crossed the border."
    )
    assert ("THREATEN", "Luis Vega", "Peru", "asserted") in got
    assert relations("Peru sent troops. President Luis Vega said he would attend if Peru invited him.") == set()


def test_responsible_for_providing_weapons_accuses_and_a_deal_adjunct_names_the_partner(relations):
    got = relations("Defense Secretary Ana Ruiz said that Syria was responsible for providing weapons to Hezbollah.")
    assert ("ACCUSE", "Ana Ruiz", "Syria", "asserted") in got
    assert (
        relations("Defense Secretary Ana Ruiz said that Syria was responsible for providing food to refugees.") == set()
    )
    got = relations("Under a 2002 agreement with NATO, Russia agreed to cooperate on rescues at sea.")
    assert {frozenset(r[1:3]) for r in got if r[0] == "AGREE"} == {frozenset({"Russia", "NATO"})}


def test_they_after_a_call_of_two_is_its_two_parties(relations):
    text = (
        "Prime Minister Ana Ruiz had a telephone conversation today with Prime Minister Luis Vega. "
        "Prime Minister Vega thanked Chile for the invitation. "
        "They agreed to work towards a free trade agreement."
    )
    got = relations(text)
    assert {frozenset(r[1:3]) for r in got if r[0] == "AGREE"} == {frozenset({"Ana Ruiz", "Luis Vega"})}
    assert not [r for r in relations("Luis Vega spoke on Monday. They agreed to cut tariffs.") if r[0] == "AGREE"]


def test_suspending_plans_for_a_party_sanctions_it(relations):
    got = relations("Russia invaded Georgia. NATO suspended plans for a Russian ship to join the patrols.")
    assert ("SANCTION", "NATO", "Russia", "asserted") in got
    assert relations("NATO suspended plans for a new headquarters.") == set()


def test_a_secret_program_alleged_and_the_accused_denying_it_next(relations):
    got = relations("Chile maintains Peru has a clandestine program to build missiles. Lima denies this.")
    assert {("ACCUSE", "Chile", "Peru", "asserted"), ("REJECT", "Peru", "Chile", "asserted")} <= got
    assert relations("Chile said Peru has a space program.") == set()
    got = relations("Chile maintains Peru has a clandestine program to build missiles. Bolivia denies this.")
    assert not [r for r in got if r[0] == "REJECT"]  # only the one accused answers the charge


def test_partners_named_with_are_the_subjects_not_each_others(relations):
    got = relations("Chile is seeking a peace treaty with Peru and Bolivia.")
    assert {frozenset(r[1:3]) for r in got if r[0] == "AGREE"} == {
        frozenset({"Chile", "Peru"}),
        frozenset({"Chile", "Bolivia"}),
    }
    got = relations("Peru and Bolivia signed a peace treaty.")
    assert {frozenset(r[1:3]) for r in got if r[0] == "AGREE"} == {frozenset({"Peru", "Bolivia"})}


def test_a_conjunct_that_opens_the_next_clause_is_no_target(relations):
    got = relations("Canada imposed sanctions on Belarus and President Luis Vega announced new elections.")
    assert ("SANCTION", "Canada", "Belarus", "asserted") in got
    assert not [r for r in got if r[2] == "Luis Vega"]
    assert ("SANCTION", "Canada", "Russia", "asserted") in relations("Canada imposed sanctions on Belarus and Russia.")


def test_speaking_for_a_partys_independence_backs_it(relations):
    assert ("SUPPORT", "Chile", "Kosovo", "asserted") in relations("Chile speaks for Kosovo independence")
    assert ("SUPPORT", "Poland", "Ukraine", "asserted") in relations("Poland lobbied for Ukraine's membership of NATO.")
    assert relations("A spokesman who speaks for the Foreign Ministry of Peru declined to comment.") == set()
    assert relations("Chile spoke with Peru on Monday.") == set()  # a call, never also a relation


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru share a border. Peru's foreign ministry condemned Chile.",
        "Chile and Peru share a border. The Peruvian embassy criticised Chile.",
        "Chile and Peru share a border. A spokesman for the Peruvian defence ministry accused Chile of spying.",
    ],
)
def test_an_unnamed_office_of_a_country_speaks_for_it(relations, text):
    assert ("ACCUSE", "Peru", "Chile", "asserted") in relations(text)


def test_a_named_office_is_its_own_party_and_an_ownerless_one_nobody(relations):
    assert ("ACCUSE", "Peruvian Foreign Ministry", "Chile", "asserted") in relations(
        "The Peruvian Foreign Ministry condemned Chile."
    )
    assert relations("Chile and Peru share a border. The ministry condemned Chile.") == set()


def test_visiting_an_embassy_is_no_meeting_with_its_country(read):
    x = read("Chile and Peru share a border. Foreign Minister Ana Ruiz visited the Peruvian embassy in Santiago.")
    assert x.meetings == [] and x.relations == []


def test_a_headline_joins_its_subjects_with_a_comma(relations):
    agree = {(frozenset(r[1:3]), r[3]) for r in relations("Peru, Chile sign border treaty") if r[0] == "AGREE"}
    assert agree == {(frozenset({"Peru", "Chile"}), "asserted")}
    agree = {(frozenset(r[1:3]), r[3]) for r in relations("Brazil, Argentina to sign trade deal") if r[0] == "AGREE"}
    assert agree == {(frozenset({"Brazil", "Argentina"}), "scheduled")}
    assert {("ACCUSE", "Chile", "Peru", "asserted"), ("ACCUSE", "Bolivia", "Peru", "asserted")} <= relations(
        "Chile, Bolivia condemn Peru over border closure"
    )


def test_a_comma_after_an_adjunct_or_before_an_apposition_joins_no_subject(relations):
    assert relations("On Monday, Chile condemned Peru.") == {("ACCUSE", "Chile", "Peru", "asserted")}
    got = relations("Brazil, the largest country in South America, signed a deal with Argentina.")
    assert {frozenset(r[1:3]) for r in got if r[0] == "AGREE"} == {frozenset({"Brazil", "Argentina"})}


MET = "Foreign Minister Ana Ruiz met Foreign Minister Eva Lind in Oslo. "


def test_a_counted_plural_acts_for_the_parties_it_counts(relations):
    got = relations(MET + "The two ministers condemned Peru's missile tests.")
    assert {("ACCUSE", "Ana Ruiz", "Peru", "asserted"), ("ACCUSE", "Eva Lind", "Peru", "asserted")} <= got
    # "they" is a guess at who spoke: no source
    assert not [r for r in relations(MET + "They condemned Peru's missile tests.") if r[0] == "ACCUSE"]


def test_a_name_that_labels_a_thing_owns_no_act(relations):
    # the office is Peru Trade's only by its label: welcoming its opening supports nobody
    assert not [
        r for r in relations(MET + "Both leaders welcomed the opening of the Peru Trade office.") if r[0] == "SUPPORT"
    ]
    assert ("SUPPORT", "Ana Ruiz", "Peru", "asserted") in relations(MET + "Ruiz welcomed the decision of Peru to join.")


def test_a_spokesperson_of_a_countrys_unnamed_office_speaks_for_the_country(relations):
    pre = "Peru and Chile share a border. "
    assert ("ACCUSE", "Peru", "Chile", "asserted") in relations(
        pre + "Peruvian foreign ministry spokesperson Ana Ruiz criticised Chile."
    )
    assert ("ACCUSE", "Peru", "Chile", "asserted") in relations(
        pre + "Peru's defence ministry spokesman Luis Vega criticised Chile."
    )
    # no country named before the portfolio: the spokesperson acts as herself
    assert ("ACCUSE", "Ana Ruiz", "Chile", "asserted") in relations(
        pre + "Government spokesperson Ana Ruiz criticised Chile."
    )


def test_welcoming_a_person_greets_them_and_backs_no_decision(read, relations):
    x = read("President Luis Vega welcomed Prime Minister Eva Lind to Lima.")
    assert not [r for r in x.relations if r.type == "SUPPORT"]
    assert {frozenset(m.participants) for m in x.meetings} >= {frozenset({"Luis Vega", "Eva Lind"})}
    assert ("SUPPORT", "Luis Vega", "Norway", "asserted") in relations(
        "President Luis Vega welcomed Norway's decision."
    )


def test_i_in_a_quotation_is_the_person_it_is_attributed_to(relations):
    met = "President Luis Vega met Prime Minister Eva Lind in Lima. "
    got = relations(met + '"I praised the prime minister for her courage," President Vega said.')
    assert ("SUPPORT", "Luis Vega", "Eva Lind", "asserted") in got
    # attributed to a pronoun, the quotation names no speaker
    assert not [
        r for r in relations(met + '"I praised the prime minister for her courage," he said.') if r[0] == "SUPPORT"
    ]


def test_an_unnamed_representative_of_a_country_is_the_country(relations):
    pre = "Chile and Peru share a border. On Monday, the representative of Peru"
    assert ("REQUEST", "Peru", "Chile", "asserted") in relations(pre + " urged Chile to reopen the border.")
    # named, the representative acts as herself
    assert ("REQUEST", "Ana Ruiz", "Chile", "asserted") in relations(
        pre + ", Ana Ruiz, urged Chile to reopen the border."
    )


def test_an_act_done_to_someone_faults_its_doer_never_its_victim(relations):
    """ "the invasion of Ukraine" is done to Ukraine: the doer is the possessor, the demonym or the
    "by" phrase (relations/clauses.json "patient_nouns")."""
    lead = "Foreign Minister Ana Ruiz of Peru "
    for act in ["the Russian invasion of Ukraine", "Russia's invasion of Ukraine", "the invasion of Ukraine by Russia"]:
        assert relations(lead + "condemned " + act + " on Monday.") == {("ACCUSE", "Ana Ruiz", "Russia", "asserted")}
    assert relations(lead + "condemned the invasion of Ukraine on Monday.") == set()  # no doer named
    assert relations(lead + "welcomed the release of journalist Eva Lind by Iran.") == {
        ("SUPPORT", "Ana Ruiz", "Iran", "asserted")
    }
    assert relations(lead + "welcomed the release of journalist Eva Lind.") == set()
    # an "of" phrase of any other act is still whose it is
    assert relations(lead + "welcomed the proposal of Chile.") == {("SUPPORT", "Ana Ruiz", "Chile", "asserted")}


def test_a_demonym_on_an_act_names_who_acts(relations):
    """ "a Russian withdrawal" is Russia's, named in the text or not (relations/clauses.json
    "act_nouns"); a demonym on a thing names its country only where the text names it."""
    lead = "Foreign Minister Ana Ruiz of Peru "
    assert relations(lead + "called for a Russian withdrawal from Ukraine.") == {
        ("REQUEST", "Ana Ruiz", "Russia", "asserted")
    }
    assert relations(lead + "urged Chinese restraint.") == {("REQUEST", "Ana Ruiz", "China", "asserted")}
    assert relations(lead + "condemned Iranian interference in the election.") == {
        ("ACCUSE", "Ana Ruiz", "Iran", "asserted")
    }
    assert relations(lead + "criticised Chinese goods.") == set()


def test_the_sides_a_relation_takes_up_are_their_heads_when_named_nearby(relations):
    """A country standing for its delegation is the person heading it when the text titles one
    of it nearby (kg.extract.heads, as for meetings); "them" in an adjunct ("after urging them")
    takes up the clause's object."""
    talks = "Peru and Chile held talks in Quito on Monday. "
    named = "Peruvian Foreign Minister Ana Ruiz and Chilean Foreign Minister Luis Vega led the talks. "
    host = "Ecuador's Foreign Minister Eva Lind hosted the two sides for dinner, after urging them to compromise."
    got = relations(talks + named + host)
    assert {r for r in got if r[0] == "REQUEST"} == {
        ("REQUEST", "Eva Lind", "Ana Ruiz", "asserted"),
        ("REQUEST", "Eva Lind", "Luis Vega", "asserted"),
    }
    # no one titled of either side: the countries stand for their delegations
    got = relations(talks + host)
    assert {r for r in got if r[0] == "REQUEST"} == {
        ("REQUEST", "Eva Lind", "Peru", "asserted"),
        ("REQUEST", "Eva Lind", "Chile", "asserted"),
    }

"""One test per extraction phenomenon, each on a sentence of our own (never from the gold set)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.documents.sources import documents_from_text


def extract(extractor, text: str, day: date | None = None):
    docs = documents_from_text(text, date=day)
    return next(extractor(docs[:1]))


def meetings(x) -> list[tuple[frozenset, str]]:
    return [(frozenset(m.participants), m.status) for m in x.meetings]


def test_phenomena_honorifics_are_not_names(extractor):
    x = extract(extractor, "The minister met H.E. Mr. Kofi Mensah, Ambassador of Ghana, in Accra on Monday.")
    names = {e.name for e in x.entities}
    assert "Kofi Mensah" in names and not any(n.startswith(("H.E", "Mr")) for n in names)


def test_phenomena_generational_suffix_stays_in_name(extractor):
    x = extract(extractor, "Governor Robert Hale, Jr. spoke today with Mayor Lucia Ortiz about the floods.")
    assert "Robert Hale, Jr." in {e.name for e in x.entities}
    assert (frozenset({"Robert Hale, Jr.", "Lucia Ortiz"}), "held") in meetings(x)
    assert x.meetings[0].kind == "call"


def test_phenomena_title_inside_an_organisation_name(extractor):
    x = extract(extractor, "Delegates gathered at the UN General Assembly in New York.")
    assert "Assembly" not in {e.name for e in x.entities}
    assert not [r for r in x.roles if r.title == "General"]


def test_phenomena_secretary_of_state_is_no_organisation(extractor):
    x = extract(extractor, "Secretary of State Maria Olsen met Foreign Minister Tomas Berg in Oslo.")
    assert "State" not in {e.name for e in x.entities}
    assert ("Maria Olsen", "Secretary of State") in {(r.person, r.title) for r in x.roles}


def test_phenomena_visit_to_a_capital_meets_its_country(extractor):
    x = extract(
        extractor, "Trade Minister Ana Lopes will visit Nairobi next month to discuss tariffs.", date(2024, 5, 2)
    )
    (m,) = x.meetings
    assert set(m.participants) == {"Ana Lopes", "Kenya"} and m.status == "scheduled" and m.place == "Nairobi"


def test_phenomena_title_anaphora(extractor):
    text = (
        "The Interior Minister Clara Voss has invited Home Secretary Dan Price to Berlin.\n"
        "The Home Secretary will visit Berlin in the spring to discuss migration."
    )
    x = extract(extractor, text)
    assert (frozenset({"Dan Price", "Germany"}), "scheduled") in meetings(x)


def test_phenomena_appositive_titles_and_lists(extractor):
    x = extract(
        extractor,
        "Pia Lind, Director-General\n\nThe Director-General met jointly with the President of the Nordic Council, "
        "H.E. Mr. Jon Aas, and the Commissioner of the European Union for Energy and Climate, Dr. Eva Holm.",
    )
    assert (frozenset({"Pia Lind", "Jon Aas", "Eva Holm"}), "held") in meetings(x)
    roles = {(r.person, r.title, r.of) for r in x.roles}
    assert ("Jon Aas", "President", "Nordic Council") in roles
    assert ("Eva Holm", "Commissioner for Energy and Climate", "European Union") in roles


def test_phenomena_sentences_do_not_break_after_honorifics(extractor):
    x = extract(extractor, "The premier met with H.E. Mr. Omar Said. They discussed trade.")
    assert "Omar Said" in {e.name for e in x.entities}


def test_phenomena_longer_name_form_joins_full_name(extractor):
    x = extract(extractor, "On Monday, Josep Ferrer Vidal arrived in Lisbon. Josep Ferrer said the talks went well.")
    people = [e for e in x.entities if e.type == "Person"]
    assert len(people) == 1 and "Josep Ferrer" in people[0].aliases


def test_phenomena_title_line_folds_into_the_body_meeting(extractor):
    """Each named counterpart of "met with A and B" is a meeting of its own; the readout's title
    restates one of them and adds evidence, not a meeting."""
    text = (
        "Readout of the Chancellor's Meeting with President Lea Kurz\n\n"
        "Chancellor Max Brand met with President Lea Kurz and Prime Minister Ivo Sand in Vienna."
    )
    x = extract(extractor, text)
    assert sorted(meetings(x), key=str) == sorted(
        [(frozenset({"Max Brand", "Lea Kurz"}), "held"), (frozenset({"Max Brand", "Ivo Sand"}), "held")], key=str
    )
    kurz = next(m for m in x.meetings if "Lea Kurz" in m.participants)
    assert "met with President Lea Kurz" in kurz.evidence.text and len(kurz.more_evidence) == 1
    assert kurz.place == "Vienna"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("President Ada Roe will meet Chancellor Ben Ulm in Bern on Friday.", "scheduled"),
        ("President Ada Roe could meet Chancellor Ben Ulm later this year.", "potential"),
        ("President Ada Roe cancelled her meeting with Chancellor Ben Ulm.", "cancelled"),
        ("President Ada Roe met Chancellor Ben Ulm in Bern on Friday.", "held"),
    ],
)
def test_phenomena_status_from_modality(extractor, sentence, status):
    x = extract(extractor, sentence)
    assert (frozenset({"Ada Roe", "Ben Ulm"}), status) in meetings(x)


def test_phenomena_headline_entities_lose_glued_verbs(extractor):
    x = extract(
        extractor, "Norway Expands NATO Patrols as Sweden Hosts Drills\nGhana Welcomes IMF Mission Amid Debt Talks\n"
    )
    names = {e.name for e in x.entities}
    assert {"Norway", "Sweden"} <= names
    assert not any(len(n.split()) > 1 and n.split()[-1] in {"Expands", "Hosts", "Welcomes", "Patrols"} for n in names)


def test_phenomena_headline_keeps_organisation_of_tail(extractor):
    x = extract(extractor, "Protests Grow Outside U.S. Institute of Peace Ahead of Vote\nMarkets Slide Again\n")
    assert "U.S. Institute of Peace" in {e.name for e in x.entities}


def test_phenomena_country_after_name_completes_role(extractor):
    x = extract(extractor, "President Ruto Kamau of Kenya spoke today with Chancellor Eva Brandt.")
    assert ("Ruto Kamau", "President", "Kenya") in {(r.person, r.title, r.of) for r in x.roles}


def test_phenomena_less_specific_role_is_dropped(extractor):
    x = extract(
        extractor, "Secretary of Defense Lia Grant arrived. Secretary Grant then met German Defence Minister Paul Hart."
    )
    roles = {(r.person, r.title, r.of) for r in x.roles}
    assert ("Lia Grant", "Secretary of Defense", None) in roles and ("Lia Grant", "Secretary", None) not in roles


def test_phenomena_demonym_government_is_the_country(extractor):
    x = extract(extractor, "The talks stalled after the Iranian Government rejected the offer.")
    countries = {e.name: e for e in x.entities if e.type == "Country"}
    assert "Iran" in countries and "Iranian Government" not in {e.name for e in x.entities}


def test_phenomena_generic_word_is_no_organisation(extractor):
    x = extract(extractor, "Secretary Ann Cole said the Administration would respond.")
    assert "Administration" not in {e.name for e in x.entities}


def test_phenomena_byline_is_not_recased(extractor):
    x = extract(extractor, "Pia Lind, Director-General\n\nThe Director-General met the Mayor of Oslo, Kari Berg.")
    assert "Pia Lind" in {e.name for e in x.entities}
    assert ("Pia Lind", "Director-General", None) in {(r.person, r.title, r.of) for r in x.roles}


def test_phenomena_meeting_at_a_ministry_building(extractor):
    x = extract(
        extractor, "Foreign Minister Lina Haas met Prime Minister Omar Bakr today at the Ministry of Foreign Affairs."
    )
    (m,) = x.meetings
    assert m.place == "Ministry of Foreign Affairs"


def test_phenomena_organ_is_no_meeting_place(extractor):
    x = extract(extractor, "Prime Minister Omar Bakr and Chancellor Lina Haas last met at the UN General Assembly.")
    (m,) = x.meetings
    assert m.place is None


def test_phenomena_place_after_possessive_and_adjective(extractor):
    x = extract(extractor, "President Ida Berg hosted King Olav Storm at Norway's historic Akershus Fortress.")
    (m,) = x.meetings
    assert m.place == "Akershus Fortress"


def test_phenomena_coordinated_titles_before_one_name(extractor):
    x = extract(
        extractor, "Secretary of State Ann Cole met with Chilean Vice President and Foreign Minister Rosa Vidal today."
    )
    assert (frozenset({"Ann Cole", "Rosa Vidal"}), "held") in meetings(x)
    roles = {(r.title, r.of) for r in x.roles if r.person == "Rosa Vidal"}
    assert roles == {("Vice President", "Chile"), ("Foreign Minister", "Chile")}


def test_phenomena_dateline_gives_publication_date_and_lead_date():
    from kg.documents.sources import documents_from_text

    (doc,) = documents_from_text("Geneva\n\n3 March 2024\n\nThe Director met with President Ana Lee of Chile.\n")
    assert doc.date == date(2024, 3, 3)


def test_phenomena_lead_meeting_without_date_happened_on_publication_day(extractor):
    text = (
        "The Director Tom Wu met with President Ana Lee of Chile. They discussed trade. Wu and Lee first met in Lima."
    )
    x = extract(extractor, text, date(2024, 3, 3))
    (m,) = [m for m in x.meetings if m.evidence.start == 0]
    assert m.date == "2024-03-03"


def test_phenomena_confidence_follows_the_rule(extractor):
    text = "Delegations from Chile and Peru resumed talks in Lima. Chilean Foreign Minister Ana Ruiz and Peruvian Foreign Minister Luis Paz lead them.\nPresident Ada Roe met Chancellor Ben Ulm in Bern."
    x = extract(extractor, text)
    by_people = {frozenset(m.participants): m.confidence for m in x.meetings}
    assert by_people[frozenset({"Ada Roe", "Ben Ulm"})] > by_people[frozenset({"Ana Ruiz", "Luis Paz"})]


def test_phenomena_dateline_city_is_the_lead_meetings_place(extractor):
    text = "Geneva\n\n3 March 2024\n\nThe Director Tom Wu met with President Ana Lee of Chile. They discussed trade.\n"
    (doc,) = documents_from_text(text)
    x = next(extractor([doc]))
    (m,) = x.meetings
    assert (m.place, m.date) == ("Geneva", "2024-03-03")


def test_phenomena_no_dateline_no_borrowed_place(extractor):
    text = "Briefing on the Director's Meeting\nState Department\nGeneva Palace Hotel\n\nThe Director Tom Wu met with President Ana Lee of Chile this morning.\n"
    x = extract(extractor, text, date(2024, 3, 3))
    assert x.meetings and all(m.place is None for m in x.meetings)


def test_phenomena_the_two_sides_are_the_parties_just_named(extractor):
    text = (
        "Foreign Minister Ana Ruiz met Prime Minister Omar Bakr in Rabat on Monday. "
        "The two sides will meet again in Madrid next month."
    )
    x = extract(extractor, text)
    assert (frozenset({"Ana Ruiz", "Omar Bakr"}), "scheduled") in meetings(x)
    assert not extract(extractor, "The two sides met in Oslo.").meetings  # nobody named before: nothing


def test_phenomena_capital_and_possessive_stand_for_the_country(extractor):
    x = extract(
        extractor, "Beijing is unlikely to agree, officials said. China's embassy in Paris declined to comment."
    )
    china = next(e for e in x.entities if e.name == "China")
    assert {"Beijing", "China"} <= set(china.aliases)
    assert "China's" not in china.aliases and "China’s" not in china.aliases

"""Who took part: clause boundaries, coordination, groups standing for their country."""

from __future__ import annotations

from datetime import date

M = frozenset


def test_participants_two_clauses_are_two_meetings(read, meetings):
    x = read("President Luis Vega met Chancellor Ida Brun, and Prime Minister Eva Lind met King Olav Storm in Oslo.")
    assert meetings(x) == {(M({"Luis Vega", "Ida Brun"}), "held"), (M({"Eva Lind", "Olav Storm"}), "held")}


def test_participants_coordinated_subjects_meet_each_other(read, meetings):
    x = read("Chancellor Ida Brun and Prime Minister Eva Lind met in Bergen on Friday.")
    assert meetings(x) == {(M({"Ida Brun", "Eva Lind"}), "held")}
    assert {"Ida Brun", "Eva Lind"} <= {e.name for e in x.entities if e.type == "Person"}


def test_participants_each_named_counterpart_is_a_meeting_of_its_own(read, meetings):
    x = read("Foreign Minister Ana Ruiz will meet with President Luis Vega and Foreign Minister Carla Soto.")
    assert meetings(x) == {(M({"Ana Ruiz", "Luis Vega"}), "scheduled"), (M({"Ana Ruiz", "Carla Soto"}), "scheduled")}


def test_participants_jointly_is_one_meeting(read, meetings):
    x = read("The Secretary-General Eli Moss met jointly with President Luis Vega and Chancellor Ida Brun.")
    assert meetings(x) == {(M({"Eli Moss", "Luis Vega", "Ida Brun"}), "held")}


def test_participants_host_at_a_venue(read):
    x = read("Prime Minister Tom Reid will host President Luis Vega at Downing Street on Tuesday.")
    (m,) = x.meetings
    assert set(m.participants) == {"Tom Reid", "Luis Vega"} and m.place == "Downing Street"


def test_participants_a_long_list_of_titled_names(read, meetings):
    x = read(
        "Secretary-General Eli Moss met jointly with the President of the Andean Council, H.E. Mr. Jon Aas, "
        "and the Commissioner of the African Union for Trade, Dr. Eva Holm."
    )
    assert meetings(x) == {(M({"Eli Moss", "Jon Aas", "Eva Holm"}), "held")}


def test_participants_a_title_of_a_country_with_no_name_is_the_country(read, meetings):
    x = read("President Luis Vega met with, among others, the President of Chile.")
    assert (M({"Luis Vega", "Chile"}), "held") in meetings(x)


def test_participants_officials_of_a_country_stand_for_it(read, meetings):
    x = read("Foreign Minister Ana Ruiz will travel to Lima for talks with Peruvian officials.", date(2024, 3, 4))
    assert (M({"Ana Ruiz", "Peru"}), "scheduled") in meetings(x)


def test_participants_officials_including_a_named_person_are_that_person(read, meetings):
    x = read("Chancellor Ida Brun met with senior officials, including Defence Minister Piet Vos.")
    assert meetings(x) == {(M({"Ida Brun", "Piet Vos"}), "held")}


def test_participants_counterparts_named_nearby_are_those_people(read, meetings):
    text = (
        "Foreign Minister Ana Ruiz is scheduled to meet her Austrian counterpart on Tuesday. "
        "Austrian Foreign Minister Karl Egger arrives in Lima on Monday."
    )
    assert (M({"Ana Ruiz", "Karl Egger"}), "scheduled") in meetings(read(text))


def test_participants_a_grouping_with_no_member_named(read, meetings):
    x = read("Foreign Minister Ana Ruiz met the Arab League ministers in Cairo.")
    x2 = read("EU finance ministers met Chancellor Ida Brun in Brussels on Monday.")
    assert (M({"Ana Ruiz", "Arab League"}), "held") in meetings(x)
    assert (M({"European Union", "Ida Brun"}), "held") in meetings(x2)


def test_participants_leaders_from_many_countries_are_no_pairs(read, pairs):
    x = read("Chancellor Ida Brun attended a multilateral meeting with leaders from Chile, Peru, Bolivia and Ecuador.")
    assert not any({"Chile", "Peru"} <= p for p in pairs(x))


def test_participants_a_possessor_is_no_party_of_a_list(read, meetings):
    x = read("First Lady Ana Vega met privately with the President's wife, Marta Ruiz.")
    assert all("Luis Vega" not in p for p, _ in meetings(x))


def test_participants_list_items_under_a_lead_in(read, meetings):
    text = (
        "Defence Minister Piet Vos met with leaders over the last two days, including:\n"
        "- Chilean Minister of Defence Ana Ruiz\n"
        "- Peruvian President Luis Vega and Peruvian Minister of Defence Carla Soto\n"
        "Vos is also planning more meetings.\n"
    )
    x = read(text)
    assert (M({"Piet Vos", "Ana Ruiz"}), "held") in meetings(x)
    assert (M({"Piet Vos", "Luis Vega", "Carla Soto"}), "held") in meetings(x)


def test_participants_attendees_of_an_event_are_not_its_conductors(read, meetings):
    """Two parties who attend an event need not meet; two who lead or chair talks hold them together."""
    assert meetings(read("Norway and Chile will attend the climate summit in Lima.")) == set()
    x = read("Foreign Minister Ana Ruiz and Chancellor Ida Brun have led three rounds of talks since March.")
    assert meetings(x) == {(M({"Ana Ruiz", "Ida Brun"}), "held")}
    x = read("Foreign Minister Ana Ruiz and Chancellor Ida Brun co-chaired the talks in Oslo.")
    assert meetings(x) == {(M({"Ana Ruiz", "Ida Brun"}), "held")}


def test_participants_negotiators_of_two_sides_meet_together(read, meetings):
    """People who deal with each other, named by one noun, meet together; counterparts meet apart."""
    x = read("President Luis Vega met with Chilean and Peruvian negotiators in Lima on Tuesday.")
    assert meetings(x) == {(M({"Luis Vega", "Chile", "Peru"}), "held")}
    x = read("Chancellor Ida Brun met her Chilean and Peruvian counterparts in Lima on Tuesday.")
    assert (M({"Ida Brun", "Chile", "Peru"}), "held") not in meetings(x)


def test_participants_counterparts_named_after_a_comma_are_those_names(read, meetings):
    """ "their Chilean counterparts, Minister A and Minister B": the names say who; "their" are others."""
    x = read(
        "Foreign Minister Ana Ruiz will visit Santiago with Trade Minister Omar Haddad on Monday to hold talks "
        "with their Chilean counterparts, Minister of Foreign Affairs Pablo Rojas and Minister of Trade Elena Soto."
    )
    assert (M({"Ana Ruiz", "Omar Haddad", "Pablo Rojas", "Elena Soto"}), "scheduled") in meetings(x)
    assert not any(ps == M({"Ana Ruiz", "Omar Haddad"}) for ps, _ in meetings(x))


def test_participants_a_headline_comma_joins_the_parties(read, meetings):
    assert meetings(read("Biden, Xi to meet in San Francisco next week")) == {(M({"Biden", "Xi"}), "scheduled")}
    x = read("On Monday, Chancellor Ida Brun met King Olav Storm.")  # an adjunct before a comma is no party
    assert meetings(x) == {(M({"Ida Brun", "Olav Storm"}), "held")}


def test_participants_talks_a_trip_is_for_are_a_meeting_of_their_own(read, meetings):
    x = read("Prime Minister Eva Lind arrived in Lima for talks with President Luis Vega.")
    assert (M({"Eva Lind", "Luis Vega"}), "held") in meetings(x)
    # talks with no one named: only the visit
    assert {p for p, _ in meetings(read("Prime Minister Eva Lind arrived in Lima for talks."))} == {
        M({"Eva Lind", "Peru"})
    }


def test_participants_countries_taken_up_are_as_many_as_the_text_says(read, meetings):
    """ "the two countries" are the two just named; "the member countries", "the Nordic
    countries" and "the five permanent member countries" are a class of countries, not those."""
    lead = "President Ana Ruiz of Peru met President Eva Lind of Norway in Lima on Monday. "
    held = (frozenset({"Ana Ruiz", "Eva Lind"}), "held")
    again = (frozenset({"Peru", "Norway"}), "scheduled")
    assert meetings(read(lead + "The two countries will meet again in May.")) == {held, again}
    assert meetings(read(lead + "Both countries will meet again in May.")) == {held, again}
    for phrase in ["The Nordic countries", "Diplomats of the member countries", "The five permanent member countries"]:
        assert meetings(read(lead + phrase + " will meet again in May.")) == {held}, phrase

"""Encounter predicates by lemma and their frames (lexicons/predicates.json)."""

from __future__ import annotations

from datetime import date

import pytest

M = frozenset


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Minister Ana Ruiz met in Oslo on Thursday with Chancellor Ida Brun.",
        "Foreign Minister Ana Ruiz met today with Chancellor Ida Brun.",
        "Foreign Minister Ana Ruiz met separately in Doha with Chancellor Ida Brun.",
        "Foreign Minister Ana Ruiz met Chancellor Ida Brun on the sidelines of a conference.",
    ],
)
def test_predicates_adverbials_never_cut_the_verb_from_its_partner(read, meetings, sentence):
    assert (M({"Ana Ruiz", "Ida Brun"}), "held") in meetings(read(sentence))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("President Omar Daud spoke by phone with Chancellor Ida Brun on Monday.", "call"),
        ("President Omar Daud spoke to Chancellor Ida Brun about the floods.", "call"),
        ("President Omar Daud held a telephone conversation with Chancellor Ida Brun.", "call"),
        ("President Omar Daud sat down with Chancellor Ida Brun in Vienna.", "meeting"),
        ("President Omar Daud hosted Chancellor Ida Brun at the presidential palace.", "meeting"),
        ("President Omar Daud received Chancellor Ida Brun in his office.", "meeting"),
        ("President Omar Daud conferred with Chancellor Ida Brun.", "talks"),
        ("President Omar Daud held talks with Chancellor Ida Brun.", "talks"),
        ("President Omar Daud held a productive meeting with Chancellor Ida Brun.", "meeting"),
        ("President Omar Daud discussed the budget with Chancellor Ida Brun.", "talks"),
    ],
)
def test_predicates_beyond_meet(read, sentence, kind):
    x = read(sentence)
    found = [m for m in x.meetings if set(m.participants) == {"Omar Daud", "Ida Brun"}]
    assert found and found[0].status == "held" and found[0].kind == kind


def test_predicates_see_a_person_is_a_meeting_see_a_thing_is_not(read, meetings):
    assert (M({"Ana Ruiz", "Ida Brun"}), "scheduled") in meetings(
        read("Foreign Minister Ana Ruiz will see Chancellor Ida Brun in Bonn on Friday.")
    )
    assert not read("Foreign Minister Ana Ruiz will see the results of the vote on Friday.").meetings


def test_predicates_welcoming_a_guest_to_a_country_is_a_visit_too(read, meetings):
    x = read("Prime Minister Lars Dahl welcomed President Omar Daud to Norway on Tuesday.")
    assert {(M({"Lars Dahl", "Omar Daud"}), "held"), (M({"Omar Daud", "Norway"}), "held")} <= meetings(x)


def test_predicates_travel_to_a_capital_is_a_visit_to_its_country(read, meetings):
    x = read("Trade Minister Ana Ruiz will travel to Ankara next week for talks on tariffs.", date(2024, 3, 4))
    (visit,) = [m for m in x.meetings if "Turkey" in m.participants]
    assert set(visit.participants) == {"Ana Ruiz", "Turkey"} and visit.status == "scheduled"
    assert visit.place == "Ankara" and visit.kind == "visit"


def test_predicates_a_trip_to_several_countries_is_one_visit_each(read, meetings):
    x = read("Her trip to Kenya, Ghana and Peru was announced by Foreign Minister Ana Ruiz.")
    x = read("Foreign Minister Ana Ruiz will visit Kenya, Ghana and Peru in May.")
    assert {(M({"Ana Ruiz", c}), "scheduled") for c in ("Kenya", "Ghana", "Peru")} <= meetings(x)


def test_predicates_one_party_is_no_meeting(read):
    for sentence in (
        "Chancellor Ida Brun met reporters in Bonn on Friday.",
        "Chancellor Ida Brun held a meeting on the budget.",
        "Chancellor Ida Brun spoke at a conference in Bonn.",
        "The summit in Bonn ended on Friday.",
    ):
        assert not read(sentence).meetings, sentence


def test_predicates_a_name_the_model_misses_where_a_party_belongs(read):
    x = read("Rubek met with Chancellor Ida Brun in Bonn.")
    assert {"Rubek", "Ida Brun"} <= {n for m in x.meetings for n in m.participants}


def test_predicates_a_roundtable_with_a_body(read, meetings):
    x = read("Treasury Secretary Ana Ruiz participated in a roundtable with the Chamber of Commerce in Lima.")
    assert (M({"Ana Ruiz", "Chamber of Commerce"}), "held") in meetings(x)


def test_predicates_calling_on_someone_is_a_visit_to_them_calling_on_them_to_act_is_not(read, meetings):
    assert (M({"Ana Ruiz", "Luis Vega"}), "held") in meetings(
        read("Foreign Minister Ana Ruiz called on President Luis Vega at his residence on Monday.")
    )
    assert not read("Foreign Minister Ana Ruiz called on President Luis Vega to release the prisoners.").meetings


def test_predicates_being_on_a_visit_and_ending_it(read, meetings):
    x = read("President Luis Vega, who is on an official visit to Kenya, and Chancellor Ida Brun held talks on Monday.")
    assert (M({"Luis Vega", "Kenya"}), "held") in meetings(x) and (M({"Luis Vega", "Ida Brun"}), "held") in meetings(x)
    y = read("President Luis Vega is to fly home tonight, ending his official visit to Kenya.")
    assert (M({"Luis Vega", "Kenya"}), "held") in meetings(y)


def test_predicates_a_meeting_someone_requested_keeps_its_with_phrase(read, meetings):
    x = read("Chancellor Ida Brun abruptly cancelled a meeting Lima had requested with President Luis Vega.")
    assert meetings(x) == {(frozenset({"Ida Brun", "Luis Vega"}), "cancelled")}

"""Held, scheduled, potential, cancelled, or no meeting at all: the status from the clause."""

from __future__ import annotations

import pytest

M = frozenset
PAIR = M({"Ana Ruiz", "Ida Brun"})


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Foreign Minister Ana Ruiz will see Chancellor Ida Brun in Bonn.", "scheduled"),
        ("Foreign Minister Ana Ruiz anticipates meeting Chancellor Ida Brun next month.", "scheduled"),
        ("Foreign Minister Ana Ruiz is due to host Chancellor Ida Brun in Lima.", "scheduled"),
        ("Foreign Minister Ana Ruiz is scheduled to meet Chancellor Ida Brun on Friday.", "scheduled"),
        (
            "The visit comes ahead of the meeting between Foreign Minister Ana Ruiz and Chancellor Ida Brun.",
            "scheduled",
        ),
        ("Foreign Minister Ana Ruiz is open to meeting Chancellor Ida Brun.", "potential"),
        ("Foreign Minister Ana Ruiz said she was willing to meet Chancellor Ida Brun.", "potential"),
        ("Foreign Minister Ana Ruiz could meet Chancellor Ida Brun before the vote.", "potential"),
        ("Foreign Minister Ana Ruiz hopes to meet Chancellor Ida Brun soon.", "potential"),
        ("Foreign Minister Ana Ruiz called off her meeting with Chancellor Ida Brun.", "cancelled"),
        ("Foreign Minister Ana Ruiz postponed talks with Chancellor Ida Brun.", "cancelled"),
        (
            "The planned meeting between Foreign Minister Ana Ruiz and Chancellor Ida Brun did not take place.",
            "cancelled",
        ),
        ("Foreign Minister Ana Ruiz met Chancellor Ida Brun last week.", "held"),
        ("Foreign Minister Ana Ruiz is meeting Chancellor Ida Brun in Lima.", "held"),
        ("Foreign Minister Ana Ruiz and Chancellor Ida Brun last met in 2019.", "held"),
    ],
)
def test_status_from_the_clause(read, meetings, sentence, status):
    assert (PAIR, status) in meetings(read(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Minister Ana Ruiz did not meet Chancellor Ida Brun.",
        "Foreign Minister Ana Ruiz has no plans to meet Chancellor Ida Brun.",
        "No meeting between Foreign Minister Ana Ruiz and Chancellor Ida Brun is planned.",
        "Foreign Minister Ana Ruiz denied meeting Chancellor Ida Brun.",
        "Foreign Minister Ana Ruiz refused to meet Chancellor Ida Brun.",
        "Foreign Minister Ana Ruiz will not be meeting Chancellor Ida Brun this week.",
    ],
)
def test_status_a_denied_meeting_is_no_meeting(read, sentence):
    assert not read(sentence).meetings


def test_status_due_to_meet_but_called_off_is_cancelled(read, meetings):
    x = read(
        "Foreign Minister Ana Ruiz had been due to meet Chancellor Ida Brun on Monday, but the meeting was called off."
    )
    assert (PAIR, "cancelled") in meetings(x) and (PAIR, "scheduled") not in meetings(x)


def test_status_talks_that_could_take_place_are_potential(read, meetings):
    x = read("Foreign Minister Ana Ruiz proposed talks with Chancellor Ida Brun, which could take place in the spring.")
    assert (PAIR, "potential") in meetings(x)


def test_status_dropping_plans_to_fly_to_a_capital_cancels_the_visit(read, meetings):
    x = read("Foreign Minister Ana Ruiz has dropped plans to fly to Berlin next week.")
    assert (M({"Ana Ruiz", "Germany"}), "cancelled") in meetings(x)


def test_status_reported_would_is_the_future(read, meetings):
    x = read("Foreign Minister Ana Ruiz said she would meet Chancellor Ida Brun on Friday.")
    assert (PAIR, "scheduled") in meetings(x)


def test_status_a_future_date_makes_a_present_tense_meeting_scheduled(read, meetings):
    from datetime import date

    x = read("Foreign Minister Ana Ruiz meets Chancellor Ida Brun in Lima on Friday.", date(2024, 3, 4))
    (m,) = x.meetings
    assert m.status == "scheduled" and m.date == "2024-03-08"


def test_status_looking_forward_to_a_dated_meeting_is_a_plan(read, meetings):
    """Looking forward to a meeting on a named day announces it; to one at no set time hopes for it."""
    x = read(
        "Chancellor Ida Brun and President Luis Vega met in Oslo. They looked forward to seeing each other on Friday."
    )
    assert (M({"Ida Brun", "Luis Vega"}), "scheduled") in meetings(x)
    x = read("Chancellor Ida Brun said she looked forward to receiving President Luis Vega in Oslo in the near future.")
    assert (M({"Ida Brun", "Luis Vega"}), "potential") in meetings(x)


def test_status_the_present_of_a_when_or_if_clause_is_the_future(read, meetings):
    """English puts the future of a "when"/"if" clause in the present tense."""
    x = read(
        "Chancellor Ida Brun said a warm welcome awaited President Luis Vega and his wife when they visit Austria."
    )
    assert (M({"Luis Vega", "Austria"}), "scheduled") in meetings(x)
    x = read("If Chancellor Ida Brun meets President Luis Vega, trade will top the agenda.")
    assert meetings(x) == {(M({"Ida Brun", "Luis Vega"}), "potential")}
    x = read("Chancellor Ida Brun met President Luis Vega when he visited Oslo last year.")
    assert (M({"Ida Brun", "Luis Vega"}), "held") in meetings(x)


def test_status_an_encounter_a_mission_aims_to_bring_about_is_potential(read, meetings):
    x = read("Chancellor Ida Brun began a tour aimed at getting Chile and Peru to restart their border talks.")
    assert meetings(x) == {(M({"Chile", "Peru"}), "potential")}


def test_status_an_event_ahead_of_which_they_met_is_still_to_come(read, meetings):
    x = read("Chancellor Ida Brun met President Luis Vega in Lima ahead of the Chile-Peru summit.")
    assert (M({"Ida Brun", "Luis Vega"}), "held") in meetings(x)
    assert (M({"Chile", "Peru"}), "scheduled") in meetings(x)

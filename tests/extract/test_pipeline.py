"""Extraction on sentences of our own, with the real model."""

from __future__ import annotations

from datetime import date

from kg.documents.sources import documents_from_text


def _one(extractor, text: str, day: date | None = None):
    docs = documents_from_text(text, date=day)
    return next(extractor(docs[:1]))


def test_pipeline_scheduled_meeting_with_title_and_place(extractor):
    x = _one(
        extractor,
        "German Chancellor Olaf Scholz is scheduled to meet Japanese Prime Minister Fumio Kishida in Tokyo on Friday.",
        date(2024, 3, 11),
    )
    meetings = [(set(m.participants), m.status, m.place, m.date) for m in x.meetings]
    assert ({"Olaf Scholz", "Fumio Kishida"}, "scheduled", "Tokyo", "2024-03-15") in meetings
    roles = {(r.person, r.title, r.of) for r in x.roles}
    assert ("Olaf Scholz", "Chancellor", "Germany") in roles
    assert ("Fumio Kishida", "Prime Minister", "Japan") in roles


def test_pipeline_potential_meeting_between(extractor):
    x = _one(extractor, "Analysts said much depends on a possible meeting between Macron and Brazilian President Lula.")
    assert [(set(m.participants), m.status) for m in x.meetings] == [({"Macron", "Lula"}, "potential")]


def test_pipeline_held_meeting_resolves_today(extractor):
    x = _one(
        extractor,
        "Foreign Minister Penny Wong met today with Indonesian Foreign Minister Retno Marsudi in Jakarta.",
        date(2023, 2, 8),
    )
    (m,) = x.meetings
    assert set(m.participants) == {"Penny Wong", "Retno Marsudi"}
    assert (m.status, m.place, m.date) == ("held", "Jakarta", "2023-02-08")
    assert x.document.text[m.evidence.start : m.evidence.end] == m.evidence.text


def test_pipeline_negated_meeting_is_not_held(extractor):
    x = _one(extractor, "Prime Minister Mark Carney did not meet President Claudia Sheinbaum during the summit.")
    assert x.meetings == []


def test_pipeline_affiliation_of_organisation(extractor):
    x = _one(extractor, "Jane Doe of the Peterson Institute for International Economics said tariffs would rise.")
    assert ("Jane Doe", "Peterson Institute for International Economics") in {
        (a.person, a.organization) for a in x.affiliations
    }


def test_pipeline_surname_joins_full_name_and_type_is_voted(extractor):
    x = _one(
        extractor, "Finance Minister Maria Lopez arrived on Monday. Lopez later spoke to reporters about the budget."
    )
    people = {e.name: e for e in x.entities if e.type == "Person"}
    assert "Maria Lopez" in people and "Lopez" in people["Maria Lopez"].aliases
    assert "Lopez" not in people


def test_pipeline_headline_visit_of_country(extractor):
    x = _one(extractor, "World Bank President Ajay Banga Visits Kenya Amid Debt Talks")
    assert ({"Ajay Banga", "Kenya"}, "held") in [(set(m.participants), m.status) for m in x.meetings]

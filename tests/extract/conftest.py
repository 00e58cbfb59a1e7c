"""Helpers for the extraction tests: every sentence here is our own, never one of the gold set."""

from __future__ import annotations

from datetime import date

import pytest

from kg.documents.sources import documents_from_text


@pytest.fixture
def read(extractor):
    """Extract one text (its first document), optionally with a publication date."""

    def run(text: str, day: date | None = None):
        docs = documents_from_text(text, date=day)
        return next(extractor(docs[:1]))

    return run


def _meetings(x) -> set[tuple[frozenset, str]]:
    return {(frozenset(m.participants), m.status) for m in x.meetings}


def _pairs(x) -> set[frozenset]:
    out = set()
    for m in x.meetings:
        names = sorted(set(m.participants))
        out |= {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1 :]}
    return out


@pytest.fixture
def meetings():
    """(participants, status) of every meeting of an extraction."""
    return _meetings


@pytest.fixture
def pairs():
    """Every who-met-whom pair of an extraction."""
    return _pairs


@pytest.fixture
def relations(read):
    """(type, source, target, status) of every relation of a text published on Tuesday 2026-03-10."""

    def run(text: str) -> set[tuple[str, str, str, str]]:
        return {(r.type, r.source, r.target, r.status) for r in read(text, date(2026, 3, 10)).relations}

    return run

"""Pydantic models at the boundaries: documents in, extracted facts out.

Facts keep their evidence (sentence text and character offsets into the document text) so every
statement in the graph can be traced back to the words that support it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kg.facts.vocab import ENTITY_TYPES, MEETING_STATUSES  # noqa: F401  (re-exported)

EntityType = Literal["Person", "Organization", "Country", "City", "Place"]
MeetingStatus = Literal["held", "scheduled", "potential", "cancelled"]


class Model(BaseModel):
    """Base of every model of ours: validators are built on first use, not at import, so a
    command pays only for the models it touches (all of them cost ~40 ms a start)."""

    model_config = ConfigDict(defer_build=True)


class Document(Model):
    """One unit of news text: an article or a single headline."""

    id: str = Field(description="hash of the normalised text; stable across re-ingests")
    text: str
    date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    kind: Literal["article", "headline"] = "article"


class Evidence(Model):
    """The sentence a fact comes from, with its offsets in the document text."""

    text: str
    start: int
    end: int


class Entity(Model):
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)


class Role(Model):
    person: str
    title: str
    of: str | None = None
    evidence: Evidence
    confidence: float = Field(default=0.9, ge=0, le=1)


class Affiliation(Model):
    person: str
    organization: str
    evidence: Evidence
    confidence: float = Field(default=0.8, ge=0, le=1)


class Meeting(Model):
    participants: list[str]
    kind: str
    place: str | None = None
    date: str | None = Field(default=None, description="ISO date, month (YYYY-MM) or year, or null")
    status: MeetingStatus
    evidence: Evidence
    more_evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.8, ge=0, le=1, description="what the rule that found it earned")


class Relation(Model):
    """An act of one party towards another (``kg.facts.specs`` specs name the types): source ->
    target for a directed type; for a symmetric one (AGREE) the order carries no meaning."""

    type: str
    source: str
    target: str
    status: Literal["asserted", "scheduled", "hypothetical", "denied"]
    date: str | None = None
    mode: str | None = None
    evidence: Evidence
    confidence: float = Field(default=0.7, ge=0, le=1)


class Extraction(Model):
    """Everything found in one document."""

    document: Document
    entities: list[Entity] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    affiliations: list[Affiliation] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    def contract(self) -> dict:
        """The JSON shape of ../shared/eval/README.md (evidence as the sentence text)."""
        return {
            "id": self.document.id,
            "kind": self.document.kind,
            "entities": [e.model_dump() for e in self.entities],
            "roles": [
                {"person": r.person, "title": r.title, "of": r.of, "confidence": r.confidence} for r in self.roles
            ],
            "affiliations": [
                {"person": a.person, "organization": a.organization, "confidence": a.confidence}
                for a in self.affiliations
            ],
            "meetings": [
                {
                    "participants": m.participants,
                    "kind": m.kind,
                    "place": m.place,
                    "date": m.date,
                    "status": m.status,
                    "confidence": m.confidence,
                    "evidence": m.evidence.text,
                    "start": m.evidence.start,
                    "end": m.evidence.end,
                }
                for m in self.meetings
            ],
            "relations": [
                {"type": r.type, "source": r.source, "target": r.target, "status": r.status, "date": r.date,
                 "mode": r.mode, "confidence": r.confidence, "evidence": r.evidence.text}
                for r in self.relations
            ],
        }  # fmt: skip

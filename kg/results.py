"""What the Python API returns (``kg.api``): pydantic models, one per kind of answer, and the
explorer page for a notebook."""

from __future__ import annotations

from pathlib import Path

from pydantic import ConfigDict, Field

from kg.facts.models import Model


class ActorModel(Model):
    name: str
    type: str
    iri: str


class ReportRef(Model):
    """One report of a meeting event: the document that reports it and what that says."""

    document: str
    source: str | None
    published: str | None = Field(description="the reporting document's date")
    date: str | None = Field(description="the meeting's date as this report gives it")
    status: str
    evidence: str
    confidence: float


class MeetingReport(Model):
    """One meeting of an actor, an event grouping its reports (``kg.query.events``): with whom, what,
    when, where, the main report's evidence, the status history and every report."""

    model_config = ConfigDict(populate_by_name=True)

    with_: list[str] = Field(alias="with")  # fields in the order `kg who-met-whom --json` prints them
    kind: str
    place: str | None
    date: str | None
    status: str
    source: str | None
    evidence: str
    document: str
    confidence: float
    published: str | None = None
    status_history: list[str] = Field(default_factory=list, description="statuses in time order, each change once")
    reports: list[ReportRef] = Field(default_factory=list)

    @classmethod
    def from_store(cls, d: dict) -> MeetingReport:
        """From ``kg.query.events.as_json``: our own store's rows, typed by the store layer, so not
        validated again (a hub's 8,000 events with 13,000 reports took 0.26 s to validate)."""
        d = dict(d)
        reports = [ReportRef.model_construct(**r) for r in d.pop("reports")]
        return cls.model_construct(with_=d.pop("with"), reports=reports, **d)


class RelationRef(Model):
    """One report of a relation event: the document that reports the act and what it says."""

    document: str
    document_source: str | None
    published: str | None = Field(description="the reporting document's date")
    date: str | None
    status: str
    evidence: str
    confidence: float


class RelationReport(Model):
    """One relation of an actor, an event grouping its reports (``kg.query.events.relation_events``):
    what type, who did it to whom, the main report's evidence, how sure, and every report."""

    model_config = ConfigDict(populate_by_name=True)

    type: str
    as_: str = Field(alias="as", description="source: what the actor did; target: what was done to it")
    source: str
    target: str
    status: str
    date: str | None
    mode: str | None
    evidence: str
    document: str
    document_source: str | None
    confidence: float
    published: str | None = None
    status_history: list[str] = Field(default_factory=list)
    reports: list[RelationRef] = Field(default_factory=list)


class Relations(Model):
    actor: ActorModel
    relations: list[RelationReport]


class WhoMetWhom(Model):
    person: ActorModel
    meetings: list[MeetingReport]


class Post(Model):
    """A role ("Foreign Secretary" of the United Kingdom) or an affiliation (an organisation) of
    a person, dated by the documents that state it."""

    kind: str = Field(description="role or affiliation")
    title: str | None
    of: str | None = Field(description="the country or body a role is of; an affiliation's organisation")
    first: str | None = Field(description="date of the earliest document stating it")
    last: str | None
    documents: int
    evidence: str = Field(description="the earliest sentence stating it")


class Posts(Model):
    person: ActorModel
    posts: list[Post]


class EntityRow(Model):
    name: str
    type: str
    documents: int
    iri: str


class DocumentRow(Model):
    """A stored document: its id (what ``forget`` takes), date, source, title and fact count."""

    id: str
    date: str | None
    source: str | None
    title: str | None
    facts: int


class Explorer:
    """The explorer page for a notebook: Jupyter shows ``_repr_html_``, an iframe whose ``srcdoc``
    is the whole page (escaped), so nothing is served or fetched. ``.html`` is the page itself."""

    def __init__(self, page: str, *, height: int = 700):
        self.html, self.height = page, height

    def _repr_html_(self) -> str:
        import html

        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" style="width:100%;height:{int(self.height)}px;'
                'border:1px solid #ddd" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>')  # fmt: skip

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path

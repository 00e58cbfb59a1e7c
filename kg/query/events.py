"""Meeting reports -> meeting events: one event per meeting, however often the news reports it.

One meeting is announced ("will host"), held (the readout), listed in a headline index and
recalled a week later; each is a report, in its own document graph, with its own status, date
and evidence. Counting reports is GDELT's best-known flaw. The rules that make reports one
event are facts of how news dates meetings:

- the same parties (after entity resolution) and the same channel (a phone call and a meeting
  of one pair on one day are two events);
- compatible places: the same, or one report names none;
- compatible dates: equal, one inside the other (a day inside "July 2023"), or days at most
  ``SPAN_DAYS`` apart (a round of talks runs over days, and each report, a headline the next
  morning among them, dates it by its own);
- a report that states no day (none, or only a month or a year) is dated by its document and
  must lie within ``window`` days (30 by default) of every report of the event, so the same
  pair's meetings months apart stay apart;
- a cancellation is dated when it was called off, not when the meeting was to be: the window
  places it, and it never joins a meeting already held (that one took place; the call-off is
  of another).

The event's status is the most definite one in time order (held or cancelled over scheduled
over potential; the latest among equals): "scheduled -> held" is held, "scheduled ->
cancelled" cancelled, and a later "might meet again" does not undo a held meeting. Its date
and place are the most precise any report gives; its confidence grows with the number of
distinct documents reporting it (noisy-or, at most 0.99).

Events are computed from the document graphs when asked, never stored: ``forget`` and
``reextract`` of a document change exactly the events it reported, with nothing to keep in
step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from typing import Protocol

WINDOW_DAYS = 30
SPAN_DAYS = 2
RANK = {"potential": 0, "scheduled": 1, "held": 2, "cancelled": 2}
REMOTE_KINDS = frozenset({"call"})  # not in person: a channel of its own


class Report(Protocol):
    """What a report needs for grouping (``kg.query.queries.MeetingRow`` is one)."""

    kind: str
    place: str | None
    date: str | None  # the meeting's date, as precise as the text: YYYY, YYYY-MM or YYYY-MM-DD
    published: str | None  # the reporting document's date
    status: str
    document: str
    confidence: float


@dataclass
class Event:
    """Reports of one meeting, in time order, and what they say together."""

    parties: frozenset[str]
    reports: list = field(default_factory=list)
    held_on: str | None = None  # the most precise meeting date a report states
    place: str | None = None
    first: Date | None = None  # earliest and latest day the reports are dated by
    last: Date | None = None
    status: str = ""  # the most definite status, the latest among equals (reports come in time order)

    @classmethod
    def single(cls, r: Report, parties: Iterable[str]) -> Event:
        """An event of one report (``kg who-met-whom --reports``)."""
        e = cls(parties=frozenset(parties))
        e.add(r)
        return e

    @property
    def date(self) -> str | None:
        """The most precise meeting date stated, else the first report's date."""
        return self.held_on or next((r.date for r in self.reports if r.date), None)

    @property
    def status_history(self) -> list[str]:
        """Statuses in time order, each change once: ["scheduled", "held"]."""
        out: list[str] = []
        for r in self.reports:
            if not out or out[-1] != r.status:
                out.append(r.status)
        return out

    @property
    def confidence(self) -> float:
        best: dict[str, float] = {}
        for r in self.reports:
            best[r.document] = max(best.get(r.document, 0.0), r.confidence)
        miss = 1.0
        for c in best.values():
            miss *= 1.0 - c
        return round(min(0.99, max(max(best.values()), 1.0 - miss)), 2)

    @property
    def main(self):
        """The report that speaks for the event: the first with its status."""
        return next(r for r in self.reports if r.status == self.status)

    def fits(self, r: Report, window: int) -> bool:
        if r.place and self.place and r.place != self.place:
            return False
        if r.status == "cancelled" and any(x.status == "held" for x in self.reports):
            return False
        stated, ours = _meeting_date(r), self.held_on
        if stated and ours:
            a, b = _parse(stated), _parse(ours)
            if a and b and len(stated) == len(ours) == 10:
                return abs((a - b).days) <= SPAN_DAYS
            if not _nested(stated, ours):
                return False
        elif stated and self.first and not all(_nested(stated, d.isoformat()) for d in (self.first, self.last)):
            if len(stated) < 10 or not (a := _parse(stated)):
                return False  # "in 2023" is not a meeting of the days this event's reports give
            return abs((a - self.first).days) <= window and abs((a - self.last).days) <= window
        day = _day(r)
        if day is None or self.first is None:
            return True
        return abs((self.last - day).days) <= window and abs((day - self.first).days) <= window

    def add(self, r: Report) -> None:
        self.reports.append(r)
        if not self.status or RANK.get(r.status, 0) >= RANK.get(self.status, 0):
            self.status = r.status
        held_on = _meeting_date(r)
        if held_on and (self.held_on is None or len(held_on) > len(self.held_on)):
            self.held_on = held_on
        self.place = self.place or r.place
        day = _day(r)
        if day is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)


def group(reports: Iterable[Report], parties, *, window: int = WINDOW_DAYS) -> list[Event]:
    """Reports -> events, in order of date. ``parties(report)`` gives the report's party set
    (the other participants of one actor's meetings, or all participants)."""
    by_set: dict[tuple, list[Event]] = defaultdict(list)
    events: list[Event] = []
    for r in sorted(reports, key=_order):
        key = (frozenset(parties(r)), r.kind in REMOTE_KINDS)
        event = _fitting(by_set[key], r, window)
        if event is None:
            event = Event(parties=key[0])
            by_set[key].append(event)
            events.append(event)
        event.add(r)
    return sorted(events, key=lambda e: (e.date or _iso(e.first) or "9999", e.reports[0].document))


def _fitting(candidates: list[Event], r: Report, window: int) -> Event | None:
    """The latest event ``r`` fits. Events are made in time order, so the search stops at
    those whose last day lies far before the report's: they can take no report dated now."""
    day = _day(r)
    for e in reversed(candidates):
        if e.fits(r, window):
            return e
        if day is not None and e.last is not None and (day - e.last).days > 3 * window:
            return None
    return None


def _nested(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _meeting_date(r: Report) -> str | None:
    """The date a report gives the meeting, if it is evidence of the meeting's day: not a
    cancellation's (the day it was called off)."""
    return None if r.status == "cancelled" else r.date


@lru_cache(maxsize=4096)  # a store's dates repeat: parse each once
def _parse(value: str) -> Date | None:
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def _day(r: Report) -> Date | None:
    """The day a report is dated by: its meeting's day, else its document's."""
    return _day_of(r.date, r.published)


@lru_cache(maxsize=4096)
def _day_of(date: str | None, published: str | None) -> Date | None:
    for value in (date, published):
        if value and len(value) >= 10 and (day := _parse(value)):
            return day
    return None


def _iso(d: Date | None) -> str | None:
    return d.isoformat() if d else None


def _order(r: Report) -> tuple:
    """Time order of reports: when they were reported (their document's date, else the day they
    give), then the day they give, then document; undated last."""
    when = r.published or _iso(_day(r))
    return (when is None, when or "", r.date or "", r.document)


@dataclass(frozen=True)
class _Meeting:
    """A meeting of the store-wide projection (``kg.query.views.meeting_table``) as a report."""

    meeting: str
    parties: frozenset[str]
    kind: str
    place: str | None
    date: str | None
    published: str | None
    status: str
    document: str
    confidence: float


def _meeting(mid: str, m: dict) -> _Meeting:
    return _Meeting(
        meeting=mid,
        parties=frozenset(m["actors"]),
        kind=m["kind"],
        place=m.get("where"),
        date=m.get("date"),
        published=m.get("published"),
        status=m["status"],
        document=m["doc"],
        confidence=float(m["confidence"]),
    )


def event_ids(meetings: dict[str, dict], *, window: int = WINDOW_DAYS) -> dict[str, int]:
    """Meeting IRI -> the number of its event, for meetings of the store-wide projection (all
    participants as the party set): what graph views count instead of reports."""
    reports = [_meeting(mid, m) for mid, m in meetings.items()]
    events = group(reports, lambda r: r.parties, window=window)
    return {r.meeting: i for i, e in enumerate(events) for r in e.reports}


def as_json(e: Event) -> dict:
    """An event as ``kg who-met-whom --json`` prints it: the main report's fields, the event's
    status, history, date, place and confidence, and every report (each report's dict built
    once, field by field: a hub's thousands of events are printed at once)."""
    return {
        **e.main.as_json(),
        "place": e.place,
        "date": e.date,
        "status": e.status,
        "confidence": e.confidence,
        "status_history": e.status_history,
        "reports": [
            {
                "document": r.document,
                "source": r.source,
                "published": r.published,
                "date": r.date,
                "status": r.status,
                "evidence": r.evidence,
                "confidence": r.confidence,
            }
            for r in e.reports
        ],
    }


def _party_names(r) -> list[str]:
    """The other parties by name, case and accents folded: one person's two labels ("Kim
    Jong-un", "Kim Jong-Un") and one name the model typed differently in two documents (two
    IRIs of one label) are one party."""
    from kg.facts.names import fold

    return [fold(n.lower()) for n in r.with_]


def events_of(store, actor, *, window: int = WINDOW_DAYS, min_confidence: float = 0.0) -> list[Event]:
    """The meeting events of one actor (``kg.query.queries.who_met_whom`` rows, grouped). A hub's
    events are cached beside a local store as its rows are, so that the answer read back costs
    what the rows alone would."""
    import hashlib

    from kg.query.queries import HUB_MEETINGS, who_met_whom
    from kg.store.cache import Recipe, load, save

    name = "events-of-" + hashlib.sha256(f"{actor.iri} {window} {min_confidence}".encode()).hexdigest()[:16]
    events = load(store, name)
    if events is None:
        rows = who_met_whom(store, actor, min_confidence=min_confidence)
        events = group(rows, _party_names, window=window)
        if len(rows) >= HUB_MEETINGS:
            kwargs = (("window", window), ("min_confidence", min_confidence))
            save(store, name, events, Recipe(function="kg.query.events:events_of", args=(actor,), kwargs=kwargs))
    return events


# -- relations ---------------------------------------------------------------------------------
# One act reported twice (a statement and a news story of it) is one relation event with two
# reports, by the rules above: the same type and parties (the direction kept, except for a
# symmetric type), compatible dates, and a denial joins only denials (never the act it denies).
# Statuses are read in the meeting vocabulary for grouping (asserted ~ held, hypothetical ~
# potential, denied ~ cancelled).


_REPORT_FIELDS = ("document", "document_source", "published", "date", "status", "evidence", "confidence")


@dataclass(frozen=True)
class _Act:
    """A reported relation (a ``kg.query.queries.relations_of`` row) as a report."""

    row: dict
    kind: str
    place: None
    date: str | None
    published: str | None
    status: str
    document: str
    confidence: float


def _acts(rows: list[dict], symmetric: frozenset[str], keys: tuple[str, str, str]):
    """Relation rows as reports, and the party key that groups them: the type and parties, the
    direction kept except for a symmetric type, a denial apart from what it denies. ``keys``
    name the rows' source, target and document fields."""
    from kg.facts.specs import FROM_MEETING_STATUS

    to_meeting = {v: k for k, v in FROM_MEETING_STATUS.items()}
    source, target, document = keys
    acts = [_Act(r, r["type"], None, r.get("date"), r.get("published"), to_meeting[r["status"]], r[document],
                 r["confidence"]) for r in rows]  # fmt: skip

    def parties(a: _Act) -> tuple[str, ...]:
        r = a.row
        kind = r["type"] + (" denied" if r["status"] == "denied" else "")  # a denial joins no assertion
        if r["type"] in symmetric:
            return (kind, *sorted({r[source], r[target]}))
        return (kind, "source " + r[source], "target " + r[target])

    return acts, parties


def relation_event_ids(rows: list[dict], symmetric: frozenset[str], *, window: int = WINDOW_DAYS) -> dict[str, int]:
    """Relation IRI -> the number of its event, for rows of the store-wide relation table (parties
    by IRI): what a relation graph counts instead of reports, as ``event_ids`` does for meetings."""
    acts, parties = _acts(rows, symmetric, ("s", "t", "doc"))
    return {a.row["rel"]: i for i, e in enumerate(group(acts, parties, window=window)) for a in e.reports}


def relation_events(rows: list[dict], symmetric: frozenset[str], *, window: int = WINDOW_DAYS) -> list[dict]:
    """Relation rows of one actor -> one row per relation event: the main report's fields with the
    event's status, confidence and status history, and every report under ``reports``."""
    from kg.facts.specs import FROM_MEETING_STATUS

    acts, parties = _acts(rows, symmetric, ("source", "target", "document"))
    out = []
    for e in group(acts, parties, window=window):
        out.append(
            {
                **e.main.row,
                "status": FROM_MEETING_STATUS[e.status],
                "date": e.date,
                "confidence": e.confidence,
                "status_history": [FROM_MEETING_STATUS[s] for s in e.status_history],
                "reports": [{k: a.row[k] for k in _REPORT_FIELDS} for a in e.reports],
            }
        )
    return sorted(out, key=lambda r: (r["date"] or "9999", r["type"], r["as"], r["source"], r["target"]))

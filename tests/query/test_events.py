"""Meeting events (kg.query.events): the reports of one meeting grouped, on a real store.

Every text is ingested as its own document with its own date, as news arrives."""

from __future__ import annotations

ANNOUNCED = ("U.S. Treasury Secretary Scott Bessent will meet Chinese Vice Premier He Lifeng in Madrid on "
             "September 14.", "2025-09-08")  # fmt: skip
HELD = ("Scott Bessent met He Lifeng in Madrid on Sunday, the Treasury said.", "2025-09-15")
HEADLINE = ("Scott Bessent and He Lifeng hold trade talks in Madrid\nOil prices rise on supply worries", "2025-09-15")


def _events(g, name: str = "Bessent", **options) -> list:
    return g.who_met_whom(name, **options).meetings


def test_announced_held_and_headline_are_one_event_held(tmp_path, news_store):
    g = news_store(ANNOUNCED, HEADLINE, HELD)
    (event,) = _events(g)
    assert event.with_ == ["He Lifeng"] and event.status == "held"
    assert event.status_history == ["scheduled", "held"]
    assert len(event.reports) == 3 and len({r.document for r in event.reports}) == 3
    assert event.date == "2025-09-14" and event.place == "Madrid"
    assert event.confidence >= max(r.confidence for r in event.reports)  # three sources say so
    assert len(_events(g, reports=True)) == 3  # --reports: one row each
    assert _events(g, status="scheduled") == []  # its final status is held


def test_the_same_pair_months_apart_is_two_events(tmp_path, news_store):
    later = ("Scott Bessent met He Lifeng in Madrid on January 20.", "2026-01-21")
    recalled = ("Scott Bessent has met He Lifeng in Madrid.", "2025-12-01")  # dated by its document
    g = news_store(ANNOUNCED, HELD, later, recalled)
    events = _events(g)
    assert [(e.date, e.status, len(e.reports)) for e in events] == [
        ("2025-09-14", "held", 2),
        ("2025-12-01", "held", 1),
        ("2026-01-20", "held", 1),
    ]


def test_a_cancelled_announcement_is_one_event_cancelled(news_store):
    g = news_store(
        ("Chilean Foreign Minister Ana Ruiz will visit Eva Lind in Bergen on May 4.", "2026-04-20"),
        ("A meeting between Ana Ruiz and Eva Lind in Bergen has been cancelled.", "2026-04-24"),
    )
    (event,) = _events(g, "Ana Ruiz")
    assert event.status == "cancelled" and event.status_history == ["scheduled", "cancelled"]
    assert event.date == "2026-05-04"  # the planned day, not the day it was called off


def test_the_window_places_a_report_that_states_no_day(tmp_path, news_store):
    announced = ("Chilean Foreign Minister Ana Ruiz will visit Eva Lind in Bergen on May 4.", "2026-04-20")
    called_off = ("A meeting between Ana Ruiz and Eva Lind in Bergen has been cancelled.", "2026-06-10")
    g = news_store(announced, called_off)  # 37 days after the planned day
    assert [e.status for e in _events(g, "Ana Ruiz")] == ["scheduled", "cancelled"]
    assert [e.status for e in _events(g, "Ana Ruiz", window=60)] == ["cancelled"]


def test_meetings_of_one_pair_on_days_apart_stay_apart(news_store):
    """A report dated its own day (wire copy) is a day like any other; a call-off never joins a
    meeting already held; "first met in 2023" is not this week's meeting."""
    g = news_store(
        ("Scott Bessent met He Lifeng in Madrid on Monday, the Treasury said.", "2025-09-02"),
        ("Scott Bessent met He Lifeng in Madrid on Saturday.", "2025-09-20"),
        ("A planned meeting between Scott Bessent and He Lifeng has been cancelled.", "2025-09-30"),
        ("Scott Bessent first met He Lifeng in Madrid in 2023.", "2025-09-21"),
    )
    assert [(e.date, e.status, len(e.reports)) for e in _events(g)] == [
        ("2023", "held", 1),
        ("2025-09-01", "held", 1),
        ("2025-09-20", "held", 1),
        (None, "cancelled", 1),
    ]


def test_a_call_and_a_meeting_are_two_events(tmp_path, news_store):
    call = ("Scott Bessent spoke by telephone with Chinese Vice Premier He Lifeng on September 14.", "2025-09-15")
    g = news_store(HELD, call)
    assert sorted(e.kind for e in _events(g)) == ["call", "meeting"]


def test_forgetting_a_report_updates_its_event(tmp_path, news_store):
    g = news_store(ANNOUNCED, HELD)
    (event,) = _events(g)
    held = next(r.document for r in event.reports if r.status == "held")
    g.forget(held)
    (event,) = _events(g)
    assert event.status == "scheduled" and event.status_history == ["scheduled"] and len(event.reports) == 1


def test_who_met_whom_prints_events_and_reports(tmp_path, news_store):
    import json

    from typer.testing import CliRunner

    from kg.cli import app

    news_store(ANNOUNCED, HELD)
    run = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "who-met-whom", "Bessent", "--json"])
    assert run.exit_code == 0, run.stderr
    (event,) = json.loads(run.stdout)["meetings"]
    assert event["status_history"] == ["scheduled", "held"]
    assert [set(r) for r in event["reports"]] == [
        {"document", "source", "published", "date", "status", "evidence", "confidence"}
    ] * 2
    run = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "who-met-whom", "Bessent"])
    assert "1 meeting(s), 2 report(s)" in run.stdout


def test_graph_views_and_exports_count_meetings_not_reports(tmp_path, news_store):
    import csv

    from typer.testing import CliRunner

    from kg.cli import app
    from kg.facts.vocab import MEETING_STATUSES

    g = news_store(ANNOUNCED, HEADLINE, HELD)
    _, graph = g.meeting_graph(MEETING_STATUSES)
    ((_, _, edge),) = graph.edges(data=True)
    assert (edge["meetings"], edge["reports"]) == (1, 3)
    assert len({it["event"] for it in edge["items"]}) == 1
    out = tmp_path / "graph.csv"
    run = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "export", "--format", "csv", "-o", str(out)])
    assert run.exit_code == 0, run.stderr
    (row,) = csv.DictReader((tmp_path / "graph-edges.csv").open(encoding="utf-8"))
    assert (row["meetings"], row["reports"]) == ("1", "3")

"""Wire-story habits: datelines, recalled meetings, calls by telephone, plans called off, and
months named without a year. Every sentence is our own."""

from __future__ import annotations

from datetime import date

M = frozenset
TUESDAY = date(2026, 3, 10)


def dated(x) -> dict[tuple[frozenset, str], str | None]:
    return {(M(m.participants), m.status): m.date for m in x.meetings}


def test_wire_a_dateline_is_no_party_and_its_city_no_subject(read, meetings):
    x = read("LIMA, March 10 — Foreign Minister Ana Ruiz met President Luis Vega in Lima on Monday.", TUESDAY)
    assert (M({"Ana Ruiz", "Luis Vega"}), "held") in meetings(x)
    assert not [m for m in x.meetings if "Peru" in m.participants]
    x = read("WASHINGTON (AP) -- Senator Jane Roe met Ana Ruiz on Monday.", TUESDAY)
    assert (M({"Jane Roe", "Ana Ruiz"}), "held") in meetings(x)


def test_wire_the_two_last_met_are_the_two_just_named(read, meetings):
    text = "Ana Ruiz met Luis Vega in Lima on Monday. The two last met in Quito in November."
    x = read(text, TUESDAY)
    assert dated(x)[(M({"Ana Ruiz", "Luis Vega"}), "held")] in {"2026-03-09", "2025-11"}
    assert {m.date for m in x.meetings} == {"2026-03-09", "2025-11"}


def test_wire_the_two_with_one_person_named_is_nobody(read):
    x = read("Ana Ruiz arrived in Lima on Monday. The two last met in Quito in November.", TUESDAY)
    assert [m.kind for m in x.meetings] == ["visit"]  # her arrival in Lima only


def test_wire_a_month_without_a_year_is_the_nearest_on_the_side_the_clause_speaks_of(read):
    x = read("Ana Ruiz met Luis Vega in Quito in November.", TUESDAY)
    assert dated(x)[(M({"Ana Ruiz", "Luis Vega"}), "held")] == "2025-11"
    x = read("Ana Ruiz will meet Luis Vega in Quito in November.", TUESDAY)
    assert dated(x)[(M({"Ana Ruiz", "Luis Vega"}), "scheduled")] == "2026-11"


def test_wire_spoke_by_telephone_with_is_a_call(read):
    x = read("Ana Ruiz spoke by telephone with President Luis Vega on Sunday.", TUESDAY)
    assert [(M(m.participants), m.kind) for m in x.meetings] == [(M({"Ana Ruiz", "Luis Vega"}), "call")]
    x = read("Ana Ruiz spoke by telephone about President Luis Vega on Sunday.", TUESDAY)
    assert not x.meetings


def test_wire_she_in_what_a_persons_office_said_is_that_person(read, meetings):
    text = "Ana Ruiz met Luis Vega on Monday. Jane Roe's office said she had spoken with Vega by telephone."
    assert (M({"Jane Roe", "Luis Vega"}), "held") in meetings(read(text, TUESDAY))
    assert (M({"Ana Ruiz", "Luis Vega"}), "held") in meetings(read(text, TUESDAY))


def test_wire_a_visit_its_traveller_called_off_or_had_planned(read):
    x = read("Ana Ruiz called off a visit to Lima planned for Thursday.", TUESDAY)
    assert dated(x) == {(M({"Ana Ruiz", "Peru"}), "cancelled"): "2026-03-12"}
    x = read("A visit to Lima that Foreign Minister Ana Ruiz had planned for Thursday was called off.", TUESDAY)
    assert (M({"Ana Ruiz", "Peru"}), "cancelled") in dated(x)


def test_wire_announcing_a_visit_does_not_make_the_announcer_travel(read):
    x = read("The Chilean foreign ministry announced a visit to Lima on Thursday.", TUESDAY)
    assert not [m for m in x.meetings if "Chile" in m.participants]


def test_wire_the_readme_example_prints_what_the_readme_says():
    """The README's wire example is real output of `kg extract` (run as a user would)."""
    import json
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = re.search(r"kg extract docs/wire-example\.txt --date 2026-03-10 --json`.*?```json\n(.*?)```", readme, re.S)
    assert block, "the README lost its wire example"
    shown = [json.loads(line) for line in block.group(1).splitlines()]
    out = subprocess.run(
        [sys.executable, "-m", "kg", "extract", str(root / "docs/wire-example.txt"), "--date", "2026-03-10"],
        capture_output=True,
        text=True,
        check=True,
    )
    printed = json.loads(out.stdout)["documents"][0]["meetings"]
    keys = ("participants", "kind", "status", "place", "date")
    assert [{k: m.get(k) for k in keys} for m in printed] == shown

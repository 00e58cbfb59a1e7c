"""kg duplicates: probable duplicate persons with their evidence, nothing merged until a user says so."""

from __future__ import annotations

import json

from tests.conftest import kg

TEXTS = {
    "a.txt": "President George W. Bush met Foreign Minister Ana Ruiz in Lima on Monday.\n",
    "b.txt": "Former President George H. W. Bush met Luis Vega in Quito.\n",
    "c.txt": "George Bush met Ana Ruiz in Cusco.\n",
    "d.txt": "Joe Biden met Luis Vega in Bogota.\n",
    "e.txt": "Hunter Biden met Luis Vega in Cali.\n",
}


def test_duplicates_lists_compatible_names_with_evidence_and_merges_nothing(tmp_path):
    """ "George Bush" agrees with two stored Bushes, so ingest joins neither: the pairs are listed."""
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text)
    store = tmp_path / "s"
    assert kg(store, "ingest", *(str(tmp_path / n) for n in TEXTS), "--date", "2026-03-10").exit_code == 0
    before = json.loads(kg(store, "stats", "--json").stdout)
    rows = json.loads(kg(store, "duplicates", "--json", "--min-score", "0").stdout)
    pairs = {(r["keep"], r["other"]): r for r in rows}
    bush = pairs[("George W. Bush", "George Bush")]
    assert bush["shared_partners"] == ["Ana Ruiz"] and bush["against"] == []
    assert ("George H. W. Bush", "George Bush") in pairs
    assert not [p for p in pairs if set(p) == {"George W. Bush", "George H. W. Bush"}]  # other middle names
    assert not [p for p in pairs if "Hunter Biden" in p]  # different given names: never offered
    assert json.loads(kg(store, "stats", "--json").stdout) == before  # listing changes nothing
    assert kg(store, "merge", "George W. Bush", "George Bush").exit_code == 0  # the user confirms one
    assert ("George W. Bush", "George Bush") not in {
        (r["keep"], r["other"]) for r in json.loads(kg(store, "duplicates", "--json").stdout)
    }


def test_duplicates_a_title_of_another_country_speaks_against(tmp_path):
    (tmp_path / "a.txt").write_text("Peruvian Foreign Minister Ana Ruiz met Luis Vega.\n")
    (tmp_path / "b.txt").write_text("Chilean Senator A. Ruiz met Eva Lind.\n")
    store = tmp_path / "s"
    assert kg(store, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")).exit_code == 0
    rows = json.loads(kg(store, "duplicates", "--json", "--min-score", "0").stdout)
    (pair,) = [r for r in rows if {r["keep"], r["other"]} == {"Ana Ruiz", "A. Ruiz"}]
    assert pair["against"] and pair["score"] < 0.5

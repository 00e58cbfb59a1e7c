"""Reading inputs: headline lists, ids, dates and bad input."""

from __future__ import annotations

from datetime import date

import pytest

from kg.documents.sources import document_id, documents_from_text, is_headline, parse_date, read_sources, split_parts
from kg.errors import InputError, UsageError

ARTICLE = "Officials met in Paris on Monday.\nThe talks ended without a deal.\n\n"
HEADLINES = "Markets Rally as Central Bank Holds Rates Steady\nPrime Minister Visits Flood-Hit Region in North\n"


def test_documents_headline_list_after_article_is_split():
    parts = split_parts(ARTICLE + "\n" + HEADLINES)
    assert [p.kind for p in parts] == ["article", "headline", "headline"]
    assert parts[0].text.endswith("without a deal.")
    assert parts[1].text == "Markets Rally as Central Bank Holds Rates Steady"


def test_documents_title_lines_at_top_stay_with_article():
    text = "Minister Meets Counterpart In Rome\nForeign Office Statement\n\nThe minister met her counterpart today."
    assert [p.kind for p in split_parts(text)] == ["article"]


def test_documents_file_of_only_headlines():
    assert [p.kind for p in split_parts(HEADLINES)] == ["headline", "headline"]


def test_documents_is_headline_rejects_sentences():
    assert is_headline("Trump Administration Tightens H-1B Visa Vetting")
    assert not is_headline("The minister met her counterpart today.")
    assert not is_headline("the markets fell sharply on monday morning")


def test_documents_id_ignores_whitespace_and_quote_style():
    assert document_id("China’s  embassy\nsaid") == document_id("China's embassy said")
    assert document_id("a") != document_id("b")


def test_documents_parse_date():
    assert parse_date("2025-09-15") == date(2025, 9, 15)
    assert parse_date(None) is None
    with pytest.raises(UsageError, match="YYYY-MM-DD"):  # an option: bad usage (exit 2)
        parse_date("15/09/2025")
    with pytest.raises(InputError, match="YYYY-MM-DD"):  # a field of a file: bad input (exit 1)
        parse_date("15/09/2025", what='news.jsonl:3: "date"')


def test_documents_reject_nul_and_empty():
    with pytest.raises(InputError, match="binary"):
        documents_from_text("abc\x00def")
    with pytest.raises(InputError, match="empty"):
        documents_from_text("  \n ")


def test_documents_bad_sources_are_reported_not_raised(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "x.pdf").write_text("not supported")
    (tmp_path / "lines.jsonl").write_text(
        '{"text": "Leaders met in Oslo.", "date": "2024-01-02"}\n{broken\n{"text": 5}\n'
    )
    paths = [str(tmp_path / n) for n in ("bad.txt", "bin.txt", "empty.txt", "x.pdf", "lines.jsonl", "missing.txt")]
    items = list(read_sources(paths))
    errors = [i.error for i in items if i.error]
    assert any("not UTF-8" in e for e in errors)
    assert any("binary" in e for e in errors)
    assert any("empty" in e for e in errors)
    assert any("unsupported file type .pdf" in e for e in errors)
    assert any("lines.jsonl:2" in e and "malformed" in e for e in errors)
    assert any("lines.jsonl:3" in e for e in errors)
    assert any("no such file" in e for e in errors)
    good = [i for i in items if not i.error]
    assert len(good) == 1 and good[0].documents[0].date == date(2024, 1, 2)

"""Files, folders, stdin and JSON Lines into ``Document`` objects.

An input file may hold an article followed by a list of headlines (as news digests do): each
headline becomes a document of its own, so it never runs into the article's last sentence. A
document's id is a hash of its normalised text, which makes re-ingesting the same text a no-op.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import InputError, UsageError
from kg.facts.models import Document

SUFFIXES = (".txt", ".md", ".jsonl")
MAX_BYTES_DEFAULT = 5_000_000  # per file or JSON line; $KG_MAX_DOC_BYTES changes it


def max_bytes() -> int:
    import os

    try:
        return int(os.environ.get("KG_MAX_DOC_BYTES", MAX_BYTES_DEFAULT))
    except ValueError:
        return MAX_BYTES_DEFAULT


MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 160
_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "as", "from", "over", "amid", "after", "into", "vs", "via", "per", "than", "up", "off", "out",
}  # fmt: skip


def normalise(text: str) -> str:
    """The form a document id is computed from: NFC, unified quotes, collapsed whitespace."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def document_id(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def parse_date(value: str | None, *, what: str = "--date") -> date | None:
    """An ISO date (YYYY-MM-DD) or None. Anything else is a clear error: bad usage (exit 2) for a
    command-line option such as ``--date``, bad input (exit 1) for a field of a file."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        error = UsageError if what.startswith("--") else InputError
        raise error(f"{what}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-09-15") from None


def is_headline(line: str) -> bool:
    """A short Title Case line without closing sentence punctuation."""
    line = line.strip()
    words = re.findall(r"[^\s]+", line)
    if not words or len(words) > MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
        return False
    if line[-1] in ".!?:" and not line.endswith("..."):
        return False
    content = [w for w in words if w.lower().strip("\"'‘“(") not in _SMALL_WORDS and w[0].isalpha()]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


@dataclass(frozen=True)
class Part:
    """A piece of a file's text that becomes one document."""

    text: str
    kind: str  # "article" | "headline"


def split_parts(text: str) -> list[Part]:
    """Split text into its article and the headlines of any headline list.

    A headline list is a run of at least two consecutive headline lines that is not the opening of
    the file (an article's title, byline and dateline are short Title Case lines too) nor a list
    that the line before introduces with a colon, unless the whole file is headlines.
    """
    lines = text.splitlines()
    flags = [is_headline(ln) for ln in lines]
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if nonblank and all(flags[i] for i in nonblank):
        return [Part(lines[i].strip(), "headline") for i in nonblank]
    headline_lines: set[int] = set()
    i, seen_body = 0, False
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if not flags[i]:
            seen_body = True
            i += 1
            continue
        j = i
        run = []
        while j < len(lines) and (flags[j] or not lines[j].strip()):
            if lines[j].strip():
                run.append(j)
            j += 1
        introduced = any(lines[k].strip() for k in range(i)) and lines[
            max(k for k in range(i) if lines[k].strip())
        ].rstrip().endswith(":")
        if seen_body and len(run) >= 2 and not introduced:  # a list a sentence introduces with ":" is the article's
            headline_lines.update(run)
        seen_body = seen_body or bool(run)
        i = j
    article = "\n".join(ln for k, ln in enumerate(lines) if k not in headline_lines).strip()
    parts = [Part(article, "article")] if article else []
    parts += [Part(lines[k].strip(), "headline") for k in sorted(headline_lines)]
    return parts


def dateline_date(text: str) -> date | None:
    """The date of a dateline: a line near the top holding nothing but a full date
    ("17 September 2023", "September 27, 2015"), taken as the publication date."""
    from kg.documents.dates import resolve

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:6]
    for line in lines:
        if (len(line) <= 30 and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", line.lower().replace(",", ""))) or re.fullmatch(
            r"\d{4}-\d{2}-\d{2}", line
        ):
            day = resolve(line, None)
            if day and len(day) == 10 and re.fullmatch(r"[\w ,.-]+", line):
                return date.fromisoformat(day)
    return None


def documents_from_text(
    text: str, *, date: date | None = None, source: str | None = None, title: str | None = None
) -> list[Document]:
    """The documents in one text: the article and each headline of a headline list."""
    if "\x00" in text:
        raise InputError("the text holds NUL bytes: it looks binary, not news text")
    if not text.strip():
        raise InputError("the text is empty")
    if date is None:
        date = dateline_date(text)
    return [
        Document(id=document_id(p.text), text=p.text, date=date, source=source, title=title, kind=p.kind)
        for p in split_parts(text)
    ]


def decode(data: bytes, where: str, *, per_document: bool = True) -> str:
    """Strict UTF-8 (a BOM is dropped); binary data and, for a single document, oversize data are
    clear errors. JSON Lines files are checked line by line instead."""
    limit = max_bytes()
    if per_document and len(data) > limit:
        raise InputError(
            f"{where}: {len(data):,} bytes is over the {limit:,}-byte limit per document (set KG_MAX_DOC_BYTES)"
        )
    if b"\x00" in data:
        raise InputError(f"{where}: binary file (NUL bytes), not news text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start}); convert it to UTF-8 first") from None


@dataclass
class Source:
    """One input item: a file, stdin, or a line of a JSON Lines file, with what went wrong if anything."""

    label: str
    documents: list[Document]
    error: str | None = None


def expand_paths(paths: list[str]) -> list[str]:
    """Files and folders (recursively, supported suffixes only) and '-' for stdin, in a stable order."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            out += [str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES]
        else:
            out.append(p)
    return out


FORMATS = ("jsonl", "text")


def looks_like_jsonl(text: str) -> bool:
    """Whether a text is JSON Lines of news records: its first non-blank line is a JSON object
    with a "text" string (news text itself never starts so).

    >>> looks_like_jsonl('{"text": "Ana Ruiz met Eva Lind.", "date": "2026-03-10"}')
    True
    >>> looks_like_jsonl("{Brackets} open this headline")
    False
    """
    first = next((ln for ln in text.splitlines() if ln.strip()), "").strip()
    if not first.startswith("{"):
        return False
    try:
        record = json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(record, dict) and isinstance(record.get("text"), str)


def read_text_sources(text: str, label: str, *, fmt: str | None = None, date=None, source=None) -> Iterator[Source]:
    """The sources of one decoded text: JSON Lines records (``fmt="jsonl"``, or sniffed when
    ``fmt`` is None) or one text."""
    if fmt not in (None, *FORMATS):
        raise UsageError(f"--format: choose {' or '.join(FORMATS)}, not {fmt!r}")
    if fmt == "jsonl" or (fmt is None and looks_like_jsonl(text)):
        yield from _from_jsonl(text, label, source)
        return
    if len(text.encode("utf-8")) > max_bytes():
        yield Source(label, [], f"{label}: over the {max_bytes():,}-byte limit per document (set KG_MAX_DOC_BYTES)")
        return
    yield _from_text(text, label, date, source or label)


def read_sources(
    paths: list[str], *, date: date | None = None, source: str | None = None, fmt: str | None = None
) -> Iterator[Source]:
    """Yield one ``Source`` per file (or per JSON line); errors are reported, never raised. Stdin
    ('-') is JSON Lines when ``fmt`` says so or its first line is a news record; a file by its
    suffix unless ``fmt`` says otherwise."""
    for p in expand_paths(paths):
        if p == "-":
            try:
                text = decode(sys.stdin.buffer.read(), "stdin", per_document=False)
            except InputError as exc:
                yield Source("stdin", [], str(exc))
                continue
            yield from read_text_sources(text, "stdin", fmt=fmt, date=date, source=source)
            continue
        path = Path(p)
        if not path.exists():
            yield Source(p, [], f"{p}: no such file or folder")
            continue
        if path.suffix.lower() not in SUFFIXES:
            yield Source(p, [], f"{p}: unsupported file type {path.suffix or '(none)'}; use .txt, .md or .jsonl")
            continue
        jsonl = fmt == "jsonl" or (fmt is None and path.suffix.lower() == ".jsonl")
        try:
            text = decode(path.read_bytes(), p, per_document=not jsonl)
        except InputError as exc:
            yield Source(p, [], str(exc))
            continue
        except OSError as exc:
            yield Source(p, [], f"{p}: cannot read ({exc.strerror})")
            continue
        if jsonl:
            yield from _from_jsonl(text, p, source)
        else:
            yield _from_text(text, p, date, source or str(path))


def _from_text(text: str, label: str, date: date | None, source: str | None) -> Source:
    try:
        return Source(label, documents_from_text(text, date=date, source=source))
    except InputError as exc:
        return Source(label, [], f"{label}: {exc}")


def _from_jsonl(text: str, label: str, source: str | None) -> Iterator[Source]:
    if not text.strip():
        yield Source(label, [], f"{label}: the file is empty")
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label}:{n}"
        if len(line.encode("utf-8")) > max_bytes():
            yield Source(
                where, [], f"{where}: line over the {max_bytes():,}-byte limit per document (set KG_MAX_DOC_BYTES)"
            )
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            yield Source(where, [], f"{where}: not a JSON object (malformed line)")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Source(where, [], f'{where}: expected an object with a "text" string')
            continue
        try:
            day = parse_date(record.get("date"), what=f'{where}: "date"')
            docs = documents_from_text(
                record["text"], date=day, source=record.get("url") or source or label, title=record.get("title")
            )
        except InputError as exc:
            msg = str(exc)
            yield Source(where, [], msg if msg.startswith(where) else f"{where}: {msg}")
            continue
        yield Source(where, docs)


def is_path(item: str | Path) -> bool:
    """A ``Path``, or a string naming an existing file or folder; an article's text is neither,
    even where the system refuses to look it up as a name (longer than a file name may be)."""
    if isinstance(item, Path):
        return True
    try:
        return "\n" not in item and Path(item).exists()
    except (OSError, ValueError):
        return False

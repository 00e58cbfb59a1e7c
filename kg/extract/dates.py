"""Resolve the date expressions of news text against the publication date.

Precision follows the text: a day (``2025-09-15``), a month (``2025-09``) or a year (``2017``).
Without a publication date, relative expressions ("on Monday", "today") stay ``None``: the text
does not pin them down.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(word[:3]))


def _year_of(month: int, published: date | None, future: bool) -> int | None:
    """The year of a month named without one: the nearest such month on the side of the
    publication date the clause speaks of ("met in November", in March, is last November; "will
    meet in November" is this one; the publication's own month is this year's either way).

    >>> _year_of(11, date(2026, 3, 10), future=False), _year_of(11, date(2026, 3, 10), future=True)
    (2025, 2026)
    >>> _year_of(2, date(2026, 11, 10), future=True)
    2027
    """
    if published is None:
        return None
    if future:
        return published.year + (month < published.month)
    return published.year - (month > published.month)


def resolve(
    expression: str, published: date | None, *, future: bool = False, planned: bool | None = None
) -> str | None:
    """An ISO date for a date expression, or None when the text does not pin it down.

    ``future``: a bare weekday lies ahead (a plan, or a present-tense clause). ``planned``: a
    month named without a year lies ahead (default: as ``future``); a present-tense report of a
    held meeting ("the trip is his fourth since February") looks back.

    >>> resolve("on Monday", date(2025, 9, 17))
    '2025-09-15'
    >>> resolve("on Tuesday", date(2025, 9, 15), future=True)
    '2025-09-16'
    >>> resolve("September 27, 2015", None)
    '2015-09-27'
    >>> resolve("towards the end of 2017", None)
    '2017'
    >>> resolve("today", None) is None
    True
    """
    s = expression.lower().strip().replace("’", "'")
    ahead = future if planned is None else planned
    s = re.sub(r"^(on|in|this|during|by|at|from)\s+", "", s)
    if s.startswith(("since", "until", "before", "after", "over the", "for ")) or "ago" in s.split():
        return None
    if s in {
        "today",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "this morning",
        "this afternoon",
        "this evening",
    } or s in {"morning", "afternoon", "evening"}:
        return published.isoformat() if published else None
    if s in {"yesterday", "last night"}:
        return (published - timedelta(days=1)).isoformat() if published else None
    if s == "tomorrow":
        return (published + timedelta(days=1)).isoformat() if published else None
    wd = re.fullmatch(
        r"(?:(last|next|this|coming)\s+)?(" + "|".join(WEEKDAYS) + r")(?:\s+(morning|afternoon|evening|night))?", s
    )
    if wd:
        if published is None:
            return None
        target = WEEKDAYS.index(wd.group(2))
        delta = (target - published.weekday()) % 7
        if future or wd.group(1) in {"next", "coming"}:
            return (published + timedelta(days=delta)).isoformat()
        return (published - timedelta(days=(published.weekday() - target) % 7)).isoformat()
    full = re.search(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", s) or re.search(
        r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4}))?\b", s
    )
    if full:
        groups = full.groups()
        month_word, day = (groups[0], groups[1]) if not groups[0].isdigit() else (groups[1], groups[0])
        year = int(groups[2]) if groups[2] else _year_of(_month(month_word), published, ahead)
        if year is None:
            return None
        try:
            return date(year, _month(month_word), int(day)).isoformat()
        except ValueError:
            return None
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", s)
    if iso:
        try:
            return date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    month_year = re.search(r"\b" + _MONTH_RE + r"\s+(\d{4})\b", s)
    if month_year:
        return f"{int(month_year.group(2)):04d}-{_month(month_year.group(1)):02d}"
    year = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", s)
    if year:
        return year.group(1)
    month_only = re.fullmatch(r"(?:early|mid|late|the end of|end of)?\s*-?\s*" + _MONTH_RE, s)
    if month_only and published:
        month = _month(month_only.group(1))
        return f"{_year_of(month, published, ahead):04d}-{month:02d}"
    if published:
        if s == "last month":
            first = published.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
        if s in {"this month", "earlier this month"}:
            return f"{published.year:04d}-{published.month:02d}"
        if s == "last year":
            return str(published.year - 1)
        if s in {"this year", "earlier this year", "later this year"}:
            return str(published.year)
        if s == "next year":
            return str(published.year + 1)
    return None

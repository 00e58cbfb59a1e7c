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
    for reader in (_deictic, _weekday):
        found = reader(s, published, future)
        if found is not False:
            return found
    return _calendar(s, published, ahead)


_TODAY = frozenset(
    {"today", "tonight", "morning", "afternoon", "evening", "this morning", "this afternoon", "this evening"}
)


def _deictic(s: str, published: date | None, future: bool) -> str | bool | None:
    """ "today", "yesterday", "tomorrow", "last month", "this year" ...; False when it is none of them."""
    shifts = {"yesterday": -1, "last night": -1, "tomorrow": 1, **dict.fromkeys(_TODAY, 0)}
    if s in shifts:
        return (published + timedelta(days=shifts[s])).isoformat() if published else None
    if s in {"last month", "this month", "earlier this month"}:
        if published is None:
            return None
        first = published.replace(day=1) - timedelta(days=1) if s == "last month" else published
        return f"{first.year:04d}-{first.month:02d}"
    years = {"last year": -1, "this year": 0, "earlier this year": 0, "later this year": 0, "next year": 1}
    if s in years:
        return str(published.year + years[s]) if published else None
    return False


def _weekday(s: str, published: date | None, future: bool) -> str | bool | None:
    """ "Monday", "last Friday", "next Tuesday morning"; False when it is no weekday."""
    wd = re.fullmatch(
        r"(?:(last|next|this|coming)\s+)?(" + "|".join(WEEKDAYS) + r")(?:\s+(morning|afternoon|evening|night))?", s
    )
    if not wd:
        return False
    if published is None:
        return None
    target = WEEKDAYS.index(wd.group(2))
    delta = (target - published.weekday()) % 7
    if future or wd.group(1) in {"next", "coming"}:
        return (published + timedelta(days=delta)).isoformat()
    return (published - timedelta(days=(published.weekday() - target) % 7)).isoformat()


def _calendar(s: str, published: date | None, ahead: bool) -> str | None:
    """A calendar date as precise as written: day, month (of the nearest year) or year."""
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
    return None

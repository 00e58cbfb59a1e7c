"""Titles in the text, what each is "of", and the names they introduce.

"British Finance Minister Rachel Reeves", "Vice Premier of the People's Republic of China He
Lifeng": a title before a name (or after it, "António Guterres, Secretary-General") says what the
person is and of which country or organisation. Titles also find people the model missed:
capitalised words right after a title are a name. A bare title ("the Foreign Secretary") stands
for the one person the document gives it (title anaphora). Roles and affiliations are built
from these spans in kg.extract.roles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.mentions import CALENDAR, NAME_PARTICLES, Mention, classify, name_end, trigger_forms
from kg.extract.nlp import text_of, token_bounds
from kg.lexicons import gazetteer, honorific_pattern, honorifics, titles

HONORIFICS = frozenset(honorifics()) | {"Excellency", "His", "Her"}
HONORIFIC_RE = honorific_pattern()
_CAP = r"[A-Z][\w’'-]*(?![\w.])"
_PORTFOLIO = re.compile(rf"[ \t]+(for[ \t]+{_CAP}(?:,?[ \t]+(?:{_CAP}|and[ \t]+{_CAP}|of[ \t]+(?:the[ \t]+)?{_CAP}))*)")


def _portfolio_end(text: str, portfolio: re.Match, mentions: list[Mention]) -> int:
    """Where a portfolio ("for Foreign Affairs and Security Policy") ends: before a name or an
    honorific it would run into ("..., and Mr Karel De Gucht"), without the glue before it."""
    stop = portfolio.end()
    for m in mentions:
        if m.type == "Person" and portfolio.start(1) < m.start < stop:
            stop = m.start
    words = re.search(r"[ \t]" + honorific_pattern(at_least_one=True), text[portfolio.start(1) : stop])
    if words:
        stop = portfolio.start(1) + words.start()
    return portfolio.start(1) + len(re.sub(r"(?:,?[ \t]+and)?[ \t,]*$", "", text[portfolio.start(1) : stop]))


@dataclass
class TitleSpan:
    """A title in the text with what it is "of" (country, demonym or organisation mention)."""

    start: int
    end: int
    text: str
    of: Mention | None = None
    of_start: int | None = None  # where the whole role prefix begins, "of" mention included
    anaphor: bool = False  # "the Foreign Secretary" standing for the one person with that title


@cache
def _title_regex() -> re.Pattern:
    forms = sorted((" ".join(f) for f in titles().forms), key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])", re.IGNORECASE)


_THE_BEFORE = re.compile(
    r"\b[Tt]he[ \t]+(?:(?:visiting|new|current|incumbent|outgoing|then|former|acting|interim)[ \t]+)?$"
)
_COUNTRY_BEFORE = re.compile(r"\b([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)['’]s[ \t]+$")  # "China's vice premier"


def _definite_before(text: str, at: int) -> bool:
    """Whether a title at ``at`` is definite: after "the" or a country's possessive."""
    before = text[max(0, at - 30) : at]
    if _THE_BEFORE.search(before):
        return True
    owner = _COUNTRY_BEFORE.search(before)
    return owner is not None and gazetteer().country(owner.group(1)) is not None


_BEFORE_NAME = re.compile(r"[ \t]+(?:" + HONORIFIC_RE + r")?[A-Z]")
_APPOSITIVE = re.compile(r"(?:,[ \t]+(?:(?:a|an|the)[ \t]+)?|[A-Z][\w.'’-]*['’]s[ \t]+)$")
_APPOSITIVE_END = re.compile(r"[ \t]*(?:[,.;]|of\b|to\b|at\b|for\b|with\b)")


def find_titles(text: str, *, lowercase: bool = False) -> list[tuple[int, int]]:
    """Title phrases in the text, as character spans: capitalised ones, and with ``lowercase``
    those written in lower case where news uses them as titles: right before a name ("envoy
    Lodi Gyari", "political analyst Charles Mangongera") or as a name's appositive ("Kim Yong
    Chol, a senior adviser to ...", "China's vice prime minister, Wu Yi")."""
    out = []
    for start, end, phrase in _title_matches(text):
        if phrase[0].isupper():
            out.append((start, end))
        elif lowercase and (
            _BEFORE_NAME.match(text, end)
            or (_APPOSITIVE.search(text[max(0, start - 40) : start]) and _APPOSITIVE_END.match(text, end))
        ):
            out.append((start, end))
    return out


@lru_cache(maxsize=4)
def _title_matches(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every match of the title alternation, once per text (two readers scan for them)."""
    return tuple((m.start(), m.end(), m.group(0)) for m in _title_regex().finditer(text))


def _mention_ending_before(mentions: list[Mention], text: str, pos: int) -> tuple[Mention | None, int]:
    """The mention that ends right before ``pos`` (allowing a possessive and spaces)."""
    head = text[:pos]
    stripped = re.sub(r"(?:['’]s)?[ \t]*$", "", head)
    for m in mentions:
        if m.end == len(stripped):
            return m, m.start
    return None, pos


def _name_after(doc, char: int) -> tuple[int, int] | None:
    """Capitalised words starting at ``char`` that make a personal name (up to five words)."""
    forms = trigger_forms()
    first = bisect_left(token_bounds(doc)[0], char)  # the first token starting at or after char
    if first == len(doc) or doc[first].idx - char > 1:
        return None
    tokens = doc[first:]  # a Span: tokens are made as the loop reaches them
    common = doc.user_data.get("kg_common_words", frozenset())  # of Title Case lines (pipeline)
    words = []
    for tok in tokens:
        if tok.idx in common:
            break
        if words and (tok.is_sent_start or (tok.text == "." and len(words[-1].text) > 1) or tok.lower_ in CALENDAR):
            break  # a name never runs past its sentence ("... Froman. Prime Minister ...") nor into a date
        if tok.text in {"-", "."} and words:
            continue
        ok = (
            (tok.text[:1].isupper() and tok.text.lower() not in forms and tok.is_alpha)
            or (words and tok.lower_ in NAME_PARTICLES)
            or re.fullmatch(r"[A-Z]\.", tok.text)
        )
        if not ok or (tok.lower_ in titles().words and not words):
            break
        words.append(tok)
        if len(words) == 5 or (
            tok.whitespace_ == ""
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].is_punct
            and doc[tok.i + 1].text not in {"."}
        ):
            break
    while words and words[-1].lower_ in NAME_PARTICLES:
        words.pop()
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def anchor_titles(doc, mentions: list[Mention]) -> tuple[list[Mention], list[TitleSpan]]:
    """Find titles, the names they introduce and what they are "of"; return the repaired mentions.

    Mentions lying inside a title ("State" in "Secretary of State") are dropped unless they name an
    organisation ("the Treasury"); demonyms and countries before a title are marked ``in_title``.
    """
    text = text_of(doc)
    spans = _title_spans(text, mentions)
    for m in mentions:  # "U.S. Treasury" in "U.S. Treasury Secretary" is part of the title
        if m.type in {"Organization", "Country"} and any(s.start < m.end and m.start < s.end for s in spans):
            m.in_title = True
    mentions = _outside_titles(text, mentions, spans)
    for span in spans:
        mentions = _name_after_title(doc, text, span, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions, spans


def _title_spans(text: str, mentions: list[Mention]) -> list[TitleSpan]:
    """Every title with what it is "of" (after it, or a country or body before it) and its portfolio."""
    spans: list[TitleSpan] = []
    for start, end in find_titles(text, lowercase=True):
        if any(m.start <= start and end < m.end and m.type != "Person" for m in mentions):
            continue  # "General" in "UN General Assembly": part of a name, not a title
        span = TitleSpan(start, end, text[start:end])
        # "Vice Premier of the People's Republic of China": the of-phrase belongs to the title.
        tail = re.match(r"\s+of\s+(?:the\s+)?", text[end:])
        if tail:
            of_m = next((m for m in mentions if m.start == end + tail.end()), None)
            if of_m and of_m.type in {"Country", "Organization"}:
                portfolio = of_m.text.find(" for ")
                if of_m.type == "Organization" and portfolio > 0 and gazetteer().organization(of_m.text[:portfolio]):
                    # "European Union for Foreign Affairs"; "Movement for Democratic Change" stays whole
                    of_m.end = of_m.start + portfolio
                    of_m.text = text[of_m.start : of_m.end]
                span.of = of_m
                of_m.in_title = True
                span.end = of_m.end
        # "High Representative ... for Foreign Affairs and Security Policy": the portfolio is title
        portfolio = _PORTFOLIO.match(text, span.end)
        if portfolio:
            stop = _portfolio_end(text, portfolio, mentions)
            span.text = f"{span.text} {text[portfolio.start(1) : stop]}"
            span.end = stop
        if span.of is None:
            pre, pre_start = _mention_ending_before(mentions, text, start)
            if (pre and pre.type in {"Country", "Demonym", "Organization"}) or (pre and pre.metonym):
                span.of, span.of_start = pre, pre_start
                pre.in_title = True
        spans.append(span)
    return spans


def _outside_titles(text: str, mentions: list[Mention], spans: list[TitleSpan]) -> list[Mention]:
    """The mentions that are not words of a title ("State" in "Secretary of State" goes; "the
    Treasury" in "Secretary of the Treasury" stays)."""
    kept: list[Mention] = []
    for m in mentions:
        inside = any(s.start <= m.start and m.end <= s.end and s.of is not m for s in spans)
        keep = (
            m.type == "Organization"
            and text[: m.start].endswith(("the ", "The "))
            and not _title_regex().fullmatch(m.text)
        )
        if not inside or keep:
            kept.append(m)
    return kept


def _name_after_title(doc, text: str, span: TitleSpan, mentions: list[Mention]) -> list[Mention]:
    """The person a title introduces: the model's mention grown to the whole name, or a new one."""
    after = re.match(r"[ \t]*(?:,[ \t]*)?" + HONORIFIC_RE, text[span.end :])
    name = _name_after(doc, span.end + after.end())
    if name is None:
        return mentions
    start, end = name
    existing = [m for m in mentions if m.start < end and start < m.end]
    if any(m.type == "Person" for m in existing):
        person = next(m for m in existing if m.type == "Person")
        if person.start > start:  # the model cut the first name off ("J. Blinken")
            person.start = start
        if re.fullmatch(r"[ \t]+[A-Z][^\W\d_]*", text[person.end : end]) and text[end : end + 1] == "-":
            person.end = end  # "Minister Kim Do-hyun" when the model stopped at "Kim"
        person.end = name_end(text, person.end)  # "Pope Benedict the Sixteenth"
        person.text = text[person.start : person.end]
        return mentions
    if any(m.type == "Country" for m in existing) and all(m.start == start for m in existing):
        return mentions
    typ, _ = classify(text[start:end], "Person")
    if typ != "Person":
        return mentions
    mentions = [m for m in mentions if m not in existing]
    end = max([name_end(text, end)] + [m.end for m in existing if m.start == start])  # "Gholam-Hossein Elham"
    return [*mentions, Mention(start, end, text[start:end], "Person")]


def _untitled_name_before(span: TitleSpan, text: str, spans: list[TitleSpan]) -> bool:
    """Whether ``span`` follows "Name, " where the name has no title of its own: then it is that
    name's appositive title ("Mr Yukio Hatoyama, Prime Minister of Japan, Mr Herman Van Rompuy")."""
    start = span.of_start if span.of_start is not None and span.of_start < span.start else span.start
    before = re.search(r"(\S+)[ \t]*,[ \t]+(?:(?:the|a|an)[ \t]+)?$", text[max(0, start - 60) : start])
    if not before or not before.group(1)[:1].isupper():
        return False
    name_end = start - len(before.group(0)) + len(before.group(1))
    titled = re.compile(r"\s*" + HONORIFIC_RE + r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*")
    return not any(o.end <= name_end and titled.fullmatch(text[o.end : name_end]) for o in spans)


def title_before(span_list: list[TitleSpan], text: str, person: Mention) -> list[TitleSpan]:
    """The titles directly before a person, the second of "X and Y Name" included; a title that
    is the appositive of the name before it is not this person's."""
    out: list[TitleSpan] = []
    pos = person.start
    for _ in range(3):
        gap_ok = None
        for s in span_list:
            if s.end > pos:
                continue
            gap = text[s.end : pos]
            if re.fullmatch(r"\s*(?:,\s*)?" + HONORIFIC_RE, gap) or (out and re.fullmatch(r"\s+and\s+", gap)):
                if "," in gap and _untitled_name_before(s, text, span_list):
                    continue
                gap_ok = s
        if gap_ok is None:
            break
        out.append(gap_ok)
        pos = (
            gap_ok.of_start
            if gap_ok.of_start is not None and gap_ok.of is not None and gap_ok.of_start < gap_ok.start
            else gap_ok.start
        )
    if len(out) > 1 and out[-1].of is not None:  # "Colombian Vice President and Foreign Minister-Designate"
        for s in out[:-1]:
            s.of = s.of or out[-1].of
    return out


def country_of(m: Mention | None) -> str | None:
    if m is None:
        return None
    if m.country:
        return m.country
    return gazetteer().country(m.text)


def title_after(spans: list[TitleSpan], text: str, person: Mention, mentions: list[Mention]) -> TitleSpan | None:
    """An appositive title after a name: "António Guterres, Secretary-General"."""
    gap = re.match(r",[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?", text[person.end :], re.IGNORECASE)
    if not gap:
        return None
    start = person.end + gap.end()
    span = next((s for s in spans if s.start == start or s.of_start == start), None)
    if span is None:
        return None
    follower = re.match(r"[ \t]*(?:,[ \t]*)?" + HONORIFIC_RE, text[span.end :])
    nxt = span.end + (follower.end() if follower else 0)
    if any(m.start == nxt and m.type == "Person" for m in mentions) and (
        "," not in text[span.end : nxt] or not _untitled_name_before(span, text, spans)
    ):
        return None  # the title of the next name in a list
    return span


def resolve_title_anaphora(text: str, mentions: list[Mention], spans: list[TitleSpan], roles) -> list[Mention]:
    """ "The Foreign Secretary will visit Moscow", "the chancellor said": a bare title after "the"
    (any case) stands for the person the document gives that title. The title may be shorter than
    the one given ("the Secretary" for the Secretary of State) and may say whose it is ("the
    President of Russia", "the U.S. envoy"); of several holders, the one named first (a readout's
    principal) is meant. ``roles`` are the document's Role facts, in text order."""
    out: list[Mention] = []
    people = [(m.start, m) for m in mentions if m.type == "Person" and not m.in_title]
    first_named = {}
    for start, m in sorted(people, key=lambda p: p[0]):
        first_named.setdefault(m.text, start)
    for span in bare_titles(text, [*spans, *_lowercase_titles(text, spans)], mentions):
        holder = _holder(span, roles, first_named)
        if holder is not None:
            span.anaphor = True
            out.append(Mention(span.start, span.end, holder, "Person", anaphor=True))
    return out


def bare_titles(text: str, spans: list[TitleSpan], mentions: list[Mention]) -> Iterator[TitleSpan]:
    """The titles after "the" that name no one beside them: no name follows or precedes them."""
    people = [m for m in mentions if m.type == "Person"]
    for span in spans:
        begins = span.of_start if span.of_start is not None and span.of_start < span.start else span.start
        possessive = span.of is not None and re.fullmatch(r"['’]s[ \t]+", text[span.of.end : span.start]) is not None
        if not (possessive or _definite_before(text, begins)):  # "the Sri Lanka President", "China's vice premier"
            continue
        follower = re.match(r"[ \t]*(?:,[ \t]*)?" + HONORIFIC_RE, text[span.end :])
        nxt = span.end + (follower.end() if follower else 0)
        if any(m.start in (span.end, nxt) or m.start < span.end <= m.end for m in people):
            continue  # the title of a name that follows
        if not any(m.end == span.start or m.start <= span.start < m.end for m in people):
            yield span


def _holder(span: TitleSpan, roles, first_named: dict[str, int]) -> str | None:
    bare = re.sub(r"[\s-]+", " ", span.text).lower().split()  # "Secretary-General" is "Secretary General"
    of = country_of(span.of) if span.of is not None else None
    exact, shorter = set(), set()
    for r in roles:
        words = re.sub(r"-", " ", r.title.lower()).split()
        if of is not None and r.of != of and (span.of is None or r.of != span.of.text):
            continue
        if words == bare:
            exact.add(r.person)
        elif words[: len(bare)] == bare or (set(bare) <= set(words) and bare[-1] == _head(words)):
            shorter.add(r.person)
    candidates = exact or shorter
    if not candidates:
        return None
    return min(candidates, key=lambda p: first_named.get(p, 1 << 30))


def _head(words: list[str]) -> str:
    """The head word of a title: the one before its "of"/"for" phrase, else the last."""
    for k, w in enumerate(words):
        if w in {"of", "for"} and k:
            return words[k - 1]
    return words[-1]


def _lowercase_titles(text: str, spans: list[TitleSpan]) -> list[TitleSpan]:
    """Lower-case titles after "the" ("the chancellor", "the secretary of state")."""
    out = []
    taken = [(s.start, s.end) for s in spans]
    for start, end, phrase in _title_matches(text):
        if phrase[0].isupper() or any(a <= start < b for a, b in taken):
            continue
        if _definite_before(text, start):  # "the visiting president"
            out.append(TitleSpan(start, end, phrase))
    return out


def titled_spans(spans: list[TitleSpan], text: str, mentions: list[Mention]) -> list[tuple[int, int, Mention]]:
    """(start, end, person) for every title that introduces or follows a named person: a noun
    phrase headed by the title word stands for that person, however the parser attached it."""
    out = []
    for m in mentions:
        if m.type != "Person" or m.in_title or m.anaphor:
            continue
        after = title_after(spans, text, m, mentions)
        for s in [*title_before(spans, text, m), *([after] if after else [])]:
            start = s.of_start if s.of_start is not None and s.of_start < s.start else s.start
            out.append((start, s.end, m))
    return out

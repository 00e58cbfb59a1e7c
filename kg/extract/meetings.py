"""Who met whom: meetings, talks, visits, summits and calls, with place, date, status and evidence.

The small parser is often wrong on news syntax, so participants are read from the word order
around a trigger word, with names (not tokens) as units and titles as transparent words:

* verbs ("met", "visits", "is scheduled to meet"): the names just before, and the object or the
  with/between phrase just after;
* nouns ("talks", "a potential meeting", "Trump's state visit"): a between/with phrase, a
  possessor, a relative clause ("the meeting that Kerry had with Lavrov") or the subject of a light
  verb ("Bessent and He Lifeng have led four rounds of talks").

Status comes from cue words in the clause (lexicons/status.json); negated held meetings are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.dates import resolve
from kg.extract.entities import EntityTable
from kg.extract.mentions import ACTOR_TYPES, Mention
from kg.extract.roles import HONORIFICS, TitleSpan
from kg.lexicons import meeting_words, name_words, status_cues

_SKIP_BEFORE_VERB = {
    "to", "also", "last", "first", "finally", "again", "recently", "reportedly", "later", "jointly",
    "scheduled", "set", "due", "expected", "slated", "planning", "plans", "planned", "going", "hoping",
    "hopes", "hoped", "wants", "want", "agreed", "agree", "agrees", "will", "would", "could", "may", "might",
    "can", "shall", "is", "are", "was", "were", "be", "been", "has", "have", "had", "did", "does", "do",
    "not", "n't", "never", "today", "yesterday", "briefly", "privately", "separately", "formally",
    "'ll", "’ll", "both", "each", "who", "personally", "virtually",
}  # fmt: skip
_SKIP_AFTER = {
    "today",
    "yesterday",
    "separately",
    "privately",
    "again",
    "briefly",
    "virtually",
    "also",
    "here",
    "there",
    "personally",
    "formally",
    "jointly",
    "later",
    "earlier",
}
_NOUN_MODIFIERS = {
    "a",
    "an",
    "the",
    "their",
    "his",
    "her",
    "its",
    "this",
    "that",
    "these",
    "those",
    "first",
    "second",
    "third",
    "latest",
    "new",
    "state",
    "official",
    "bilateral",
    "introductory",
    "face-to-face",
    "high-level",
    "brief",
    "long",
    "lengthy",
    "private",
    "closed-door",
    "video",
    "phone",
    "telephone",
    "trade",
    "working",
    "potential",
    "possible",
    "planned",
    "proposed",
    "upcoming",
    "expected",
    "scheduled",
    "two-day",
    "one-on-one",
    "several",
    "many",
    "further",
    "more",
    "of",
    "rounds",
    "round",
    "series",
    "sessions",
    "session",
    "four",
    "three",
    "two",
    "five",
    "six",
}
_CLAUSE_BREAK = {";", ":", "(", ")", "—", "–"}


@dataclass
class Found:
    """A meeting found in one sentence, before merging across sentences."""

    participants: list[Mention]
    kind: str
    status: str
    sentence: object
    trigger: object
    place: Mention | None = None
    date: str | None = None
    series: bool = False  # "four rounds of talks": several meetings, never merged with one of them
    via_group: bool = False  # "delegations from X and Y": countries standing for their delegations' heads
    by_verb: bool = True  # found through a verb ("met") rather than a noun ("talks")


class MeetingFinder:
    """Finds meetings sentence by sentence; see the module docstring for the rules."""

    def __init__(self, doc, mentions: list[Mention], titles: list[TitleSpan], table: EntityTable, *, published=None):
        self.doc = doc
        self.published = published  # the publication date relative dates resolve against
        self.table = table
        self.words = meeting_words()
        self.group_nouns = set(self.words["group_nouns"])
        self.bridges = set(self.words["noun_bridges"])
        self.building_words = set(name_words()["building_organizations"])
        self.cues = status_cues()
        self.token_mention: dict[int, Mention] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.token_mention[t.i] = m
        self.title_tokens: set[int] = set()
        for s in titles:
            span = doc.char_span(s.of_start if s.of_start is not None else s.start, s.end, alignment_mode="expand")
            if span is not None:
                self.title_tokens.update(
                    t.i for t in span if t.i not in self.token_mention or self.token_mention[t.i].in_title
                )

    # -- units -------------------------------------------------------------------------------
    def actor(self, i: int) -> Mention | None:
        m = self.token_mention.get(i)
        if m is None or m.in_title:
            return None
        typ = self.table.type(m)
        return m if typ in ACTOR_TYPES or m.metonym else None

    def _transparent(self, i: int) -> bool:
        tok = self.doc[i]
        m = self.token_mention.get(i)
        if tok.text in HONORIFICS or (tok.text == "," and i - 1 in self.title_tokens):
            return True  # "the President of the European Council, H.E. Mr. Charles Michel"
        if tok.lower_ == "and" and i - 1 in self.title_tokens and i + 1 in self.title_tokens:
            return True  # "Vice President and Foreign Minister-Designate Marta Lucía Ramírez"
        return i in self.title_tokens or (m is not None and m.in_title) or tok.lower_ in {"the", "'s", "’s"}

    def group_right(self, i: int, end: int) -> tuple[list[Mention], int]:
        """Names coordinated from token i on ("Trump and Chinese President Xi Jinping")."""
        found: list[Mention] = []
        while i < end:
            while i < end and self._transparent(i):
                i += 1
            m = self.actor(i) if i < end else None
            if m is None:
                break
            found.append(m)
            while i < end and self.token_mention.get(i) is m:
                i += 1
            if i < end and self.doc[i].lower_ in {"'s", "’s"}:
                i += 1
            if i + 1 < end and self.doc[i].text == "," and self._appositive_title(i + 1, end):
                i += 1  # "Charles Michel, President of the European Council and ..."
                while i < end and self._transparent(i) and self.doc[i].text != ",":
                    i += 1
            if i < end and self.doc[i].text == "," and i + 1 < end and self.doc[i + 1].lower_ == "and":
                i += 1
            if i < end and self.doc[i].lower_ in {"and", ","}:
                j = i + 1
                while j < end and self._transparent(j):
                    j += 1
                if j < end and self.actor(j) is not None:
                    i = j
                    continue
            break
        return found, i

    def _appositive_title(self, i: int, end: int) -> bool:
        while i < end and self.doc[i].lower_ in {"the", "a", "an"}:
            i += 1
        return i < end and i in self.title_tokens

    def group_left(self, i: int, start: int) -> list[Mention]:
        """Names coordinated ending at token i, read leftwards ("Bessent and He Lifeng")."""
        found: list[Mention] = []
        while i >= start:
            while i >= start and self._transparent(i):
                i -= 1
            m = self.actor(i) if i >= start else None
            if m is None:
                break
            found.append(m)
            while i >= start and self.token_mention.get(i) is m:
                i -= 1
            while i >= start and self._transparent(i) and self.doc[i].lower_ != "the":
                i -= 1
            if i >= start and self.doc[i].lower_ in {"and", ","}:
                j = i - 1
                if j >= start and self.doc[j].text == "," and self.doc[i].lower_ == "and":
                    j -= 1
                k = j
                while k >= start and self._transparent(k):
                    k -= 1
                if k >= start and self.actor(k) is not None:
                    i = j
                    continue
            break
        found.reverse()
        return found

    def subject_left(self, i: int, start: int) -> tuple[list[Mention], bool]:
        """Names ending at token i, and whether they stand behind a group noun
        ("Delegations from the United States and China")."""
        names = self.group_left(i, start)
        if not names:
            return [], False
        j = self.doc.char_span(names[0].start, names[0].end, alignment_mode="expand").start - 1
        while j >= start and self.doc[j].lower_ == "the":
            j -= 1
        group = j - 1 >= start and self.doc[j].lower_ in {"from", "of"} and self.doc[j - 1].lower_ in self.group_nouns
        return names, group

    # -- triggers ----------------------------------------------------------------------------
    def __call__(self) -> list[Found]:
        found: list[Found] = []
        self.last: Found | None = None
        for sent in self.doc.sents:
            for tok in sent:
                hit = self._trigger(tok, sent)
                if hit is not None:
                    found.append(hit)
                    self.last = hit
        return found

    def _parties_phrase(self, i: int, start: int) -> list[Mention]:
        """ "The two sides" / "both leaders" ending at token i: the parties of the meeting just
        named (in this sentence or the two before), else nothing."""
        words = [t.lower_ for t in self.doc[max(start, i - 2) : i + 1]]
        text = " ".join(words)
        if not re.search(
            r"(?:^|\s)(?:(?:the two|both) (?:sides|leaders|countries|delegations|ministers|men|women|governments)|the two)$",
            text,
        ):
            return []
        last = self.last
        if last is None or self.doc[i].sent.start - last.sentence.end > 60:
            return []
        return list(last.participants)

    def _trigger(self, tok, sent) -> Found | None:
        low = tok.lower_
        verbs, nouns = self.words["verbs"], self.words["nouns"]
        if tok.i in self.token_mention and not self.token_mention[tok.i].in_title:
            return None  # inside a name ("NATO Foreign Ministers Meeting")
        is_verb = low in verbs and (
            tok.pos_ in {"VERB", "AUX", "PROPN"} or low in {"met", "meets", "visits", "hosts", "visited", "hosted"}
        )
        is_noun = low in nouns and not is_verb
        if not (is_verb or is_noun):
            return None
        if (
            low in {"call", "calls", "called"}
            and is_verb
            and tok.dep_ not in {"ROOT", "conj", "xcomp", "advcl", "ccomp", "relcl"}
        ):
            return None
        kind = verbs[low] if is_verb else nouns[low]
        parts: list[Mention] = []
        series = via_group = False
        cue_start = max(sent.start, tok.i - 6)
        if is_verb:
            i = tok.i - 1
            while i >= sent.start and (
                self.doc[i].lower_ in _SKIP_BEFORE_VERB
                or (self.doc[i].ent_type_ in {"DATE", "TIME"} and i not in self.token_mention)
            ):
                i -= 1
            left = self.group_left(i, sent.start) or self._parties_phrase(i, sent.start)
            parts += left
            if left:
                cue_start = min(
                    cue_start, self.doc.char_span(left[0].start, left[0].end, alignment_mode="expand").start
                )
            right = self._right_of_verb(tok, sent, kind)
            if low in self.words["call_needs_with"] and not right:
                return None
            parts += right
        else:
            found, series, via_group = self._noun_participants(tok, sent)
            parts += found
        unique: list[Mention] = []
        for m in parts:
            if all(self.table.name(m) != self.table.name(u) for u in unique):
                unique.append(m)
        if len(unique) < 2:
            return None
        status = self._status(sent, cue_start, tok)
        if status is None:
            return None
        place = self._place(tok, sent, unique, kind)
        date = self._date(tok, sent, status)
        return Found(unique, kind, status, sent, tok, place, date, series, via_group, by_verb=is_verb)

    def _right_of_verb(self, tok, sent, kind: str) -> list[Mention]:
        i = tok.i + 1
        end = sent.end
        while i < end and (
            self.doc[i].lower_ in _SKIP_AFTER
            or (self.doc[i].ent_type_ in {"DATE", "TIME"} and i not in self.token_mention)
            or self.doc[i].lower_ in {"up", "down"}
        ):
            i += 1
        if i < end and self.doc[i].lower_ in {"with", "between"}:
            return self.group_right(i + 1, end)[0]
        if tok.lower_ in self.words["transitive"]:
            found = self.group_right(i, end)[0]
            if not found and kind == "visit":
                found = self._visited_place(i)
            return found
        return []

    def _visited_place(self, i: int) -> list[Mention]:
        """ "to visit Moscow": a visited city or country is the visit's counterpart (its country)."""
        while i < len(self.doc) and self.doc[i].lower_ == "the":
            i += 1
        m = self.token_mention.get(i)
        if m is not None and not m.in_title and self.table.type(m) in {"City", "Country"} and m.country:
            return [m]
        return []

    def _noun_participants(self, tok, sent) -> tuple[list[Mention], bool, bool]:
        """Participants of a trigger noun, whether it names a series of meetings ("four rounds of
        talks") and whether the names stand behind a group noun ("delegations from")."""
        parts: list[Mention] = []
        end = sent.end
        # right: "meeting (and dinner) with X", "talks between X and Y", "the meeting that X had with Y"
        i = tok.i + 1
        if i + 1 < end and self.doc[i].lower_ == "and" and self.doc[i + 1].lower_ in self.words["nouns"]:
            i += 2
        while i < end and self.doc[i].lower_ in _SKIP_AFTER:
            i += 1
        if i < end and self.doc[i].lower_ in {"with", "between"}:
            parts += self.group_right(i + 1, end)[0]
        elif i < end and self.doc[i].lower_ in {"that", "which"}:
            subj, j = self.group_right(i + 1, end)
            if subj and j < end and self.doc[j].lower_ in self.words["light_verbs"]:
                parts += subj
                k = j + 1
                while k < end and self.doc[k].lower_ in _SKIP_AFTER:
                    k += 1
                if k < end and self.doc[k].lower_ == "with":
                    parts += self.group_right(k + 1, end)[0]
        # left: "Trump's state visit", "X and Y have led four rounds of talks", "X had a meeting"
        j = tok.i - 1
        series = via_group = False
        while (
            j >= sent.start
            and (self.doc[j].lower_ in _NOUN_MODIFIERS or self.doc[j].pos_ in {"ADJ", "NUM"})
            and j not in self.token_mention
        ):
            series = series or self.doc[j].lower_ in self.bridges
            j -= 1
        if j >= sent.start and self.doc[j].lower_ in {"'s", "’s"}:
            m = self.actor(j - 1)
            if m is not None:
                parts.insert(0, m)
        elif j >= sent.start and self.doc[j].lower_ in self.words["light_verbs"]:
            k = j - 1
            while k >= sent.start and self.doc[k].lower_ in _SKIP_BEFORE_VERB:
                k -= 1
            left, via_group = self.subject_left(k, sent.start)
            left = left or self._parties_phrase(k, sent.start)
            if parts or len(left) >= 2:
                parts = left + parts
        return parts, series, via_group

    # -- attributes --------------------------------------------------------------------------
    def _status(self, sent, cue_start: int, tok) -> str | None:
        window = self.doc[cue_start : tok.i + 1].text.lower().replace("’", "'")
        # "ahead of Trump's state visit": a cue just before the noun phrase
        before = self.doc[max(sent.start, cue_start - 4) : cue_start].text.lower()
        text = f"{before} {window}"

        def has(words: list[str]) -> bool:
            return any(re.search(rf"(?<![\w']){re.escape(w)}(?![\w])", text) for w in words)

        if has(self.cues["cancelled"]):
            return "cancelled"
        if has(self.cues["potential"]):
            return "potential"
        if has(self.cues["scheduled"]) or (
            tok.lower_ in {"visit", "meet", "host"} and self.doc[tok.i - 1].lower_ == "to"
        ):
            return "scheduled"
        if any(w in window.split() for w in self.cues["negation"]) or "n't" in window:
            return None
        return "held"

    def _place(self, tok, sent, parts: list[Mention], kind: str) -> Mention | None:
        candidates: list[tuple[int, Mention]] = []
        first = min((self.doc.char_span(m.start, m.end, alignment_mode="expand").start for m in parts), default=tok.i)
        for i in range(sent.start, sent.end):
            if first <= i < tok.i or (i < first and self.doc[tok.i].lower_ in self.words["nouns"]):
                continue  # a place before the meeting's own words belongs to another clause
            m = self.token_mention.get(i)
            if m is None or m in parts or m.metonym or m.in_title:
                continue
            if i > 0 and self.token_mention.get(i - 1) is m:
                continue
            typ = self.table.type(m)
            prep = self._preposition_before(i, sent.start)
            if typ == "Organization" and prep == "at" and self._is_building(m):
                typ = "Place"  # "met ... at the Department of State": the organisation's building
            if typ not in {"City", "Place", "Country"} or prep not in {"in", "at"}:
                continue
            rank = {"Place": 0, "City": 1, "Country": 2}[typ]
            candidates.append((rank * 1000 + abs(i - tok.i), m))
        if kind == "visit":
            for m in parts:
                typ = self.table.type(m)
                if typ in {"City", "Country"} and not candidates:
                    candidates.append((0, m))
        if not candidates:
            return None
        return min(candidates, key=lambda c: c[0])[1]

    def _preposition_before(self, i: int, start: int) -> str | None:
        """The preposition governing a name: "at Spain's historic Palacio ..." -> "at"."""
        j = i - 1
        while j >= start and i - j <= 5:
            tok = self.doc[j]
            if tok.lower_ in {"in", "at"}:
                return tok.lower_
            inside_name = j in self.token_mention and not self.token_mention[j].in_title
            if not (inside_name or tok.pos_ in {"DET", "ADJ"} or tok.lower_ in {"'s", "’s"}):
                return None
            j -= 1
        return None

    def _is_building(self, m: Mention) -> bool:
        words = m.text.split()
        return bool(words) and words[0] in self.building_words

    def _date(self, tok, sent, status: str) -> str | None:
        best = None
        for ent in sent.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            dist = min(abs(ent.start - tok.i), abs(ent.end - 1 - tok.i))
            if best is None or dist < best[0]:
                best = (dist, ent)
        if best is None:
            return None
        ent = best[1]
        prev = self.doc[ent.start - 1].lower_ if ent.start > sent.start else ""
        expression = f"{prev} {ent.text}" if prev in {"since", "until", "before", "after", "by"} else ent.text
        return resolve(expression, self.published, future=status == "scheduled")

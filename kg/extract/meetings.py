"""Meetings: encounters of two or more parties, read off the dependency parse.

An encounter is stated by a predicate (lexicons/predicates.json, by lemma) and its parties sit in
the places its frame names:

- a verb takes its subject and an object ("met Tajani"), a with/to/between phrase ("met on
  Thursday with", "spoke to"), or a coordinated subject alone ("Merz and Meloni met"); a
  passive verb takes its agent ("were received by the Secretary");
- a noun takes its possessor, a with/between/of phrase, compound names ("the Mugabe-Tsvangirai
  meeting"), the subject of the verb that holds it ("held talks with", "cancelled a meeting
  with"), or the subject of the clause its phrase hangs from ("During her meeting with X, Merkel
  said");
- a visit or trip to a place is an encounter with that place's country ("travelled to Ankara",
  "her trip to Japan, South Korea and China": three visits).

Several objects of one verb or noun are separate encounters ("will meet with A and B") unless the
text says they met together ("jointly", a trilateral meeting, "between A, B and C").
Status comes from kg.extract.status, place and date from kg.extract.attributes.
"""

from __future__ import annotations

import re

from kg.extract.discourse import Discourse, Referent
from kg.extract.frames import Found, lexicon, unique
from kg.extract.noun_frames import NounFrames
from kg.extract.parties import SUBJECT_DEPS, PartyReader
from kg.extract.status import status_of
from kg.extract.verb_frames import VerbFrames

__all__ = ["Found", "MeetingReader"]

_BULLET = re.compile(r"^(?:[-•*–—]|\d{1,2}[.)])\s+")


class MeetingReader:
    """Finds the encounters of one parsed view; ``reader`` resolves its noun phrases."""

    def __init__(self, reader: PartyReader, discourse: Discourse):
        self.r = reader
        self.discourse = discourse
        self.table = reader.table
        self.lex = lexicon()
        self.verbs = VerbFrames(reader, discourse)
        self.nouns = NounFrames(self.verbs)

    def __call__(self, sentences) -> list[Found]:
        found: list[Found] = []
        for sent in sentences:
            self._note_persons(sent)
            self.verbs.fired = set()
            text = sent.text.strip()
            item = self.discourse.pending_list is not None and _BULLET.match(text) is not None
            if not item:
                self.discourse.pending_list = None
            told: list[Found] = []
            for tok in sent:
                hits = self._trigger(tok, sent)
                if not hits:
                    continue
                self.verbs.fired.add(tok.i)
                status, from_cue = status_of(tok)
                if hits[0].extends:  # the encounter told before keeps its status, unless this calls off a plan
                    told_before = hits[0].status
                    if status is not None:  # "Merkel would not attend the summit": she joins nothing
                        status = status if status == "cancelled" and told_before == "scheduled" else told_before
                for f in hits:
                    f.status, f.status_from_cue = status, from_cue
                told += hits
                parties = unique([p for f in hits for p in f.parties], self.table)
                self.discourse.note_encounter(
                    parties, self.r.char(tok), hits[0].kind, status, [f.parties for f in hits], hits[0].anchor
                )
            if item:
                told = self._item(sent, told)
            elif text.endswith(":"):
                self._lead_in(sent)
            found += [f for f in told if f.status is not None]
        return found

    def _lead_in(self, sent) -> None:
        """ "Austin met with leaders over the last several days including:" -- the counterparts
        are the items of the list that follows."""
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in {"VERB", "AUX"} and lemma in self.lex["verbs"]:
                subjects = self.verbs.subjects(tok)
                if subjects:
                    status, from_cue = status_of(tok)
                    self.discourse.pending_list = (subjects, self.lex["verbs"][lemma]["kind"], tok, status, from_cue)
                    return

    def _item(self, sent, told: list[Found]) -> list[Found]:
        """One list item: its own encounters with the lead-in's subjects added, else one
        encounter of those subjects with everyone the item names."""
        subjects, kind, trigger, status, from_cue = self.discourse.pending_list
        if told:
            for f in told:
                f.parties = unique([*subjects, *f.parties], self.table)
            return [f for f in told if len(f.parties) >= 2]
        named = [self.r.at[t.i] for t in sent if t.i in self.r.at and self.r.is_actor(self.r.at[t.i])]
        people = [m for m in named if self.table.type(m) == "Person"]
        groupings = [m for m in named if self.table.type(m) == "Organization"]
        # the people named, else the grouping (its member countries only make it up), else whoever is named
        chosen = people or groupings[:1] or named
        parties = unique([*subjects, *(Referent(m, via="name") for m in chosen)], self.table)
        if len(parties) < 2:
            return []
        f = Found(parties, kind, trigger, sent, self.r.offset, by_verb=True, status=status, status_from_cue=from_cue)
        return [f]

    def _note_persons(self, sent) -> None:
        seen = set()
        for tok in sent:
            m = self.r.at.get(tok.i)
            if m is None or id(m) in seen or m.in_title or self.table.type(m) != "Person":
                continue
            seen.add(id(m))
            root = tok
            while root.head.i in self.r.at and self.r.at.get(root.head.i) is m and root.head.i != root.i:
                root = root.head
            # "Ecuador's President Rafael Correa said": the parser heads the subject with the title
            subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
            self.discourse.note_person(m, subject=subject)

    # -- triggers ----------------------------------------------------------------------------
    def _trigger(self, tok, sent) -> list[Found]:
        m = self.r.at.get(tok.i)
        if m is not None and not m.in_title and not m.anaphor:
            return []  # inside a name ("NATO Foreign Ministers Meeting", "Shangri-La Dialogue")
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"} and lemma not in self.lex["verbs"]:
            lemma = self.lex["verb_forms"].get(tok.lower_, lemma)  # the lemmatizer errs: "hopes" -> "hop"
        verbal = tok.pos_ in {"VERB", "AUX"} or (
            tok.dep_ in {"xcomp", "ROOT"} and any(c.dep_ == "dobj" for c in tok.children)
        )
        if verbal and lemma in self.lex["verbs"]:  # "is due to host X": the tagger may call it a noun
            return self.verbs(tok, sent, lemma)
        if tok.pos_ in {"NOUN", "PROPN"} and lemma in self.lex["nouns"]:
            return self.nouns(tok, sent, lemma)
        return []

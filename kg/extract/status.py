"""Whether an encounter was held, is scheduled, is only potential, was cancelled, or is denied.

The status of an event word is set by the words that govern it, nearest first, walking up the
dependency tree from the event word to the top of its clause (never into the clause of a verb
that reports it):

- a governor that calls it off ("cancelled the meeting", "the visit was postponed") makes it
  cancelled, wherever it stands;
- a negation ("did not meet", "no meeting", "without a meeting") denies it, unless what is
  denied is that a planned event happened ("the planned talks did not take place": cancelled);
- the nearest modal or governing word decides otherwise: "will meet", "is scheduled to meet",
  "ahead of the summit" (scheduled); "could meet", "hopes to meet", "a possible meeting"
  (potential); "would" reported under "said" or "agreed" is the future of reported speech;
- with none of these, the tense decides: what was told in the past or as under way was held,
  a bare infinitive ("Minister to visit Moscow") is announced.

All cue words are data (lexicons/status.json), keyed by lemma.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.extract.mention_types import CALENDAR
from kg.lexicons import forms_of, status_cues

_CLIMB = frozenset(
    {"xcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "conj", "pcomp", "acomp", "oprd", "appos",
     "compound", "advcl", "acl", "dative", "npadvmod", "agent", "advmod"}
)  # fmt: skip
_MAX_STEPS = 10
_LOCATIVE = frozenset({"at", "in", "during", "after", "following", "since", "from", "amid", "despite", "by"})
_HOLD = frozenset({"have", "hold", "conduct", "attend", "lead", "host", "take"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ADJECTIVES = frozenset(
    {"open", "ready", "prepared", "willing", "keen", "eager", "interested", "possible", "potential"}
)


@dataclass(frozen=True)
class Cues:
    cancel: frozenset[str]
    potential: frozenset[str]
    scheduled: frozenset[str]
    modals: dict[str, str]
    reporting: frozenset[str]
    modifiers: dict[str, str]
    negation: frozenset[str]
    planned: frozenset[str]
    happen: frozenset[str]
    ahead: tuple[tuple[str, ...], ...]
    denial: frozenset[str]
    held: frozenset[str]
    expectation: frozenset[str]
    future_clauses: dict[str, str]


@cache
def cues() -> Cues:
    raw = status_cues()
    return Cues(
        cancel=frozenset(raw["cancel"]),
        potential=frozenset(raw["potential"]),
        scheduled=frozenset(raw["scheduled"]),
        modals=dict(raw["modals"]),
        reporting=frozenset(raw["reporting"]),
        modifiers=dict(raw["modifiers"]),
        negation=frozenset(raw["negation"]),
        planned=frozenset(raw["planned_cues"]),
        happen=frozenset(raw["happen_verbs"]),
        ahead=tuple(tuple(a.split()) for a in raw["ahead"]),
        denial=frozenset(raw["denial_verbs"]),
        held=frozenset(raw["held"]),
        expectation=frozenset(raw["expectation"]),
        future_clauses=dict(raw["future_clauses"]),
    )


def lemma_of(tok) -> str:
    """The lemma with its particle ("call off", "take place", "look forward"). Where the surface
    form is a regular inflection of a cue verb the lemmatizer missed ("hopes" -> "hop"), that verb."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"} and lemma not in _cue_lemmas():
        lemma = _inflected().get(tok.lower_, lemma)
    for child in tok.children:
        if child.dep_ == "prt" or (
            child.dep_ in {"dobj", "advmod"} and child.lower_ in {"place", "forward", "ahead"} and child.i == tok.i + 1
        ):
            return f"{lemma} {child.lower_}"
    return lemma


@cache
def _cue_lemmas() -> frozenset[str]:
    c = cues()
    return c.cancel | c.potential | c.scheduled | c.denial | c.happen | c.held | c.expectation


@cache
def _inflected() -> dict[str, str]:
    """Inflected form -> cue lemma."""
    out: dict[str, str] = {}
    for lemma in sorted(_cue_lemmas()):
        for form in forms_of([lemma]):
            out.setdefault(form, lemma)
    return out


def _negated(tok) -> bool:
    return any((child.dep_ == "neg") or (child.dep_ == "det" and child.lower_ == "no") for child in tok.children) or (
        tok.dep_ == "pobj" and tok.head.lower_ == "without"
    )


def _ahead_of(tok, c: Cues) -> bool:
    """ "ahead of the summit", "prior to the visit": tok is the object of such a phrase."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    words = [prep.lower_]
    if prep.head.i != prep.i:
        words.insert(0, prep.head.lower_)  # "ahead" <- "of"
    return any(tuple(words[-len(a) :]) == a or (len(a) == 1 and prep.lower_ == a[0]) for a in c.ahead)


def _indefinite(tok) -> bool:
    return any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in tok.children)


def _modal(tok, c: Cues) -> tuple[str, str] | None:
    """(modal word, status) of a verb's auxiliary."""
    for child in tok.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            word = child.lower_.replace("’", "'")
            if word in c.modals:
                return word, c.modals[word]
    return None


def own_status(tok) -> str | None:
    """The status a conjoined verb's own auxiliaries give it ("Palestinians want the areas, and have
    refused to negotiate": the refusal is no wish): None when negated, the modal's status, else held."""
    if _negated(tok):
        return None
    told = _modal(tok, cues())
    return told[1] if told else "held"


def _names_a_day(tok) -> bool:
    """A date word that pins a day: a weekday, a month, a number, "tomorrow" (not "the near future")."""
    return tok.ent_type_ == "DATE" and (tok.lower_ in CALENDAR or tok.like_num or tok.lower_ == "tomorrow")


def _tense(tok) -> str | None:
    """past | present | unrealized (an infinitive complement: "agreed to meet", "X to visit Y") |
    None (a gerund, a purpose infinitive, a noun: the tense lies further up)."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    aux = {child.lower_ for child in tok.children if child.dep_ in {"aux", "auxpass"}}
    if tok.tag_ == "VBD" or aux & {"had", "has", "have", "was", "were", "did"}:
        return "past"
    if tok.tag_ == "VB" and "to" in aux:
        return "unrealized" if tok.dep_ in {"xcomp", "ROOT", "relcl", "acl", "ccomp"} else None
    if tok.tag_ in {"VBZ", "VBP"} or aux & {"is", "are", "am", "do", "does"}:
        return "present"
    return None


def status_of(trigger) -> tuple[str | None, bool]:
    """The status of the encounter named by ``trigger`` (a spaCy token), None when denied, and
    whether a cue word said so (else it follows from the tense, and a date may overrule it).

    Walks from the trigger up its clause; see the module docstring for the rules.
    """
    c = cues()
    status: str | None = None
    negated = happen = planned = ahead = False
    tense: str | None = None
    for child in trigger.children:
        if (child.dep_ in {"amod", "compound"} and child.i < trigger.i) or child.dep_ == "acl":
            word = child.lower_
            if word in c.modifiers and status is None:
                status = c.modifiers[word]
            planned = planned or word in c.planned
    planned_modifier = planned
    for child in trigger.children:  # "the meeting that Kerry had with Lavrov": the relative clause tells
        if child.dep_ in {"relcl", "acl"} and child.pos_ in {"VERB", "AUX"} and child.lemma_.lower() in _HOLD:
            told = _modal(child, c)
            if told is not None:
                return told[1], True
            if _tense(child) == "past":
                return "held", True
    node = trigger
    local = False  # past a locative phrase ("signed an agreement at their summit"), governors no longer say anything
    for step in range(_MAX_STEPS):
        lemma = lemma_of(node) if not local else ""
        if step and lemma in c.cancel:
            return "cancelled", True
        if step and lemma in c.denial:
            return None, True
        negated = negated or (not local and _negated(node))
        happen = happen or (step > 0 and lemma in c.happen)
        planned = planned or (step > 0 and node.lower_ in c.planned and node.tag_ in {"VBN", "JJ"})
        ahead = ahead or _ahead_of(node, c)
        if status is None:
            status = _status_at(node, step, lemma, c) or _future_clause(node, c)
        if tense is None:
            tense = _tense(node)
        if node.head.i == node.i or (node.dep_ not in _CLIMB and not _causative(node, c)):
            break
        if node.dep_ == "pobj" and node.head.lower_ in _LOCATIVE:
            local = True
        if step == 0 and node.dep_ in SUBJECTS and _indefinite(node) and _tense(node.head) == "present":
            status = status or "potential"  # "a meeting between X and Y is the key": not asserted
        node = node.head
    if negated:  # "the planned talks did not take place": cancelled; "no meeting is planned": none
        return ("cancelled" if happen or (planned_modifier and not _negated(trigger)) else None), True
    if status is not None:
        return status, True
    if ahead:  # "met Le Drian ahead of the ministerial dinner": still to come when they met
        return "scheduled", True
    return ("scheduled" if tense == "unrealized" else "held"), False


def _causative(node, c: Cues) -> bool:
    """An infinitive clause under a verb that does not report it ("getting the two sides to
    restart talks"): what governs that verb governs the encounter too."""
    return (
        node.dep_ == "ccomp"
        and node.tag_ == "VB"
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in node.children)
        and node.head.lemma_.lower() not in c.reporting
    )


def _future_clause(node, c: Cues) -> str | None:
    """The present tense of a "when"/"if" clause speaks of the future ("when they visit India")."""
    if node.dep_ != "advcl" or _tense(node) != "present" or any(ch.dep_ == "aux" for ch in node.children):
        return None
    opener = next((ch.lower_ for ch in node.children if ch.dep_ in {"mark", "advmod"} and ch.i < node.i), None)
    return c.future_clauses.get(opener or "")


def _status_at(node, step: int, lemma: str, c: Cues) -> str | None:
    """The status one governing word sets, if any."""
    modal = _modal(node, c)
    if modal is not None:
        word, status = modal
        if word == "would" and node.dep_ == "ccomp" and node.head.lemma_.lower() in c.reporting:
            return "scheduled"
        return status
    if step:
        if lemma in c.held:
            return "held"  # "ending his official visit": it took place
        if lemma in c.expectation:  # "looked forward to seeing each other on Monday": a date is a plan
            return "scheduled" if any(_names_a_day(t) for t in node.subtree) else "potential"
        if lemma in c.potential and (node.pos_ != "VERB" or lemma not in _ADJECTIVES):
            return "potential"
        if lemma in c.scheduled:
            return "scheduled"
    if node.lower_ in {"'ll", "’ll"}:
        return "scheduled"
    return None

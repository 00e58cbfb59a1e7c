"""Whether and when a relation's act happened: its status (asserted / scheduled / hypothetical /
denied) and its date, read as meeting statuses and dates are.

Facts of English news this states:

- the meeting status reader's negation, modality and tense say it, mapped to relation statuses;
- "declined to", "refrained from", "stopped short of" deny the act they govern;
- a conjoined verb with its own auxiliary has its own status ("want the areas, and have refused to
  negotiate" is no wish), and a denial word governs its first conjunct only;
- a cue that announces the act ("pledged aid") or the light verb of a noun cue ("is considering
  sanctions") sets the status of an act not otherwise denied or hedged;
- "with X saying ..." reports what X said as the main clause reports its act;
- a speech act wished is performed by the saying: "wishes to thank X" thanks X;
- an implicative verb's infinitive happens when the verb does ("voted to block aid", "moved to
  expel", "went on to condemn"): the act takes that verb's tense, not an infinitive's future;
- the act's date is a date expression inside its clause, never one of another clause.
"""

from __future__ import annotations

from kg.extract.attributes import resolve_date, sentence_dates
from kg.extract.relation_slots import COMPLEMENTS, DENYING, issuing_verb
from kg.extract.status import own_status, status_of
from kg.facts.specs import FROM_MEETING_STATUS
from kg.lexicons import clause_words

_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "advmod", "acomp"})  # "stopped short of criticising"


def act_date(trigger, sent, published, status: str) -> str | None:
    """The date of the act: a date expression inside the clause of its cue, resolved against the
    publication date as meeting dates are (a date of another clause is not this act's)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    inside = [e for e in sentence_dates(sent.doc) if sent.start <= e.start < sent.end and e.root in verb.subtree
              and not _other_clause(e.root, verb)]  # fmt: skip
    if not inside:
        return None
    chosen = min(inside, key=lambda e: min(abs(e.start - trigger.i), abs(e.end - 1 - trigger.i)))
    return resolve_date(chosen, sent, trigger, published, planned=status in {"scheduled", "hypothetical"})


def _other_clause(tok, verb) -> bool:
    """Whether ``tok`` sits in a clause of its own below ``verb``: a conjoined, adverbial or
    relative clause with its own subject tells of another act, and its date is that act's
    ("could reach a deal, but talks ended without one in August")."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in {"conj", "advcl", "relcl", "ccomp"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in node.children
        ):
            return True
        node = node.head
    return False


def act_status(entry: dict, trigger) -> str:
    """A cue that announces the act ("pledged aid"), or the light verb of a noun cue ("is
    considering sanctions"), sets the status of an act not otherwise denied or hedged."""
    status = relation_status(trigger)
    told = entry.get("verb_status", {}).get(trigger.lemma_.lower()) or entry.get("status")
    return told if told and status == "asserted" else status


def _performative(trigger, words: dict) -> bool:
    """ "The Secretary-General wishes to thank X", "I would like to congratulate X": a speech act
    wished is performed by the saying (never when negated)."""
    frame = trigger.head
    return (
        trigger.dep_ == "xcomp"
        and frame.lemma_.lower() in words["performative_frames"]
        and trigger.lemma_.lower() in words["performative_acts"]
        and not any(c.dep_ == "neg" for c in (*frame.children, *trigger.children))
    )


def _implicative_frame(trigger, words: dict):
    """The verb whose tense an infinitive act takes: "voted to block aid" blocked it when the vote
    was held; "will move to expel" is to come. Follows chains ("voted to begin to impose")."""
    frame = None
    while trigger.dep_ == "xcomp" and trigger.head.pos_ in {"VERB", "AUX"}:
        head = trigger.head
        particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), "")
        lemma = head.lemma_.lower()
        if lemma not in words["implicative_frames"] and f"{lemma} {particle}" not in words["implicative_frames"]:
            break
        frame = trigger = head
    return frame


def relation_status(trigger) -> str:
    """asserted / scheduled / hypothetical / denied, from the meeting status reader and the
    verbs that deny what they govern ("declined to criticise", "stopped short of criticising");
    a message's act has the status of its issuing ("will issue a statement condemning X")."""
    words = clause_words()
    trigger = issuing_verb(trigger) or trigger
    base = trigger
    while base.dep_ == "conj" and base.head.i != base.i:
        base = base.head
    if base.dep_ == "pcomp" and base.head.lower_ == "with" and base.head.head.pos_ in {"VERB", "AUX"}:
        trigger = base.head.head  # "protested, with the French saying ...": said when the clause says
    if _performative(trigger, words):
        return "asserted"  # "wishes to thank X", "would like to congratulate X": said, so done
    trigger = _implicative_frame(trigger, words) or trigger
    node = trigger
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in _CLIMB | COMPLEMENTS | {"pobj"}:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in DENYING or (lemma == "stop" and any(c.lower_ == "short" for c in node.children)):
            return "denied"
    if trigger.dep_ == "conj" and trigger.pos_ == "VERB" and any(c.dep_ == "aux" for c in trigger.children):
        status = own_status(trigger)
    else:
        status, _ = status_of(trigger)
    if status is None and trigger.dep_ == "conj" and not any(c.dep_ == "neg" for c in trigger.children):
        return "asserted"  # the denial word governs the first conjunct ("rejected the claims and accused X")
    return FROM_MEETING_STATUS.get(status, "denied") if status is not None else "denied"

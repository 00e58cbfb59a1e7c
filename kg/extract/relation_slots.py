"""Where the parties of a relation cue sit in the dependency parse: the slots a lexicon entry
names ("dobj", "prep:on", "ccomp_subj", ...), and whether a cue is the content of another act.

Facts of English syntax the slots state:

- a demand reported in speech is a request: "X said Y should / must / needs to V" asks Y
  ("demanded_subj"), while "X said Y will V" only reports;
- a threat made by a warning is of its condition: "X warned that it would V if Y ..." threatens
  Y ("condition_subj"), but only when the consequence is the warner's own act (the warned clause's
  subject is the warner);
- an allegation reported in speech is an accusation: "X said Y is violating the deal / was
  responsible for the attack" accuses Y ("alleged_subj");
- a cue's preposition after an adjunct of occasion ("complained during a meeting with X about
  Y's plans", "protested at a news conference to X") is the cue's, wherever the parser hung it;
- one clause, one relation: a cue inside the complement of another cue ("urged Y to sanction Z",
  "warned Y against sending troops", "accused Y of arming Z") is the content of that act, not an
  act of its own.
"""

from __future__ import annotations

from kg.extract.parties import SUBJECT_DEPS
from kg.lexicons import clause_words

COMPLEMENTS = frozenset({"xcomp", "ccomp"})
DENYING = frozenset({"decline", "refrain", "refuse", "fail"})  # "declined to criticise"; "stopped short of"
_CONTENT_PREPS = frozenset({"against", "of", "for", "from", "into", "on", "about", "over"})  # what an act is about
_OCCASIONS = frozenset({"during", "at", "after", "following"})  # adjuncts a cue's own preposition may follow
_MEET = frozenset({"meet", "negotiate", "talk", "see", "receive", "engage", "deal", "sit"})  # refusing to meet X


def slot_tokens(head, slot: str):
    if slot == "dobj":
        return [c for c in head.children if c.dep_ == "dobj"]
    if slot == "dative":
        return [c for c in head.children if c.dep_ == "dative"]
    if slot == "poss":
        if head.pos_ in {"NOUN", "PROPN"}:
            return [head]
        return [c for c in head.children if c.dep_ == "dobj"] or _relative_object(head)
    if slot in _CLAUSE_SLOTS:
        return _clause_slot_tokens(head, slot)
    if slot.startswith("prep:"):  # on the head, or on its object ("threatened action against X")
        word = slot[5:]
        verbal = head.pos_ in {"VERB", "AUX"}
        heads = [head, *(c for c in head.children if c.dep_ == "dobj")] if verbal else [head]
        found = _prep_objects(heads, word)
        if not found and verbal:  # "complained during a meeting with X about Y": the "about" is the verb's
            found = _prep_objects([t for c in head.children if c.dep_ == "prep" and c.lower_ in _OCCASIONS
                                   for p in c.children if p.dep_ == "pobj" for t in p.subtree], word)  # fmt: skip
        return found
    if slot == "comp_party":  # "refused to negotiate with X", "declined to meet X"
        return [t for c in head.children if c.dep_ == "xcomp" and c.lemma_.lower() in _MEET
                for s in ("dobj", "prep:with") for t in slot_tokens(c, s)]  # fmt: skip
    if slot == "comp":  # "threatened to impose sanctions on X": the party the complement acts on
        comps = [c for c in head.children if c.dep_ in COMPLEMENTS]
        return [t for c in comps for s in ("dobj", "prep:on", "prep:against") for t in slot_tokens(c, s)]
    return []


_CLAUSE_SLOTS = frozenset({
    "ccomp_subj", "demanded_subj", "alleged_subj", "dismissed_claim_owner", "respected_owner",
    "retaliation_condition_subj", "plan_for", "clause_subj", "failed_subj", "act_object", "for_subj",
    "condition_subj", "if_subj",
})  # fmt: skip


def _clause_slot_tokens(head, slot: str):
    """The slots inside a clause or phrase the cue governs: the one asked, accused, faulted,
    threatened or hoped to act ("said Y should V", "warned that it would V if Y ...")."""
    if slot == "ccomp_subj":
        return [s for c in head.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECT_DEPS]
    if slot == "demanded_subj":  # "said Y should V": the one asked
        return [s for c in head.children if c.dep_ == "ccomp" and demands(c) for s in c.children
                if s.dep_ == "nsubj" and (s.pos_ in {"PROPN", "PRON"} or s.tag_ == "NNPS")]  # fmt: skip
    if slot == "alleged_subj":  # "said Y is violating the deal": the one accused
        return [s for c in head.children if c.dep_ == "ccomp" and alleges(c) for s in c.children
                if s.dep_ == "nsubj" and (s.pos_ == "PROPN" or s.tag_ == "NNPS")]  # fmt: skip
    if slot == "dismissed_claim_owner":  # "said the Iranian allegations were baseless": whose claims
        words = clause_words()
        return [s for c in head.children if c.dep_ == "ccomp" and c.lemma_.lower() == "be"
                and any(a.dep_ in {"acomp", "attr"} and a.lemma_.lower() in words["dismissal_adjectives"] for a in c.children)
                for s in c.children if s.dep_ == "nsubj" and s.lemma_.lower() in words["claim_nouns"]]  # fmt: skip
    if slot == "respected_owner":  # "stated that Georgia's integrity has to be respected": whose integrity
        words = clause_words()
        return [s for c in head.children if c.dep_ == "ccomp" and demands(c) and _respects(c, words)
                for s in c.children if s.dep_ in {"nsubjpass", "nsubj"} and s.lemma_.lower() in words["respected_nouns"]]  # fmt: skip
    if slot == "retaliation_condition_subj":  # "said he would respond if Colombian troops crossed"
        return [s for c in head.children if c.dep_ == "ccomp" and _own_act(c)
                and c.lemma_.lower() in clause_words()["retaliation_verbs"] for s in _condition_subjects(c)]  # fmt: skip
    if slot == "plan_for":  # "suspended plans for a Russian ship to join": the party the plans were for
        return [p for o in head.children if o.dep_ == "dobj" and o.lemma_.lower() in clause_words()["planned_nouns"]
                for f in o.children if f.dep_ == "prep" and f.lower_ == "for" for p in f.children if p.dep_ == "pobj"]  # fmt: skip
    if slot == "clause_subj":  # "expressed hope that President Kiir will sign": the one hoped to act
        return [s for c in head.children if c.dep_ in {"acl", "ccomp"} for s in c.children
                if s.dep_ == "nsubj" and s.pos_ == "PROPN"]  # fmt: skip
    if slot == "failed_subj":  # "regrets that the Government of Zimbabwe has failed to": the one faulted
        return [s for c in head.children if c.dep_ == "ccomp" and _failed(c) for s in c.children
                if s.dep_ in SUBJECT_DEPS]  # fmt: skip
    if slot == "act_object":  # "commitment to defend X": the object of the act a noun commits to
        return [o for c in head.children if c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)
                for o in c.children if o.dep_ == "dobj"]  # fmt: skip
    if slot == "for_subj":  # "called for Israel to halt": the subject of the "for ... to" clause
        return [s for c in head.children if c.dep_ in {"advcl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for s in c.children if s.dep_ in SUBJECT_DEPS]  # fmt: skip
    if slot == "if_subj":  # "threatened to close the strait if Y attacks": whose act sets the threat off
        return _condition_subjects(head)
    if slot == "condition_subj":  # "warned that it would V if Y ...": the one threatened
        return [s for c in head.children if c.dep_ == "ccomp" and _own_act(c) for s in _condition_subjects(c)]
    return []


def issuing_verb(tok):
    """ "issued a statement calling on X": the verb that issued the message a cue is the act of,
    else None (``clauses.json`` "message_nouns")."""
    head = tok.head
    if tok.dep_ == "acl" and head.dep_ == "dobj" and head.lemma_.lower() in clause_words()["message_nouns"]:
        return head.head
    return None


def _failed(clause) -> bool:
    """ "Y has failed to V", "Y has not V-ed": the clause reports a failing of its subject."""
    return clause.lemma_.lower() == "fail" or any(c.dep_ == "neg" for c in clause.children)


def _prep_objects(heads, word: str) -> list:
    return [p for h in heads for c in h.children if c.dep_ in {"prep", "prt", "dative"} and c.lower_ == word
            for p in c.children if p.dep_ in {"pobj", "pcomp"}]  # fmt: skip


def demands(clause) -> bool:
    """ "Y should / must / ought to V", "Y needs / has to V": the clause asks something of Y."""
    words = clause_words()
    if clause.lemma_.lower() in words["demand_verbs"] and any(c.dep_ == "xcomp" for c in clause.children):
        return True
    return any(c.dep_ == "aux" and c.lemma_.lower() in words["demand_modals"] for c in clause.children)


def alleges(clause) -> bool:
    """ "Y is violating the deal", "Y was guilty of fraud", "Y was responsible for the attack": the
    clause accuses Y (never when negated; "responsible" only for a harm, not "for the talks")."""
    words = clause_words()
    if any(c.dep_ == "neg" for c in clause.children):
        return False
    if clause.lemma_.lower() in words["allegation_verbs"]:
        return True
    if any(o.dep_ == "dobj" and any(a.lemma_.lower() in words["covert_adjectives"] for a in o.children if a.dep_ == "amod")
           for o in clause.children):  # fmt: skip
        return True  # "Iran has a clandestine program"
    if clause.lemma_.lower() != "be":
        return False
    for c in clause.children:
        if c.dep_ == "acomp" and c.lemma_.lower() in words["allegation_adjectives"]:
            return True
        if c.dep_ == "acomp" and c.lemma_.lower() in words["blamed_for"]:
            harms = [p for f in c.children if f.dep_ == "prep" and f.lower_ == "for" for p in f.children]
            return any(p.lemma_.lower() in words["harms"] or _arming(p, words) for p in harms)
    return False


def _respects(clause, words: dict) -> bool:
    """ "must be respected", "has to be respected", "should be upheld"."""
    return any(
        v.lemma_.lower() in words["respect_verbs"] for v in (clause, *(c for c in clause.children if c.dep_ == "xcomp"))
    )


def _arming(act, words: dict) -> bool:
    """ "providing weapons to Hezbollah": supplying arms, which accuses as arming does."""
    return act.lemma_.lower() in words["supply_verbs"] and any(
        o.dep_ == "dobj" and o.lemma_.lower() in words["arming_objects"] for o in act.children
    )


def _own_act(clause) -> bool:
    """The warned consequence is the warner's own act: its subject is a pronoun for the warner."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and subjects[0].lower_ in clause_words()["own_act_subjects"]


def _condition_subjects(clause):
    """Subjects of the "if" / "unless" clauses inside ``clause``."""
    words = clause_words()["conditions"]
    return [s for t in clause.subtree if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words for m in t.children)
            for s in t.children if s.dep_ in SUBJECT_DEPS]  # fmt: skip


def names_consequence(verb, consequences) -> bool:
    """ "warned Medvedev of serious consequences": the consequence is named, not a clause."""
    words = set(consequences)
    near = [*verb.children, *(g for c in verb.children if c.dep_ in {"dobj", "npadvmod", "prep"} for g in c.subtree)]
    return any(t.dep_ == "pobj" and t.lemma_.lower() in words and t.head.lower_ in {"of", "with"} for t in near)


def _relative_object(verb) -> list:
    """ "a charge the Dalai Lama denies": the noun a relative clause without an object modifies."""
    return [verb.head] if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" else []


def objects_of(verb):
    """The verb's objects and the objects of its particles and agent-less prepositions."""
    out = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr"}] or _relative_object(verb)
    out += [p for o in list(out) for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    out += [p for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ != "without"  # what is absent
            for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    return out


def inside_another_cue(verb, verbs: dict) -> bool:
    """ "urged Y to sanction Z", "threatened to impose sanctions": the content of another act."""
    if any(a.dep_ == "ccomp" and a.head.lemma_.lower() in verbs and alleges(a) for a in verb.ancestors):
        return True  # "said Y was responsible for arming Z": the arming is what Y is accused of
    node = verb
    for _ in range(3):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in _CONTENT_PREPS:
            # "warned X against sending troops", "accused X of arming Z"; not "with the French saying"
            clause, node = node, node.head.head
        elif node.dep_ not in COMPLEMENTS or node.head.i == node.i:
            return False
        else:
            clause, node = node, node.head
        lemma = node.lemma_.lower()
        if lemma not in verbs or lemma in DENYING | {"deny"}:  # "denied threatening X": a denied threat
            continue
        # a cue word that acts only on the nouns its entry names is no act without them: "are
        # expected to sign a deal" forecasts a signing, where "expected a withdrawal" demands one
        objects = {o.lemma_.lower() for o in objects_of(node)}
        cues = [c for c in verbs[lemma] if c.objects is None or objects & c.objects]
        if not cues:
            continue
        if not all(c.entry.get("reports") for c in cues) or demands(clause) or alleges(clause):
            return True  # "said Y should sanction Z" asks Y; "said Y sanctioned Z" reports the sanction
    return False

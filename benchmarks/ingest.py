"""Ingest throughput and memory: N realistic articles (the sample corpus recombined with varied
names, ~500 words each), bare spaCy `nlp.pipe` over the same texts (batch 32, same process
count) against the full ingest into a fresh on-disk store. Prints one JSON object.

    python benchmarks/ingest.py --articles 200 [--processes 1] [--dask] [--memory-only]
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


class _Timed:
    """Wraps an iterator and adds up the time spent waiting on it (here: on extraction)."""

    def __init__(self, it: Iterator):
        self.it = it
        self.waited = 0.0

    def __iter__(self) -> Iterator:
        while True:
            t = time.perf_counter()
            try:
                item = next(self.it)
            except StopIteration:
                self.waited += time.perf_counter() - t
                return
            self.waited += time.perf_counter() - t
            yield item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--processes", type=int, default=1, help="1: extraction in this process; more: workers")
    parser.add_argument("--memory-only", action="store_true", help="skip the bare spaCy pass (for RSS runs)")
    parser.add_argument("--dask", action="store_true", help="extract on a Dask LocalCluster of --processes workers")
    args = parser.parse_args()

    from kg.documents.sources import documents_from_text
    from kg.extract.nlp import BATCH_SIZE, load
    from kg.extract.pipeline import Extractor
    from kg.graph.iris import document
    from kg.identity.resolve import ActorResolver
    from kg.ingest.parallel import ParallelExtractor
    from kg.store import OxigraphStore

    words = sum(len(t.split()) for t in articles(args.articles))
    spacy_s = None
    if not args.memory_only:
        nlp = load()
        for _ in nlp.pipe(articles(8, seed=99), batch_size=BATCH_SIZE):  # warm-up, outside both timings
            pass
        t = time.perf_counter()
        for _ in nlp.pipe(articles(args.articles), batch_size=BATCH_SIZE, n_process=args.processes):
            pass
        spacy_s = time.perf_counter() - t

    store = OxigraphStore(str(Path(tempfile.mkdtemp(prefix="kg-ingest-")) / "store"))
    resolver = ActorResolver(store)
    cluster = None
    if args.dask:
        from dask.distributed import LocalCluster

        cluster = LocalCluster(n_workers=args.processes, threads_per_worker=1, dashboard_address=None)
        extractor = ParallelExtractor(scheduler=cluster.scheduler_address)
    else:
        extractor = Extractor() if args.processes == 1 else ParallelExtractor(workers=args.processes)
    t = time.perf_counter()
    docs = (documents_from_text(a, source=f"bench-{i}")[0] for i, a in enumerate(articles(args.articles)))
    timed = _Timed(iter(extractor(d for d in docs if not store.has_graph(document(d.id)))))
    for x in timed:
        store.add_graph(document(x.document.id), resolver.quads(x))
        resolver.commit()  # as kg.ingest.run does: later surnames see this document's persons,
        resolver.absorb()  # and its full names join the one-word nodes stored before them
    kg_s = time.perf_counter() - t
    if isinstance(extractor, ParallelExtractor):
        extractor.close()
    if cluster is not None:
        cluster.close()
    writer_s = kg_s - timed.waited  # this process's own work: resolve, build quads, write
    result = {
        "articles": args.articles,
        "processes": args.processes,
        "engine": "dask" if args.dask else ("local processes" if args.processes > 1 else "in-process"),
        "words": words,
        "spacy_words_per_s": round(words / spacy_s, 1) if spacy_s else None,
        "kg_words_per_s": round(words / kg_s, 1),
        "ratio": round(spacy_s / kg_s, 3) if spacy_s else None,
        "writer_docs_per_s": round(args.articles / writer_s, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        # A child's ru_maxrss starts at its parent's RSS when it was forked: only a parent that has
        # not loaded spaCy itself (--memory-only) lets it show the workers' own peak.
        "peak_rss_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
        if args.memory_only
        else None,
    }
    if args.processes == 1 and not args.dask:
        # Simulated N workers: extraction scales with workers, the one writer does not, so the
        # rate is min(N x extraction rate, writer rate) (transfer costs left out).
        extract_rate = args.articles / timed.waited
        writer_rate = args.articles / writer_s
        one = 1 / (1 / extract_rate + 1 / writer_rate)
        result["simulated_speedup"] = {
            n: round(min(n * extract_rate, writer_rate) / one, 2) for n in (1, 2, 4, 8, 16, 32, 64)
        }
        result["writer_limit_workers"] = round(writer_rate / extract_rate, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

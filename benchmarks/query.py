"""Queries at scale: a generated store of about ``--triples`` triples in the project's own
ontology (one named graph per document, Zipf-like participation), bulk-loaded into an on-disk
Oxigraph store, then median latencies of the query commands and the peak RSS. Prints one JSON object.

    python benchmarks/query.py --triples 1000000 [--store DIR] [--repeat 5] [--write 1000]

Then ``--write`` more documents are written as ``kg ingest`` writes them, and the first
who-met-whom of the hub (``hub_first_s``), a typical who-met-whom in process (``typical_s``) and
the first centrality, path and html commands after that write (``after_ingest_s``, each from the
same state) are timed, whole commands in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRIPLES_PER_MEETING = 21  # as written by kg.graph.rdf for a two-party meeting with evidence and actors


def generate(path: Path, triples: int, seed: int = 7) -> dict:
    """Write N-Quads of documents with meetings; returns what was generated."""
    rng = random.Random(seed)
    meetings = max(10, triples // TRIPLES_PER_MEETING)
    actors = max(50, meetings // 4)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for d in range(meetings // PER_DOC):
            lines = document_lines(d, rng, actors)
            f.write("\n".join(lines) + "\n")
            n += len(lines)
    return {"quads_written": n, "meetings": meetings, "actors": actors, "documents": meetings // PER_DOC,
            "hub": name(0), "typical": name(actors // 20)}  # fmt: skip


PER_DOC = 2  # meetings per generated document


def name(actor: int) -> str:
    return f"Person {actor:06d}"


def document_lines(d: int, rng: random.Random, actors: int) -> list[str]:
    """One generated document's graph as N-Quads lines: ``PER_DOC`` two-party meetings, parties
    drawn Zipf-like (a few hubs, many actors met once or twice)."""
    from kg.graph import iris
    from kg.ontology import KG, PROV, RDF, RDFS, SCHEMA, XSD

    weights = _weights(actors)
    doc_id = f"{d:016x}"
    g = f"<{iris.document(doc_id)}>"
    text = f"Document {d}. " + " ".join(f"Meeting sentence {k} of document {d}." for k in range(PER_DOC))
    lines = [
        f"{g} <{RDF}type> <{KG}Document> {g} .",
        f'{g} <{SCHEMA}text> "{text}" {g} .',
        f'{g} <{KG}documentKind> "article" {g} .',
    ]
    for k in range(PER_DOC):
        a, b = rng.choices(range(actors), weights=weights, k=2)
        if a == b:
            b = (b + 1) % actors
        m = f"<{iris.fact('meeting', doc_id, k)}>"
        ev = f"<{iris.fact('evidence', doc_id, k)}>"
        for who in (a, b):
            node = f"<{iris.actor('Person', name(who))}>"
            lines += [
                f"{node} <{RDF}type> <{KG}Person> {g} .",
                f'{node} <{RDFS}label> "{name(who)}" {g} .',
                f'{node} <{KG}nameKey> "{name(who).lower()}" {g} .',
                f"{node} <{KG}mentionedIn> {g} {g} .",
                f"{m} <{KG}participant> {node} {g} .",
            ]
        status = rng.choices(["held", "scheduled", "potential", "cancelled"], [70, 15, 10, 5])[0]
        lines += [
            f"{m} <{RDF}type> <{KG}Meeting> {g} .",
            f'{m} <{KG}kind> "meeting" {g} .',
            f"{m} <{KG}status> <{KG}{status}> {g} .",
            f'{m} <{KG}confidence> "0.9"^^<{XSD}decimal> {g} .',
            f'{m} <{KG}date> "2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"^^<{XSD}date> {g} .',
            f"{m} <{KG}evidence> {ev} {g} .",
            f"{m} <{PROV}wasDerivedFrom> {g} {g} .",
            f"{ev} <{RDF}type> <{KG}Evidence> {g} .",
            f'{ev} <{SCHEMA}text> "Meeting sentence {k} of document {d}." {g} .',
            f'{ev} <{KG}startOffset> "0"^^<{XSD}integer> {g} .',
        ]
    return lines


_WEIGHTS: dict[int, list[float]] = {}


def _weights(actors: int) -> list[float]:
    if actors not in _WEIGHTS:
        _WEIGHTS[actors] = [1 / (r + 1) ** 1.1 for r in range(actors)]
    return _WEIGHTS[actors]


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", type=int, default=1000, help="documents written after the first queries")
    args = parser.parse_args()

    from kg.ontology import load_query
    from kg.query import analytics, queries
    from kg.query.events import events_of
    from kg.query.views import ViewFilter, meeting_graph
    from kg.store import OxigraphStore

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    store_dir = args.store or work / "store"
    nq = work / "data.nq"
    t = time.perf_counter()
    info = generate(nq, args.triples)
    generate_s = time.perf_counter() - t
    # Bulk loading takes much memory of its own: a separate process, so that the peak RSS below
    # is that of the queries.
    t = time.perf_counter()
    load = (
        "import pyoxigraph, sys; s = pyoxigraph.Store(sys.argv[1]); "
        "s.bulk_load(path=sys.argv[2], format=pyoxigraph.RdfFormat.N_QUADS); s.flush()"
    )
    subprocess.run([sys.executable, "-c", load, str(store_dir), str(nq)], check=True)
    load_s = time.perf_counter() - t
    store = OxigraphStore(str(store_dir), read_only=True)

    def wmw(name):
        return lambda: queries.who_met_whom(store, queries.find_actor(store, name))

    def wmw_events(name):  # what `kg who-met-whom` answers: the reports grouped into events
        return lambda: events_of(store, queries.find_actor(store, name))

    hub = queries.find_actor(store, info["hub"])
    t = time.perf_counter()
    hub_meetings = len(queries.who_met_whom(store, hub))  # the first question: SPARQL, then cached
    hub_first_ms = round((time.perf_counter() - t) * 1000, 2)
    out = {
        "triples": store.count_quads(),
        "meetings": info["meetings"],
        "actors": info["actors"],
        "generate_s": round(generate_s, 2),
        "bulk_load_s": round(load_s, 2),
        "who_met_whom_typical_ms": median_ms(wmw(info["typical"]), args.repeat),
        "who_met_whom_hub_first_ms": hub_first_ms,
        "who_met_whom_hub_ms": median_ms(wmw(info["hub"]), args.repeat),
        "who_met_whom_typical_events_ms": median_ms(wmw_events(info["typical"]), args.repeat),
        "who_met_whom_hub_events_ms": median_ms(wmw_events(info["hub"]), args.repeat),
        "hub_meetings": hub_meetings,
        "hub_events": len(wmw_events(info["hub"])()),
        "top20_ms": median_ms(lambda: store.select(load_query("top_actors")), args.repeat),
        "two_hop_hub_ms": median_ms(lambda: queries.two_hop(store, hub), args.repeat),
    }
    t = time.perf_counter()
    g = meeting_graph(store, ViewFilter(), evidence=False)  # cold: computed and cached beside the store
    out["projection_cold_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    g = meeting_graph(store, ViewFilter(), evidence=False)
    out["projection_cached_s"] = round(time.perf_counter() - t, 2)
    a, b = info["hub"], info["typical"]
    ia, ib = queries.find_actor(store, a).iri, queries.find_actor(store, b).iri
    out["path_ms"] = median_ms(lambda: analytics.path(g, ia, ib), args.repeat)
    out["pagerank_ms"] = median_ms(lambda: analytics.centrality(g, "pagerank", top=20), max(1, args.repeat // 2))
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    # The commands themselves, as a user runs them (start-up included), on the cached projection;
    # each one's own peak RSS comes from wait4 (a forked child's ru_maxrss starts at its parent's).
    rss: list[float] = []

    def kg(*argv: str) -> float:
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "--store", str(store_dir), *argv],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"kg {' '.join(argv)} failed with {proc.returncode}")
        rss.append(usage.ru_maxrss / 1024)
        return time.perf_counter() - t

    page = work / "graph.html"
    out["kg_html_cold_s"] = round(kg("html", "-o", str(page)), 2)
    runs = max(1, args.repeat // 2)
    out["kg_html_s"] = round(statistics.median(kg("html", "-o", str(page)) for _ in range(runs)), 2)
    out["kg_path_s"] = round(statistics.median(kg("path", a, b, "--json") for _ in range(runs)), 2)
    out["kg_pagerank_s"] = round(
        statistics.median(kg("centrality", "--measure", "pagerank", "--json") for _ in range(runs)), 2
    )
    every = ["--status", "held", "--status", "scheduled", "--status", "potential", "--status", "cancelled"]
    out["kg_neighbors_2hop_hub_s"] = round(
        statistics.median(kg("neighbors", a, "--hops", "2", *every, "--json") for _ in range(runs)), 2
    )
    out["kg_who_met_whom_hub_s"] = round(statistics.median(kg("who-met-whom", a, "--json") for _ in range(runs)), 2)
    out["peak_rss_commands_mb"] = round(max(rss), 1)
    out["html_page"] = str(page)
    store.close()
    out.update(after_write(store_dir, info, kg, args.write, args.repeat))
    print(json.dumps(out))


def after_write(store_dir: Path, info: dict, kg, documents: int, repeat: int) -> dict:
    """``documents`` more generated documents written as ``kg ingest`` writes them (one
    transaction each, through the store's writer, which then brings the projections kept beside
    the store up to date), then each command's first run after that write, from the same state."""
    import shutil

    import pyoxigraph

    from kg.graph import iris
    from kg.query import queries
    from kg.store import OxigraphStore

    rng = random.Random(11)
    start = info["documents"]
    t = time.perf_counter()
    writer = OxigraphStore(str(store_dir))
    for d in range(start, start + documents):
        quads = list(pyoxigraph.parse("\n".join(document_lines(d, rng, info["actors"])), pyoxigraph.RdfFormat.N_QUADS))
        writer.add_graph(iris.document(f"{d:016x}"), quads)
    write_s = time.perf_counter() - t
    t = time.perf_counter()
    writer.close()
    out = {"write_documents": documents, "write_s": round(write_s, 2), "close_s": round(time.perf_counter() - t, 2)}
    cache = Path(f"{store_dir}.cache")
    kept = Path(f"{store_dir}.cache-after-write")
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(cache, kept)

    def first(*argv: str) -> float:  # each command as the first one after the write
        shutil.rmtree(cache)
        shutil.copytree(kept, cache)
        return round(kg(*argv), 2)

    a, b = info["hub"], info["typical"]
    out["hub_first_s"] = first("who-met-whom", a, "--json")
    out["after_ingest_s"] = {
        "centrality": first("centrality", "--measure", "pagerank", "--json"),
        "path": first("path", a, b, "--json"),
        "html": first("html", "-o", str(store_dir.parent / "graph-after-write.html")),
    }
    shutil.rmtree(cache)
    shutil.copytree(kept, cache)
    store = OxigraphStore(str(store_dir), read_only=True)
    try:
        from kg.store.cache import saved

        out["kept_values"] = len(saved(store))  # values the writer brought up to date
    except ImportError:  # a version of kg that keeps nothing up to date
        out["kept_values"] = None
    # what this process still holds from the steps before (the generated store's rows) would make
    # a collection land inside the timing by chance: 0.03 s measured with collection off, 0.4-0.7 s
    # when a pass fell inside it
    import gc

    gc.collect()
    t = time.perf_counter()
    queries.who_met_whom(store, queries.find_actor(store, a))
    out["hub_first_in_process_s"] = round(time.perf_counter() - t, 3)
    typical = queries.find_actor(store, b)
    out["typical_s"] = round(median_ms(lambda: queries.who_met_whom(store, typical), repeat) / 1000, 4)
    store.close()
    return out


if __name__ == "__main__":
    main()

"""Store management and views: ``forget``, ``html``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.analytics import RelationOpt, SinceOpt, UntilOpt
from kg.cli.output import err, escape, handle_errors, print_json
from kg.errors import KgError, UsageError
from kg.export.html import DEFAULT_LIMIT


def register(app: typer.Typer) -> None:
    app.command("forget")(forget_cmd)
    app.command("html")(html_cmd)
    app.command("merge")(merge_cmd)
    app.command("unmerge")(unmerge_cmd)
    app.command("aliases")(aliases_cmd)
    app.command("reextract")(reextract_cmd)
    app.command("export")(export_cmd)
    app.command("dump")(dump_cmd)
    app.command("load")(load_cmd)


@handle_errors
def dump_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The N-Quads file to write.")],
) -> None:
    """Back up the whole store, every named graph, as N-Quads (`kg load` restores it exactly).

    Example: kg dump backup.nq
    """
    from kg.store import open_store

    open_store(ctx.obj["store"], read_only=True).dump(str(file), "nq")
    err.print(f"wrote {escape(str(file))}")


@handle_errors
def load_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="An N-Quads file written by `kg dump`.")],
    merge: Annotated[bool, typer.Option("--merge", help="Load into a store that already holds data.")] = False,
) -> None:
    """Restore a store from N-Quads, in one transaction; a non-empty store is refused unless --merge.

    Example: kg --store restored-store load backup.nq
    """
    from kg.store import open_store

    if not file.is_file():
        raise KgError(f"{file}: no such file")
    store = open_store(ctx.obj["store"])
    try:
        if store.count_quads() and not merge:
            raise KgError(f"the store at {store.path} is not empty; pass --merge to add to it")
        before = store.count_quads()
        store.load_nquads(str(file))
        added = store.count_quads() - before
    finally:
        store.close()
    err.print(f"loaded {added} quad(s) from {escape(str(file))}")


@handle_errors
def export_cmd(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="ttl, nq, trig, jsonld, graphml, gexf or csv.")] = "nq",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default exports/graph.FORMAT).")
    ] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="Graph formats: meeting statuses to keep (default all).")
    ] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0)] = 0.0,
    relation: RelationOpt = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the files written as JSON.")] = False,
) -> None:
    """Export the graph: RDF with its named graphs (nq, trig, jsonld; ttl is their union), or the
    meeting network (or, with --relation, one relation type, directed where it is) for Gephi and
    spreadsheets (graphml, gexf, csv nodes + edges).

    Example: kg export --format gexf -o exports/meetings.gexf
    """
    from kg.export.files import FORMATS, GRAPH_FORMATS, default_path, export
    from kg.outputs import output_file
    from kg.store import open_store
    from kg.views import ACTOR_TYPES, ViewFilter, meeting_graph
    from kg.vocab import MEETING_STATUSES, RELATION_STATUSES

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    target = output_file(output or default_path(fmt), f"graph.{fmt}")  # before any work
    store = open_store(ctx.obj["store"], read_only=True)
    graph = None
    if fmt in GRAPH_FORMATS:
        every = RELATION_STATUSES if relation else MEETING_STATUSES
        flt = ViewFilter.checked(statuses=status or every, types=ACTOR_TYPES, min_confidence=min_confidence,
                                 relation=relation)  # fmt: skip
        graph = meeting_graph(store, flt)
    files = export(store, fmt, target, graph)
    if json_:
        print_json({"format": fmt, "files": [str(f) for f in files]})
    err.print("wrote " + escape(", ".join(str(f) for f in files)))


def _book(ctx: typer.Context):
    from kg.aliases import AliasBook
    from kg.store import locate

    return AliasBook.load(locate(ctx.obj["store"]).alias_path)


@handle_errors
def merge_cmd(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The entity to keep (name or alias).")],
    other: Annotated[str, typer.Argument(help="The entity that is the same as KEEP.")],
    force: Annotated[bool, typer.Option("--force", help="Merge even two who look like different people.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Declare OTHER the same entity as KEEP: stored graphs are rewritten and the alias file
    remembers it for later ingests and re-extractions (`kg unmerge OTHER` undoes it). Two people
    with different full names, or titles of different countries only, need --force.

    Example: kg merge "Joseph R. Biden" "Joe Biden"
    """
    from kg.aliases import merge_actors, merge_conflicts
    from kg.queries import find_actor
    from kg.store import open_store

    book = _book(ctx)
    store = open_store(ctx.obj["store"])
    try:
        a, b = find_actor(store, keep), find_actor(store, other)
        if a.iri == b.iri:
            raise KgError(f"{keep!r} and {other!r} are already one entity ({a.name})")
        reasons = merge_conflicts(store, a, b)
        if reasons and not force:
            raise UsageError(f"{a.name} and {b.name} look like two people: {'; '.join(reasons)}. Pass --force to merge")
        graphs = merge_actors(store, a, b)
    finally:
        store.close()
    book.merge[b.name] = a.name
    book.save()
    if json_:
        print_json({"kept": a.model_dump(), "merged": b.model_dump(), "documents": graphs})
    err.print(escape(f"merged {b.name} into {a.name} in {graphs} document(s); noted in {book.path}"))


@handle_errors
def unmerge_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The name an earlier `kg merge` joined to another entity.")],
    model: Annotated[str, typer.Option(help="spaCy pipeline to re-extract with.")] = "en_core_web_sm",
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Undo `kg merge`: the alias file forgets NAME, and every document naming the entity it was
    merged into is extracted again, so NAME is its own entity where the text names it.

    Example: kg unmerge "Joe Biden"
    """
    from kg.extract.pipeline import Extractor
    from kg.ingest import reextract
    from kg.queries import find_actor
    from kg.store import open_store

    book = _book(ctx)
    merged = next((k for k in book.merge if k.casefold() == name.casefold()), None)
    if merged is None:
        raise KgError(f"{name!r} was not merged into anything (see `kg aliases`)")
    into = book.merge.pop(merged)
    extractor = Extractor(model=model)
    store = open_store(ctx.obj["store"])
    try:
        graphs = set(store.graphs_mentioning(find_actor(store, into).iri))
        summary = reextract(store, extractor=extractor, aliases=book, only=graphs)
    finally:
        store.close()
    book.save()
    if json_:
        print_json({"unmerged": merged, "from": into, **summary})
    err.print(
        escape(f"{merged} is apart from {into} again: {summary['changed']} of {len(graphs)} document(s) rewritten")
    )


@handle_errors
def aliases_cmd(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Show the alias file: names merged into an entity, names kept apart.

    Example: kg aliases --json
    """
    from kg.cli.output import table

    book = _book(ctx)
    if json_:
        print_json({"file": str(book.path), "merge": book.merge, "keep_apart": book.keep_apart})
        return
    table(["name", "is"], [[k, v] for k, v in sorted(book.merge.items())], title=str(book.path))
    if book.keep_apart:
        err.print(escape("kept apart: " + ", ".join(book.keep_apart)))


@handle_errors
def reextract_cmd(
    ctx: typer.Context,
    model: Annotated[str, typer.Option(help="spaCy pipeline to parse with.")] = "en_core_web_sm",
    json_: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
) -> None:
    """Run the current extractor over every stored document and update its graph in place.

    Example: kg reextract
    """
    from rich.progress import Progress

    from kg.extract.pipeline import Extractor
    from kg.ingest import reextract
    from kg.store import open_store

    book = _book(ctx)
    store = open_store(ctx.obj["store"])
    try:
        with Progress(console=err.real(), transient=True) as progress:
            task = progress.add_task("re-extracting", total=len(store.graph_iris()))
            summary = reextract(
                store, extractor=Extractor(model=model), aliases=book, on_item=lambda _: progress.advance(task)
            )
    finally:
        store.close()
    if json_:
        print_json(summary)
    err.print(f"re-extracted {summary['documents']} document(s): {summary['changed']} changed")


@handle_errors
def forget_cmd(
    ctx: typer.Context,
    doc_id: Annotated[
        str, typer.Argument(help="The document id (as printed by `kg ingest --json` and in who-met-whom --json).")
    ],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Remove one document and every fact it contributed (its named graph).

    Example: kg forget 3f2a9c0d1e4b5a67
    """
    from kg import iris
    from kg.store import open_store

    store = open_store(ctx.obj["store"])
    try:
        removed = store.drop_graph(iris.document(doc_id.strip()))
    finally:
        store.close()
    if not removed:
        raise KgError(f"no document {doc_id!r} in the store; `kg documents` lists them")
    if json_:
        print_json({"forgotten": doc_id})
    err.print(escape(f"forgot document {doc_id}"))


@handle_errors
def html_cmd(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path(
        "exports/graph.html"
    ),
    focus: Annotated[str | None, typer.Option(help="Draw only the neighbourhood of this name.")] = None,
    hops: Annotated[int, typer.Option(min=1, max=6, help="With --focus: how many meetings away.")] = 1,
    limit: Annotated[int, typer.Option(min=1, help="At most this many nodes, the most central.")] = DEFAULT_LIMIT,
    since: SinceOpt = None,
    until: UntilOpt = None,
) -> None:
    """Write the explorer: an offline HTML page of who met whom to search, filter (status, type,
    dates, confidence, reports) and click for the evidence behind every meeting.

    Example: kg html -o exports/graph.html --focus Bessent --hops 2
    """
    from kg.api import KnowledgeGraph

    graph = KnowledgeGraph(ctx.obj["store"])
    nodes, edges, left_out = graph.write_explorer(output, limit=limit, focus=focus, hops=hops, since=since, until=until)
    note = f"; {left_out} less central node(s) left out" if left_out else ""
    err.print(escape(f"wrote {output} ({nodes} nodes, {edges} edges{note})"))

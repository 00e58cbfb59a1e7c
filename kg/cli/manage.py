"""Store maintenance: ``forget``, ``merge``, ``unmerge``, ``aliases``, ``reextract``, ``dump``, ``load``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.output import err, escape, handle_errors, print_json
from kg.errors import KgError


def register(app: typer.Typer) -> None:
    app.command("forget")(forget_cmd)
    app.command("duplicates")(duplicates_cmd)
    app.command("merge")(merge_cmd)
    app.command("unmerge")(unmerge_cmd)
    app.command("aliases")(aliases_cmd)
    app.command("reextract")(reextract_cmd)
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


def _book(ctx: typer.Context):
    from kg.identity.aliases import AliasBook
    from kg.store import locate

    return AliasBook.load(locate(ctx.obj["store"]).alias_path)


@handle_errors
def duplicates_cmd(
    ctx: typer.Context,
    min_score: Annotated[float, typer.Option("--min-score", min=0.0, max=1.0, help="Leave out weaker pairs.")] = 0.5,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """List persons that may be one (same surname, compatible given names), best first, with the
    evidence: name similarity, meeting partners and titles in common, titles of other countries.
    Nothing is merged: confirm a pair with `kg merge KEEP OTHER`.

    Example: kg duplicates --json
    """
    from kg.api import KnowledgeGraph
    from kg.cli.output import table

    rows = KnowledgeGraph(ctx.obj["store"]).duplicates(min_score=min_score)
    if json_:
        print_json([d.model_dump() for d in rows])
        return
    table(
        ["keep", "other", "score", "partners in common", "titles in common", "against"],
        [
            [
                d.keep,
                d.other,
                f"{d.score:.2f}",
                ", ".join(d.shared_partners),
                ", ".join(d.shared_titles),
                "; ".join(d.against),
            ]
            for d in rows
        ],
        title=f"{len(rows)} probable duplicate(s); kg merge KEEP OTHER joins a pair",
    )


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
    from kg.api import KnowledgeGraph

    done = KnowledgeGraph(ctx.obj["store"]).merge(keep, other, force=force)
    if json_:
        print_json({k: done[k] for k in ("kept", "merged", "documents")})
    kept, merged = done["kept"]["name"], done["merged"]["name"]
    err.print(escape(f"merged {merged} into {kept} in {done['documents']} document(s); noted in {done['alias_file']}"))


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
    from kg.api import KnowledgeGraph

    done = KnowledgeGraph(ctx.obj["store"]).unmerge(name, model=model)
    graphs = done.pop("graphs")
    if json_:
        print_json(done)
    err.print(
        escape(
            f"{done['unmerged']} is apart from {done['from']} again: {done['changed']} of {graphs} document(s) rewritten"
        )
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
    from kg.ingest.run import reextract
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
    from kg.api import KnowledgeGraph

    KnowledgeGraph(ctx.obj["store"]).forget(doc_id)
    if json_:
        print_json({"forgotten": doc_id})
    err.print(escape(f"forgot document {doc_id}"))

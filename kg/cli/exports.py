"""What leaves the store as files: ``export`` (RDF dumps, GraphML, GEXF, CSV) and ``html`` (the explorer)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.analytics import RelationOpt, SinceOpt, UntilOpt
from kg.cli.output import err, escape, handle_errors, print_json
from kg.export.html import DEFAULT_LIMIT


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)
    app.command("html")(html_cmd)


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
    from kg.facts.vocab import MEETING_STATUSES, RELATION_STATUSES
    from kg.outputs import output_file
    from kg.query.views import ACTOR_TYPES, ViewFilter, meeting_graph
    from kg.store import open_store

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

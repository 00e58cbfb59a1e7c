"""``kg ingest`` and ``kg extract``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.output import err, handle_errors, print_json
from kg.errors import InputError, UsageError


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("extract")(extract_cmd)


@handle_errors
def ingest_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders (.txt, .md, .jsonl) or - for stdin.")],
    date: Annotated[str | None, typer.Option(help="Publication date of plain files, YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Source URL or label of plain files.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to parse with.")] = "en_core_web_sm",
    workers: Annotated[int, typer.Option(help="Extract in this many local worker processes; this process writes.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Extract on the Dask cluster at this address (tcp://host:8786); needs kg[dask]."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", help="jsonl or text: how to read stdin and files (default: sniff stdin, file suffix)."
        ),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
) -> None:
    """Extract facts from news text and store one named graph per document.

    The store is the same whether extraction runs here, in --workers processes or on a Dask
    cluster: documents are written one by one, in input order, by this process.

    Example: kg ingest examples/ --date 2025-09-15 --workers 2
    """
    from kg.documents.sources import parse_date

    day = parse_date(date)
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if scheduler and workers != 1:
        raise UsageError("give --workers or --scheduler, not both: the cluster decides its workers")
    if fmt not in (None, "jsonl", "text"):
        raise UsageError(f"--format: choose jsonl or text, not {fmt!r}")
    try:
        summary = _ingest(ctx.obj["store"], paths, day, source, _extractor(model, workers, scheduler), fmt)
    except KeyboardInterrupt:  # before the first document (loading the model, opening the store)
        err.print("interrupted: 0 documents stored, rerun to continue")
        raise typer.Exit(130) from None
    for e in summary.errors:
        err.print(f"[red]failed:[/] {_esc(e)}")
    if json_:
        print_json(summary.as_json())
    if summary.interrupted:
        err.print(f"interrupted: {summary.ingested} documents stored, rerun to continue")
        raise typer.Exit(130)
    updated = f", updated {summary.updated}" if summary.updated else ""
    err.print(f"ingested {summary.ingested}{updated}, skipped {summary.skipped}, failed {summary.failed}")
    if summary.failed:
        raise typer.Exit(1)


def _extractor(model: str, workers: int, scheduler: str | None):
    """The extractor, made before the store is opened: a missing model leaves no store behind."""
    if scheduler or workers > 1:
        from kg.extract.nlp import require_model
        from kg.ingest.parallel import ParallelExtractor

        require_model(model)
        return ParallelExtractor(model=model, workers=workers, scheduler=scheduler)
    from kg.extract.pipeline import Extractor

    return Extractor(model=model)


def _ingest(store_option: str | None, paths: list[str], day, source: str | None, extractor, fmt: str | None):
    """Ingest with a progress bar (when there is more than one source); the summary."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.documents.sources import expand_paths
    from kg.identity.aliases import AliasBook
    from kg.ingest.run import ingest
    from kg.store import locate, open_store

    try:
        book = AliasBook.load(locate(store_option).alias_path)
        total = len(expand_paths(paths))
        store = open_store(store_option)
    except BaseException:
        if hasattr(extractor, "close"):
            extractor.close()
        raise
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn())
    try:
        with Progress(*columns, TimeElapsedColumn(), console=err.real(), transient=True, disable=total < 2) as progress:
            task = progress.add_task("ingesting", total=total)

            def advance(label: str, state: str) -> None:
                if ":" not in label or not label.rsplit(":", 1)[1].isdigit():
                    progress.advance(task)

            return ingest(
                paths, store, extractor=extractor, date=day, source=source, on_item=advance, aliases=book, fmt=fmt
            )
    finally:
        if hasattr(extractor, "close"):
            extractor.close()
        store.close()


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@handle_errors
def extract_cmd(
    file: Annotated[str, typer.Argument(help="A text or JSON Lines file (or - for stdin).")],
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to parse with.")] = "en_core_web_sm",
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="jsonl or text (default: JSON Lines when its first line is a record)."),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON (the default, kept for scripts).")] = True,
) -> None:
    """Print what extraction finds in one file, as JSON; no store is touched. A JSON Lines file
    gives one result per record, each with its own date.

    Example: kg extract examples/madrid-talks.txt --date 2025-09-15 --json
    """
    import sys

    from kg.documents.sources import decode, parse_date, read_text_sources
    from kg.extract.pipeline import Extractor

    day = parse_date(date)
    if fmt not in (None, "jsonl", "text"):
        raise UsageError(f"--format: choose jsonl or text, not {fmt!r}")
    if file == "-":
        data, label = sys.stdin.buffer.read(), "stdin"
    else:
        path = Path(file)
        if not path.is_file():
            raise InputError(f"{file}: no such file")
        data, label = path.read_bytes(), file
    if fmt is None and file.lower().endswith(".jsonl"):
        fmt = "jsonl"
    sources = list(read_text_sources(decode(data, label, per_document=False), label, fmt=fmt, date=day, source=file))
    docs = [d for s in sources for d in s.documents]
    print_json({"documents": [x.contract() for x in Extractor(model=model)(docs)]})
    errors = [s.error for s in sources if s.error]
    for e in errors:
        err.print(f"[red]failed:[/] {_esc(e)}")
    if errors:
        raise typer.Exit(1)

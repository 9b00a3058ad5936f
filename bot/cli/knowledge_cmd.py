"""CLI commands for the knowledge documents: oogo index, oogo search, oogo eval retrieval.

They only translate between the terminal and ``Services.knowledge``; every error the user can
cause (unknown folder, unreachable Chroma server, bad option) becomes a Dutch message and exit
code 1 or 2, never a stack trace.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

from bot.cli.common import UNAVAILABLE, fail, load_services, text, with_help

log = logging.getLogger(__name__)



def _remove_damaged_index(kb) -> bool:
    """--rebuild on an embedded index that cannot be opened or read: delete its folder (under
    the index lock) so it can be built from the documents. A Chroma server is never touched."""
    from knowledge.ingest import index_lock
    from knowledge.vectorstore import remove_embedded_index

    if kb.chroma_url:
        return False
    with index_lock(kb.manifest.path.parent):
        removed = remove_embedded_index(kb.data_dir)
    if removed:
        typer.echo(text("knowledge_index_removed"))
    return removed


def index_command(
    add: list[Path] = typer.Option(None, "--add"),
    rebuild: bool = typer.Option(False, "--rebuild"),
) -> None:
    """``oogo index``: build or update the knowledge index (only changed passages again)."""
    from knowledge.errors import KnowledgeUnavailable

    kb = load_services().knowledge
    try:
        report = kb.index(extra_dirs=tuple(add or ()), rebuild=rebuild)
    except KnowledgeUnavailable as exc:
        if not (rebuild and _remove_damaged_index(kb)):
            fail(str(exc), UNAVAILABLE)
            return
        kb = load_services().knowledge  # a fresh knowledge base on the emptied folder
        try:
            report = kb.index(extra_dirs=tuple(add or ()), rebuild=True)
        except KnowledgeUnavailable as again:
            fail(str(again), UNAVAILABLE)
            return
    typer.echo(text("knowledge_indexed", added=report.added, updated=report.updated,
                    deleted=report.deleted, unchanged=report.unchanged))
    if add:
        typer.echo(text("knowledge_extra_kept", folder=kb.extra_dir))


def search_command(
    query: str = typer.Argument(...),
    k: int = typer.Option(3, "--k", min=1, max=50),
    method: str = typer.Option("hybrid", "--method"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """``oogo search``: passages of the knowledge documents, with source and heading."""
    from knowledge.errors import KnowledgeUnavailable

    kb = load_services().knowledge
    try:
        hits = kb.search(query, k=k, method=method)
    except ValueError as exc:
        fail(str(exc))
        return
    except KnowledgeUnavailable as exc:
        fail(str(exc), UNAVAILABLE)
        return
    if as_json:
        payload = [
            {
                "document": h.source,
                "title": h.title,
                "heading": h.heading,
                "text": h.text,
                "score": h.score,
            }
            for h in hits
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo(text("knowledge_not_found"))
        return
    for number, hit in enumerate(hits, start=1):
        where = f"{hit.source} > {hit.heading}" if hit.heading else hit.source
        typer.echo(text("knowledge_hit", number=number, title=hit.title, where=where) + "\n")
        typer.echo(hit.text.strip() + "\n")


def eval_retrieval_command(
    file: list[Path] = typer.Option(None, "--file"),
    method: str = typer.Option("hybrid", "--method"),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline"),
) -> None:
    """``oogo eval retrieval``: recall@1, recall@3 and MRR per part, next to the baseline."""
    from knowledge.errors import KnowledgeUnavailable
    from knowledge.evaluation import evaluate, format_table, load_part, part_name, question_files
    from knowledge.retrieval import METHODS

    if method not in METHODS:
        fail(text("eval_unknown_method", method=method, methods=", ".join(METHODS)))
        return
    paths = list(file or question_files())
    missing = [p for p in paths if not p.is_file()]
    # a question file is input (BAD_INPUT by the convention), but exit 1 is what scripts and
    # tests/knowledge_base/test_cli.py already rely on for these three
    if missing or not paths:
        fail(text("eval_file_missing", path=missing[0] if missing else "knowledge/eval/*.jsonl"),
             UNAVAILABLE)
        return
    try:
        parts = {part_name(p): load_part(p) for p in paths}
    except ValueError as exc:
        fail(text("eval_file_unusable", reason=exc), UNAVAILABLE)
        return
    if not any(parts.values()):
        fail(text("eval_no_questions"), UNAVAILABLE)
        return
    try:
        results = evaluate(load_services().knowledge, parts, with_baseline=baseline, method=method)
    except KnowledgeUnavailable as exc:
        fail(str(exc), UNAVAILABLE)
        return
    typer.echo(format_table(results))


def register(app: typer.Typer) -> None:
    """Add this group's commands to the oogo app."""
    app.command("index")(with_help(index_command, "index"))
    app.command("search")(with_help(search_command, "search"))
    eval_app = typer.Typer(help=text("help_group_eval"), no_args_is_help=True)
    eval_app.command("retrieval")(with_help(eval_retrieval_command, "eval_retrieval"))
    app.add_typer(eval_app, name="eval")

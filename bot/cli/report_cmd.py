"""``oogo report REGION -o FILE`` (the OOGO preparation document) and ``oogo points REGION``.

Both go through the same generator as the conversation, so the document, the terminal and the
chat show the same points. Bad input never ends in a traceback: an unknown region, an unknown
format, an unwritable output path or a broken installation (a missing template, no PDF engine)
gives a short Dutch message that names the real cause, and exit code 2.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import typer

from bot.cli.common import check_language, fail, load_services, with_help

log = logging.getLogger(__name__)


def _say(name: str, **values: object) -> str:
    """A message of these commands (``prompts/oogo/nl/cli_*.txt``); the CLI speaks Dutch."""
    from prompts.loader import templates

    return templates("oogo").render(name, "nl", **values)


def _check_writable(path: Path) -> None:
    """Fail before the (slower) report is built when the file cannot be written."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        fail(_say("cli_output_is_dir", path=path, example=path / "oogo.pdf"))
    if not parent.is_dir():
        fail(_say("cli_output_folder_missing", folder=parent))
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        fail(_say("cli_output_not_writable", path=path))


def _reason(exc: OSError) -> str:
    """A Dutch reason for a failed write (the system's own text is English)."""
    import errno

    if exc.errno == errno.ENOENT:
        return _say("cli_reason_no_folder")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _say("cli_reason_no_permission")
    if exc.errno == errno.ENOSPC:
        return _say("cli_reason_disk_full")
    return _say("cli_reason_other")


def register(app: typer.Typer) -> None:
    """Add this group's commands to the oogo app."""

    def report(
        region: str = typer.Argument(...),
        output: Path = typer.Option(..., "--output", "-o"),
        fmt: str | None = typer.Option(
            None, "--format", "-f"),
    ) -> None:
        """The OOGO preparation document of a region (help_report)."""
        from bot.oogo.points import RegionNotFound
        from bot.oogo.report import build_report
        from bot.oogo.report_render import (
            ReportFormatError,
            ReportRenderError,
            detect_format,
            write_report,
        )

        _check_writable(output)
        try:
            chosen = detect_format(output, fmt)
        except ReportFormatError:
            fail(_say("cli_unknown_format"))
        services = load_services()
        try:
            document = build_report(services, region)
        except RegionNotFound as exc:
            fail(exc.message("nl"))
        try:
            write_report(document, output, chosen)
        except ReportRenderError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(_say("cli_write_failed", path=output, reason=_reason(exc)))
        typer.echo(_say("cli_report_written", region=document.region_name, path=output,
                        format=chosen, count=len(document.points.points)))
        if document.scan_note:
            typer.echo(document.scan_note)
        if document.demo_data and document.real_figures:
            typer.echo(_say("cli_report_demo_mixed"))
        elif document.demo_data:
            typer.echo(_say("cli_report_demo"))

    def points(
        region: str = typer.Argument(...),
        as_json: bool = typer.Option(False, "--json"),
        max_points: int = typer.Option(7, "--max", min=1, max=20),
        language: str = typer.Option("nl", "--lang"),
    ) -> None:
        """The proposed OOGO points of a region (help_points)."""
        from bot.oogo.points import RegionNotFound, generate_points
        from bot.oogo.render import render_points

        language = check_language(language)
        services = load_services()
        try:
            result = generate_points(services, region, language=language, max_points=max_points)
        except RegionNotFound as exc:
            fail(exc.message(language))
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        typer.echo(render_points(result, language))
        if result.about:  # real figures among them: their CBS table and definition
            typer.echo("\n" + "\n".join(result.about))

    app.command("report")(with_help(report, "report"))
    app.command("points")(with_help(points, "points"))

"""``oogo data fetch cbs``: the one command that goes to the network (CBS StatLine).

It only downloads and writes two files (the import file and its provenance record); loading them
is ``oogo data import FILE``, which works on any machine, also one without a network. A failure
(no network, a table gone, figures that contradict each other) gives a Dutch message and exit
code 1, and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import BAD_INPUT, UNAVAILABLE, fail, text, with_help

SOURCES = ("cbs",)


def data_fetch(
    source: str = typer.Argument(...),
    out: Path = typer.Option(Path("cbs_statline.csv"), "--out", "-o"),
    tables: list[str] = typer.Option(None, "--tables", "-t"),
    base_url: str = typer.Option(None, "--base-url", envvar="OOGO_CBS_BASE_URL"),
) -> None:
    """``oogo data fetch cbs``: download public figures and write an import file with its
    provenance record."""
    from indicators.cbs.client import StatLineError
    from indicators.cbs.fetch import fetch
    from indicators.cbs.tables import DEFAULT_TABLES
    from indicators.registry import RegionRegistry

    if source.lower() not in SOURCES:
        fail(text("fetch_unknown_source", source=source, sources=", ".join(SOURCES)), BAD_INPUT)
    wanted = tuple(t for item in (tables or DEFAULT_TABLES) for t in item.split(",") if t)
    try:
        report = fetch(out, RegionRegistry.load(), tables=wanted, base_url=base_url)
    except (StatLineError, ValueError, OSError) as exc:
        fail(text("fetch_failed", reason=exc), UNAVAILABLE)
    typer.echo(report.summary())


def register(app: typer.Typer) -> None:
    """Add ``fetch`` to the existing ``oogo data`` group (registered by ``indicators_cmd``)."""
    group = next((g.typer_instance for g in app.registered_groups if g.name == "data"), None)
    if group is None:  # pragma: no cover - main.GROUPS registers indicators_cmd first
        raise RuntimeError("the 'data' command group must be registered before data_fetch_cmd")
    group.command("fetch")(with_help(data_fetch, "data_fetch"))

"""``oogo data fetch cbs``: the one command that goes to the network (CBS StatLine).

It only downloads and writes two files (the import file and its provenance record); loading them
is ``oogo data import FILE``, which works on any machine, also one without a network. A failure
(no network, a table gone, figures that contradict each other) gives a Dutch message and exit
code 1, and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

import typer

SOURCES = ("cbs",)


def data_fetch(
    source: str = typer.Argument(..., help="Bron: cbs (CBS StatLine, open data)."),
    out: Path = typer.Option(Path("cbs_statline.csv"), "--out", "-o",
                             help="Importbestand dat geschreven wordt (plus .provenance.json)."),
    tables: list[str] = typer.Option(None, "--tables", "-t",
                                     help="StatLine-tabellen (standaard 84134NED en 85099NED; "
                                          "86087NED voor NEET)."),
    base_url: str = typer.Option(None, "--base-url", envvar="OOGO_CBS_BASE_URL",
                                 help="Adres van de open-data-interface (standaard "
                                      "https://opendata.cbs.nl)."),
) -> None:
    """Haal openbare cijfers op bij CBS StatLine en schrijf een importbestand (met herkomst)."""
    from indicators.cbs.client import StatLineError
    from indicators.cbs.fetch import fetch
    from indicators.cbs.tables import DEFAULT_TABLES
    from indicators.registry import RegionRegistry

    if source.lower() not in SOURCES:
        typer.echo(f"Onbekende bron '{source}'. Kies uit: {', '.join(SOURCES)}.", err=True)
        raise typer.Exit(2)
    wanted = tuple(t for item in (tables or DEFAULT_TABLES) for t in item.split(",") if t)
    try:
        report = fetch(out, RegionRegistry.load(), tables=wanted, base_url=base_url)
    except (StatLineError, ValueError, OSError) as exc:
        typer.echo(f"Ophalen mislukt: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(report.summary())


def register(app: typer.Typer) -> None:
    """Add ``fetch`` to the existing ``oogo data`` group (registered by ``indicators_cmd``)."""
    group = next((g.typer_instance for g in app.registered_groups if g.name == "data"), None)
    if group is None:  # pragma: no cover - main.GROUPS registers indicators_cmd first
        raise RuntimeError("the 'data' command group must be registered before data_fetch_cmd")
    group.command("fetch")(data_fetch)

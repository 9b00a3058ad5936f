"""CLI commands for regions and indicators: oogo regions, oogo indicator, oogo chart, oogo data.

They only translate between the terminal and ``Services.registry`` / ``Services.indicators``.
Region arguments accept names ("Zwolle", "Den Bosch") and codes (GM0193, PO 27.07, NL01). An
unknown or ambiguous region, an unknown indicator, a figure that is not published at that level
or a bad option gives a Dutch message and exit code 2; a rejected import or a failed
``oogo data check`` gives its "bestand, regel N: reden" list and exit code 1. Never a stack trace.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.cli.common import BAD_INPUT, UNAVAILABLE, fail, load_services, text, with_help

if TYPE_CHECKING:
    from indicators.registry import Region

log = logging.getLogger(__name__)



def _region(services, asked: str) -> Region:
    """Resolve a name or code; ambiguous or unknown ends the command with exit code 2."""
    res = services.registry.resolve(asked)
    if res.region is not None:
        if res.message:
            typer.echo(res.message, err=True)
        return res.region
    lines = [res.message]
    for region in res.candidates or res.suggestions:
        lines.append(text("region_candidate", code=region.code, name=region.name))
    fail("\n".join(lines))
    return None


def _echo_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def regions_find(
    name: str = typer.Argument(...),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """``oogo regions find``: a gemeente or samenwerkingsverband by name or code."""
    services = load_services()
    res = services.registry.resolve(name)
    if as_json:
        _echo_json({
            "query": res.query, "method": res.method, "message": res.message,
            "region": res.region.to_dict() if res.region else None,
            "candidates": [r.to_dict() for r in res.candidates],
            "suggestions": [r.to_dict() for r in res.suggestions],
        })
        if not res.ok:
            raise typer.Exit(BAD_INPUT)
        return
    region = res.region
    if region is None:
        _region(services, name)  # lists the candidates and ends with exit code 2
        return
    if res.message:
        typer.echo(res.message)
    typer.echo(text("region_heading", name=region.name, code=region.code,
                    level=region.level_label))
    if region.province:
        typer.echo(text("region_province", province=region.province))
    from indicators.formatting import integer

    typer.echo(text("region_size", inhabitants=integer(region.inhabitants),
                    density=integer(region.density)))
    if region.level == "gemeente":
        registry = services.registry
        typer.echo(text("region_size_class", size_class=region.size_class))
        typer.echo(text("region_swv_po", name=registry.get(region.swv_po).name))
        typer.echo(text("region_swv_vo", name=registry.get(region.swv_vo).name))
        others = [*region.swv_po_other, *region.swv_vo_other]
        if others:
            typer.echo(text("region_partly_in", others=", ".join(others)))
    elif region.level != "land":
        members = services.registry.members(region.code)
        typer.echo(text("region_members", count=len(members),
                        names=", ".join(m.name for m in members)))
        typer.echo(text("region_derived_name"))


def regions_peers(
    name: str = typer.Argument(...),
    n: int = typer.Option(8, "--n", min=5, max=30),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """``oogo regions peers``: the gemeenten most alike in size and population density."""
    from indicators.formatting import integer

    services = load_services()
    region = _region(services, name)
    peers = services.registry.peers(region.code, n)
    if as_json:
        _echo_json({"region": region.to_dict(), "peers": [p.to_dict() for p in peers]})
        return
    if not peers:
        fail(text("peers_none", name=region.name))
    typer.echo(text("peers_heading", name=region.name, inhabitants=integer(region.inhabitants),
                    density=integer(region.density)))
    for peer in peers:
        typer.echo(text("peers_line", code=peer.code, name=peer.name,
                        inhabitants=integer(peer.inhabitants), density=integer(peer.density)))
    typer.echo(text("peers_method"))


def indicator_list() -> None:
    """``oogo indicator list``: the indicators with their categories and definition."""
    engine = load_services().indicators
    for definition in engine.catalog.values():
        typer.echo(text("indicator_heading", id=definition.id, label=definition.label_nl,
                        ages=definition.age_range))
        typer.echo(f"  {definition.definition_nl}")
        for dimension, values in definition.categories.items():
            typer.echo(f"  {dimension}: {', '.join(values)}")
        for category in definition.all_categories:
            where = ", ".join(definition.published_levels(category))
            typer.echo(f"    {category}: {where}")
        typer.echo(text("indicator_years", years=", ".join(map(str, engine.years(definition.id)))))


def indicator_show(
    indicator: str = typer.Argument(...),
    region: str = typer.Argument(...),
    category: str = typer.Option(None, "--category"),
    year: int = typer.Option(None, "--year"),
    compare: str = typer.Option(None, "--compare"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """``oogo indicator show``: a figure with definition and source, optionally compared."""
    from indicators.errors import IndicatorError
    from indicators.registry import UnknownRegion

    services = load_services()
    own = _region(services, region)
    try:
        _show(services, indicator, own, category, year, compare, as_json)
    except (IndicatorError, UnknownRegion) as exc:
        fail(str(exc))


def _show(services, indicator, own, category, year, compare, as_json) -> None:
    from indicators.wording import describe_comparison, describe_value, source_line

    engine = services.indicators
    definition = engine.indicator(indicator)
    category = category or definition.default_category
    value = engine.lookup(indicator, own.code, category, year)
    shown = [value]
    comparison, peers, verdict = None, None, ""
    if compare and compare.lower() == "peers":
        peers = engine.compare_peers(indicator, own.code, category, value.year)
        shown += peers.peers
        if peers.comparison is not None:
            verdict = describe_comparison(peers.comparison)
    elif compare:
        other = compare if compare.lower() in {"land", "swv", "nl", "nederland"} else (
            _region(services, compare).code)
        comparison = engine.compare(indicator, own.code, other, category, value.year)
        shown.append(comparison.shown)
        verdict = describe_comparison(comparison)
    if as_json:
        _echo_json({
            "indicator": definition.to_dict(), "value": value.to_dict(),
            "comparison": comparison.to_dict() if comparison else None,
            "peers": peers.to_dict() if peers else None, "text": verdict,
            "demo_data": any(v.demo for v in shown), "source": source_line(shown),
        })
        return
    _table(shown, definition)
    typer.echo(describe_value(value))
    if verdict:
        typer.echo(verdict)
    if peers is not None and peers.mean is not None:
        from indicators.formatting import figure

        typer.echo(text("peers_mean", count=peers.n, mean=figure(peers.mean, value.unit),
                        median=figure(peers.median, value.unit)))
    typer.echo(text("definition", definition=definition.definition_nl))
    typer.echo(source_line(shown))


def _table(values, definition) -> None:
    from rich.console import Console
    from rich.table import Table

    from indicators import formatting as fm
    from indicators.wording import region_name

    first = values[0]
    title = f"{definition.figure_label(first.category)} ({first.year})"
    table = Table(title=title[:1].upper() + title[1:])
    for column in text("table_columns").split("|"):
        table.add_column(column)
    for v in values:
        count = fm.integer(v.numerator) if v.numerator is not None else ""
        table.add_row(region_name(v), fm.value_text(v),
                      fm.interval(v.ci_low, v.ci_high, v.unit), count,
                      fm.integer(v.denominator) if v.denominator else "")
    Console(width=120).print(table)


def chart_command(
    indicator: str = typer.Argument(...),
    region: str = typer.Argument(...),
    output: Path = typer.Option(..., "-o", "--output"),
    category: str = typer.Option(None, "--category"),
    year: int = typer.Option(None, "--year"),
    compare: str = typer.Option(None, "--compare"),
    trend: bool = typer.Option(False, "--trend"),
) -> None:
    """``oogo chart``: a PNG, bars against the SWV and Nederland, or a trend line."""
    from indicators import charts
    from indicators.errors import IndicatorError
    from indicators.registry import UnknownRegion

    services = load_services()
    own = _region(services, region)
    engine = services.indicators
    try:
        definition = engine.indicator(indicator)
        category = category or definition.default_category
        targets = _chart_targets(services, own, category, compare)
        if trend:
            png = charts.trend_chart([engine.trend(indicator, code, category) for code in targets])
        else:
            year = year or engine.latest_year(indicator)
            if compare and compare.lower() == "peers":
                png = charts.comparison_chart(
                    engine.compare_peers(indicator, own.code, category, year))
            else:
                png = charts.comparison_chart(
                    _bar_values(engine, indicator, own.code, targets, category, year))
    except (IndicatorError, UnknownRegion) as exc:
        fail(str(exc))
        return
    try:
        output.write_bytes(png)
    except OSError as exc:
        fail(text("chart_unwritable", path=output, reason=exc.strerror), UNAVAILABLE)
    typer.echo(text("chart_written", path=output))


def _bar_values(engine, indicator, own, targets, category, year) -> list:
    """The region, then for its own SWV the rest of it (the figure a comparison tests)."""
    values = [engine.lookup(indicator, code, category, year) for code in targets]
    for k, value in enumerate(values[1:], start=1):
        if engine.registry.get(value.region).level != "land" and engine.is_part_of(own,
                                                                                  value.region):
            values[k] = engine.rest_of(value, values[0])
    return values


def _chart_targets(services, own, category, compare) -> list[str]:
    """The region, then what it is set against: by default its own SWV (unless that is the
    gemeente alone) and Nederland."""
    engine = services.indicators
    codes = [own.code]
    if compare and compare.lower() != "peers":
        key = compare.lower()
        if key in {"land", "nl", "nederland"}:
            codes.append("NL01")
        elif key == "swv":
            codes.append(engine.swv_for(own.code, category))
        else:
            codes.append(_region(services, compare).code)
    elif not compare:
        if own.level == "gemeente":
            swv = engine.swv_for(own.code, category)
            if not engine.is_alone(own.code, swv):
                codes.append(swv)
        if own.code != "NL01":
            codes.append("NL01")
    return codes


def data_import(
    file: Path = typer.Argument(...),
    indicator: str = typer.Option(None, "--indicator"),
    category: str = typer.Option(None, "--category"),
    value_column: str = typer.Option(None, "--value-column"),
) -> None:
    """``oogo data import``: real figures in; one wrong row and nothing changes."""
    from indicators.errors import ImportRejected
    from indicators.importer import import_file

    services = load_services()
    data_dir = services.settings.ensure_data_dir()
    try:
        report = import_file(file, services.registry, data_dir, indicator=indicator,
                             category=category, value_column=value_column)
    except ImportRejected as exc:
        fail(str(exc), UNAVAILABLE)
        return
    typer.echo(report.summary())


def data_check(
    file: Path = typer.Argument(None),
) -> None:
    """``oogo data check``: do the figures of a file agree with each other (changes nothing)."""
    from indicators.checks import check_file
    from indicators.errors import ImportRejected
    from indicators.formatting import number
    from indicators.importer import errors_phrase, rows_phrase
    from indicators.store import DEMO_CSV, PACKAGE_DATA, RR_COUNTS_CSV

    services = load_services()
    path = file or PACKAGE_DATA / DEMO_CSV
    rr_path = path.with_name(RR_COUNTS_CSV) if path.name == DEMO_CSV else None
    try:
        report = check_file(path, services.registry, rr_path)
    except ImportRejected as exc:
        fail(str(exc), UNAVAILABLE)
        return
    if not report.ok:
        shown = report.problems[:50]
        more = len(report.problems) - len(shown)
        problems = "\n".join([*shown, *([text("check_more", errors=errors_phrase(more))]
                                        if more > 0 else [])])
        fail(text("check_failed", file=path.name, errors=errors_phrase(len(report.problems)),
                  rows=rows_phrase(report.rows), problems=problems), UNAVAILABLE)
    typer.echo(text("check_ok", file=path.name, rows=rows_phrase(report.rows)))
    known = services.indicators.catalog
    for key, value in report.national.items():
        indicator, _, category = key.partition("/")
        definition = known.get(indicator)
        label = definition.figure_label(category) if definition else key
        ratio = definition is not None and definition.unit == "x"
        figure = text("check_times", number=number(value, 1)) if ratio else f"{number(value, 1)}%"
        typer.echo(text("check_national", label=label, figure=figure))


def register(app: typer.Typer) -> None:
    """Add this group's commands to the oogo app (fresh sub-apps on every call)."""
    regions_app = typer.Typer(help=text("help_group_regions"), no_args_is_help=True)
    indicator_app = typer.Typer(help=text("help_group_indicator"), no_args_is_help=True)
    data_app = typer.Typer(help=text("help_group_data"), no_args_is_help=True)
    regions_app.command("find")(with_help(regions_find, "regions_find"))
    regions_app.command("peers")(with_help(regions_peers, "regions_peers"))
    indicator_app.command("show")(with_help(indicator_show, "indicator_show"))
    indicator_app.command("list")(with_help(indicator_list, "indicator_list"))
    data_app.command("import")(with_help(data_import, "data_import"))
    data_app.command("check")(with_help(data_check, "data_check"))
    app.add_typer(regions_app, name="regions")
    app.add_typer(indicator_app, name="indicator")
    app.add_typer(data_app, name="data")
    app.command("chart")(with_help(chart_command, "chart"))

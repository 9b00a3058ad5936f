"""Real and demonstration figures in OOGO points and the report: which is which, per figure.

Why a module: after ``oogo data import`` of CBS figures some figures are real (jeugdzorg totals
and zorgtypes) and the rest stays demonstration data (per onderwijssoort, NEET relative risks).
Points and report then need, once, what the chat answers already give: the CBS table and CBS's
own definition of the real figures, the demo definition only for the demo figures, a notice that
names exactly the demo figures, and a comparison table that says a real figure was not set
against a demonstration one (the engine refuses that comparison; it is never evidence). Every
helper reads the engine's values (``demo``, ``source``) and its provenance record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.oogo.report_words import report_text

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services



def has_real(values: list[Any]) -> bool:
    """True when any of these figures (engine values or facts) is real."""
    return any(not getattr(v, "demo", True) for v in values if v is not None)


def about(services: Services, values: list[Any], language: str) -> list[str]:
    """Definition and source lines per indicator, real figures with their CBS table and CBS's
    definition, demo figures with the demo definition; empty when every figure is demo (then
    the catalog's definitions and the general demo notice say it already)."""
    if not has_real(values):
        return []
    from bot.core.answers.provenance import about_lines

    lines: list[str] = []
    for indicator in dict.fromkeys(v.indicator for v in values):
        own = [v for v in values if v.indicator == indicator]
        lines += [line for line in about_lines(services.indicators, services.registry, own,
                                               indicator, language) if line not in lines]
    return lines


def demo_figures(engine: Any, values: list[Any], language: str) -> list[str]:
    """The kinds of demonstration figure among ``values`` ("jeugdzorggebruik onder leerlingen
    in het po"), once each; empty unless real figures stand beside them."""
    if not has_real(values):
        return []
    out: list[str] = []
    for v in values:
        definition = engine.catalog.get(v.indicator)
        if getattr(v, "demo", True) and definition is not None:
            label = definition.figure_label(v.category, language)
            if label not in out:
                out.append(label)
    return out


def real_source_lines(engine: Any) -> list[str]:
    """'CBS StatLine 85099NED, <title> (gewijzigd ...; opgehaald ...), Bron: CBS, licentie
    CC BY 4.0: echte cijfers voor jeugdzorg (totaal, ...)', one line per imported table."""
    from indicators.sources import real_summary

    by_table: dict[str, dict[str, list[str]]] = {}
    for item in real_summary(engine.provenance()):
        for source in item["sources"]:
            per = by_table.setdefault(source, {}).setdefault(item["indicator"], [])
            per.append(item["category"].replace("_", " "))
    lines = []
    records = getattr(engine, "sources", None)
    for source, what in by_table.items():
        table = (records.table(source) if records is not None else None) or {}
        title = table.get("title", "")
        lines.append(report_text(
            "real_source", table=source.split(" (")[0] + (f", {title}" if title else ""),
            modified=table.get("modified", "?"), downloaded=str(table.get("downloaded", "?"))[:10],
            attribution=(table["attribution"] if "attribution" in table
                         else report_text("cbs_attribution")),
            licence=table.get("licence", "CC BY 4.0"),
            what="; ".join(f"{ind} ({', '.join(sorted(cats))})" for ind, cats in what.items())))
    return lines


def checked_compare(engine: Any, *args: Any) -> Any:
    """``engine.compare(*args)``; None without data; the words "niet vergeleken" (a string)
    when the engine refuses a real figure against a demonstration one."""
    from indicators.sources import MixedSources

    try:
        return engine.compare(*args)
    except MixedSources:
        return report_text("not_compared")
    except Exception:  # noqa: BLE001 - missing or unpublished data: no comparison
        return None

"""Real and demonstration figures in OOGO points and the report: which is which, per figure.

Why a module: the points and the report were written when every figure was demonstration data
and carried one banner. After ``oogo data import`` of CBS figures some figures are real; these
helpers give each piece of evidence its own source, mark demonstration cells in a mixed table and
list the real sources with their CBS table, modification and download date and licence.
"""

from __future__ import annotations

from typing import Any

DEMO_TAG_NL = " (demo)"


def source_of(engine: Any, indicator: str, *values: Any) -> str:
    """The source line of one piece of evidence: the CBS source of real figures, the demo
    source line of demonstration figures (both when both occur)."""
    real = list(dict.fromkeys(str(v.source) for v in values
                              if v is not None and not getattr(v, "demo", True) and v.source))
    demo = not values or any(v is not None and getattr(v, "demo", True) for v in values)
    definition = engine.catalog.get(indicator)
    demo_line = str(getattr(definition, "source", "") or "")
    return "; ".join(real + ([demo_line] if demo and demo_line else []))


def any_demo(values: list[Any]) -> bool:
    """True when any of these figures (values or facts) is demonstration data."""
    return any(getattr(v, "demo", True) for v in values if v is not None)


def any_real(values: list[Any]) -> bool:
    """True when any of these figures is real."""
    return any(not getattr(v, "demo", True) for v in values if v is not None)


def tag(text: str, value: Any, mixed: bool) -> str:
    """A table cell: demonstration figures get ' (demo)' when real ones stand beside them."""
    if mixed and value is not None and getattr(value, "demo", True) and text != "-":
        return text + DEMO_TAG_NL
    return text


def real_source_lines(engine: Any) -> list[str]:
    """'CBS StatLine 85099NED, <title> (gewijzigd ...; opgehaald ...), licentie CC BY 4.0: ...'."""
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
        when = (f" (gewijzigd {table.get('modified', '?')}; opgehaald "
                f"{str(table.get('downloaded', '?'))[:10]})")
        lines.append(f"{source.split(' (')[0]}{', ' + title if title else ''}{when}, "
                     f"{table.get('attribution', 'Bron: CBS')}, licentie "
                     f"{table.get('licence', 'CC BY 4.0')}: echte cijfers voor "
                     + "; ".join(f"{ind} ({', '.join(sorted(cats))})"
                                 for ind, cats in what.items()))
    return lines

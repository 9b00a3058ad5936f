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


def _all_facts(result: Any) -> list:
    return [f for point in result.points for e in point.evidence for f in e.facts]


def kind_tag(result: Any, evidence: Any, lang: str) -> str:
    """Per evidence in a points list: its CBS source for real figures; '(demonstratiecijfers)'
    when real figures stand elsewhere in the list."""
    if evidence.facts and not any_demo(evidence.facts):
        return f" ({'source' if lang == 'en' else 'bron'}: {evidence.source})"
    if evidence.facts and any_real(_all_facts(result)):
        return " (demonstration figures)" if lang == "en" else " (demonstratiecijfers)"
    return ""


def demo_banner(result: Any, general: str, lang: str) -> str:
    """The general demo notice (``general``), or, next to real figures, one that says which
    are demonstration data."""
    if not any_real(_all_facts(result)):
        return general
    if lang == "en":
        return ("Note: evidence marked '(demonstration figures)' rests on demonstration data; "
                "the other figures are real CBS figures with their source.")
    return ("Let op: onderbouwing met '(demonstratiecijfers)' rust op demonstratiedata; de "
            "andere cijfers zijn echte CBS-cijfers, met hun bron erbij.")


# the report: a banner, a footer and a table note when real and demo figures stand together
MIXED_BANNER_MD = ("> **Echte cijfers en demonstratiedata.** Een deel van de indicatorcijfers "
                   "zijn echte CBS-cijfers (zie Bronnen). Cijfers met \"(demo)\" erachter, en "
                   "de onderbouwing die daarop rust, zijn demonstratiedata.")
MIXED_FOOTER = "deels DEMONSTRATIEDATA: cijfers met (demo)"


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


NOT_COMPARED_NL = "niet vergeleken: echt cijfer tegenover demonstratiecijfer"


def checked_compare(engine: Any, *args: Any) -> Any:
    """``engine.compare(*args)``; None without data; ``NOT_COMPARED_NL`` when the engine
    refuses a real figure against a demonstration one."""
    from indicators.sources import MixedSources

    try:
        return engine.compare(*args)
    except MixedSources:
        return NOT_COMPARED_NL
    except Exception:  # noqa: BLE001 - missing data: no comparison
        return None


def mixed_table(engine: Any, wanted: list[tuple[str, str]], codes: tuple[str, ...]) -> bool:
    """True when the report table would set real figures beside demonstration ones."""
    shown = []
    for indicator, category in wanted:
        try:
            year = engine.latest_year(indicator)
            shown += [engine.lookup(indicator, code, category, year) for code in codes]
        except Exception:  # noqa: BLE001 - a missing figure is no figure of either kind
            continue
    return any_real(shown) and any_demo(shown)


def report_sources(engine: Any, rows: list[Any], points_demo: bool
                   ) -> tuple[list[str], bool, bool]:
    """(source lines, demo_data, real figures present) for the report: the real CBS tables
    first, then the demo source of every indicator that still has demonstration figures."""
    real = real_source_lines(engine)
    still_demo = [i for i in ("jeugdzorg", "neet", "neet_rr")
                  if getattr(engine, "is_demo_for", lambda _i: True)(i)]
    sources = real + [s for s in dict.fromkeys(source_of(engine, i) for i in still_demo) if s]
    cells = [c for r in rows for c in (r.region, r.swv, r.nederland)]
    demo_data = not real or points_demo or any(c.endswith(DEMO_TAG_NL) for c in cells)
    return sources, demo_data, bool(real)

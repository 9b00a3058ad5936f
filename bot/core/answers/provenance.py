"""Which figures of an answer are real and which are demonstration data, said per figure.

Why one module: an answer, a chart, an OOGO point and the report all need the same three things
once real figures are imported next to demonstration ones: the source and CBS's own definition of
the real figures (never the demo definition), the demo definition only for the demo figures, and
a demo notice that names exactly those. Everything here reads the engine's values (``demo``,
``source``, ``mark``) and the engine's provenance record; nothing is computed.
"""

from __future__ import annotations

from typing import Any

from bot.core.answers import labels as lb
from bot.core.answers.evidence import region_name
from bot.core.messages import Notice
from indicators import formatting as fm
from prompts.loader import templates

#: CBS's marks for a missing figure -> the template that says what it means
#: (prompts/answers/{nl,en}/mark_*.txt)
MARK_MEANING = {".": "mark_secret_or_unknown", "x": "mark_secret", "-": "mark_nil",
                "–": "mark_nil", "?": "mark_unreliable", "": "mark_cannot_occur"}


def mark_meaning(mark: str, lang: str) -> str:
    """What CBS's mark means, in the answer's language (an unknown mark reads as ".")."""
    return templates().render(MARK_MEANING.get(mark, "mark_secret_or_unknown"),
                              "en" if lang == "en" else "nl")


def _figures(values: list[Any], registry: Any, lang: str, catalog: lb.Catalog) -> str:
    """'Amsterdam 2021-2023, Ommen (jeugdreclassering) 2022 en Nederland 2023'."""
    groups: dict[tuple[str, str], list[int]] = {}
    for v in values:
        groups.setdefault((v.region, v.category), []).append(int(v.year))
    names = []
    for (region, category), years in groups.items():
        name = region_name(registry, region, lang)
        if category and category != "totaal":
            name += f" ({lb.category_label(catalog, category, lang)})"
        years = sorted(set(years))
        span = (str(years[0]) if len(years) == 1 else
                f"{years[0]}-{years[-1]}" if years == list(range(years[0], years[-1] + 1))
                else ", ".join(map(str, years)))
        names.append(f"{name} {span}")
    return fm.listing(names, lang)


def _unique(values: list[Any]) -> list[Any]:
    seen, out = set(), []
    for v in values:
        key = (v.indicator, v.region, v.category, v.year)
        if key not in seen and v.region != "PEERS":
            seen.add(key)
            out.append(v)
    return out


def is_mixed(values: list[Any]) -> bool:
    """True when real and demonstration figures stand side by side."""
    kinds = {bool(getattr(v, "demo", True)) for v in values}
    return len(kinds) > 1


def about_lines(engine: Any, registry: Any, values: list[Any], indicator: str,
                lang: str) -> list[str]:
    """Definition and source lines per kind of figure (real per table, then demo)."""
    t = templates()
    values = _unique(values)
    real = [v for v in values if not getattr(v, "demo", True)]
    demo = [v for v in values if getattr(v, "demo", True)]
    if not real:
        return _demo_only(engine, indicator, lang)
    lines: list[str] = []
    by_source: dict[str, list[Any]] = {}
    for v in real:
        by_source.setdefault(v.source, []).append(v)
    records = getattr(engine, "sources", None)
    for source, group in by_source.items():
        table = records.table(source) if records is not None else None
        if table is None:  # imported without a CBS record: name its own source, claim no more
            lines.append(t.render("source", lang, source=t.render(
                "source_for", lang, source=source or "?", regions=_figures(group, registry, lang,
                                                               engine.catalog))))
            continue
        definition = records.definition(group[0].indicator, group[0].category, source) if (
            records is not None) else None
        figures = _figures(group, registry, lang, engine.catalog)
        lines.append(t.render("about_real", lang, figures=figures,
                              source=source, title=(table or {}).get("title") or "StatLine",
                              modified=(table or {}).get("modified") or "?",
                              downloaded=str((table or {}).get("downloaded") or "?")[:10]))
        if definition and definition.get("definition_nl"):
            age = f" ({definition['age_range']})" if definition.get("age_range") else ""
            text = definition["definition_nl"]
            basis = definition.get("region_basis") or ""
            if basis and basis not in text:
                text = f"{text} {basis}"
            line = t.render("about_real_definition", lang, age=age, definition=text)
            if line not in lines:  # two tables (2015-2020, 2021-) share one definition
                lines.append(line)
    sums = [v for v in real if registry.get(v.region).level in ("swv_po", "swv_vo")]
    if sums:
        lines.append(t.render("about_swv_sum", lang, figures=fm.listing(
            [region_name(registry, v.region, lang) for v in sums], lang)))
    if demo:
        lines.append(t.render("about_demo", lang,
                              figures=_figures(demo, registry, lang, engine.catalog),
                              definition=lb.definition_text(engine, indicator, lang),
                              source=lb.source_text(engine, indicator, lang)))
    return lines


def _demo_only(engine: Any, indicator: str, lang: str) -> list[str]:
    t = templates()
    parts = []
    definition = lb.definition_text(engine, indicator, lang)
    if definition:
        parts.append(t.render("definition", lang, definition=definition))
    source = lb.source_text(engine, indicator, lang)
    if source:
        parts.append(t.render("source", lang, source=source))
    return parts


def demo_notices(registry: Any, values: list[Any], lang: str, catalog: lb.Catalog
                 ) -> list[Notice]:
    """No notice without demo figures; the general one when all are demo; else one naming them
    (``catalog``: the composition root's, for the names of the categories)."""
    values = _unique(values)
    demo = [v for v in values if getattr(v, "demo", True)]
    if not demo:
        return []
    if len(demo) == len(values):
        return [Notice(kind="demo", text=templates().render("demo", lang))]
    figures = _figures(demo, registry, lang, catalog)
    cbs = all(str(getattr(v, "source", "")).startswith("CBS") for v in values
              if not getattr(v, "demo", True))
    name = "demo_some" if cbs else "demo_some_imported"
    return [Notice(kind="demo", text=templates().render(name, lang, figures=figures))]

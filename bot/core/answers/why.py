"""The answer to "waarom?" / "wat is de bron?": the figures of the previous answer, named as the
answers name them, which parts of the question were taken from elsewhere, and the figures'
definition and source lines (the explanation is itself an answer with numbers, so it carries
them too)."""

from __future__ import annotations

from typing import Any

from bot.core.answers import labels as lb
from bot.core.answers.evidence import region_name
from bot.core.answers.format import fmt_counts, fmt_value
from bot.core.answers.provenance import about_lines
from bot.core.messages import Fact
from indicators import formatting as fm
from prompts.loader import templates

# where a slot may come from besides the question itself (model.Origin), in the order shown
_ORIGINS = ("context", "profile", "clarification", "default")
_SLOTS = ("indicator", "category", "regions", "year", "years")


def fact_lines(engine: Any, registry: Any, facts: list[Fact], lang: str) -> list[str]:
    """One line per figure: its own label (with the group), the region, the year, the value."""
    t = templates()
    lines = []
    for fact in facts:
        label = lb.indicator_label(engine, fact.indicator, fact.category, lang)
        name = region_name(registry, fact.region, lang)
        if fact.excluding:  # the figure is the rest of the SWV, not the SWV itself
            name = t.render("rest_name", lang, region=region_name(registry, fact.excluding, lang))
        value = fmt_value(fact, lang) + fmt_counts(fact, lang)
        lines.append(f"- {label[:1].upper()}{label[1:]}, {name}, {fact.year}: {value}")
    return lines


def passage_lines(passages: list[dict[str, Any]]) -> list[str]:
    """One line per quoted passage, labelled as its citation was: "title — heading" (evidence
    stored before titles were kept names the file instead)."""
    lines = []
    for p in passages:
        title, heading = p.get("title") or p["source"], p.get("heading") or ""
        lines.append(f"- {title} — {heading}" if heading and heading != title else f"- {title}")
    return lines


def origin_lines(origins: dict[str, str], lang: str) -> list[str]:
    """A sentence per kind of origin that is not the question itself (nothing when every part
    was in the question), in the user's words, never the internal slot names."""
    t = templates()
    lines = []
    for origin in _ORIGINS:
        parts = [t.render(f"why_part_{slot}", lang) for slot in _SLOTS
                 if origins.get(slot) == origin]
        if parts:
            lines.append(t.render(f"why_from_{origin}", lang, parts=fm.listing(parts, lang)))
    return lines


def about_facts(engine: Any, registry: Any, facts: list[Fact], lang: str) -> list[str]:
    """The definition and source lines of the figures, per indicator in the order shown."""
    lines: list[str] = []
    for indicator in dict.fromkeys(f.indicator for f in facts):
        for line in about_lines(engine, registry, [f for f in facts if f.indicator == indicator],
                                indicator, lang):
            if line not in lines:
                lines.append(line)
    return lines

"""OOGO answers: the region's discussion points (through the ``Points`` port), or a fallback,
and the offer of the preparation document.

The points generator owns the evidence and the ranking; this module only turns its answer into
a ``Reply`` (facts, passages, regions). Without a region, or if the generator is unavailable, the
answer combines the knowledge passages about typical OOGO topics with the region's notable
indicator differences against Nederland.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from bot.core.answers.evidence import region_name, region_refs, to_fact
from bot.core.answers.format import count_word, fmt_value
from bot.core.answers.knowledge import citations_of, extract_answer
from bot.core.answers.provenance import demo_notices
from bot.core.answers.simple import render
from bot.core.messages import DocumentOffer, Fact, Passage, Reply
from bot.core.ports import Figures, Points
from prompts.loader import templates

if TYPE_CHECKING:  # pragma: no cover
    from indicators.registry import RegionRegistry

logger = logging.getLogger(__name__)


def points_reply(points: Points, registry: RegionRegistry, region: str, lang: str,
                 question: str = "", conversation_id: str | None = None) -> Reply | None:
    """The points port's answer as a reply, or None when no points could be made. The regioscan
    this conversation completed enters the points (only this conversation's own)."""
    try:
        answer = points.points(region, lang, question, conversation_id)
    except Exception:  # noqa: BLE001 - fall back to the simple answer
        logger.warning("discussion points failed for %s", region, exc_info=True)
        return None
    if answer is None:
        return None
    facts = answer.facts
    text = spell_unfounded_percentages(answer.text, facts, lang)
    demo = answer.demo and bool(facts)
    passages = answer.passages[:3]
    # the points text says itself that its figures are demonstration data
    # the agenda: definition and source lines per kind of figure once real figures are among
    # them (an explained point carries them in its text)
    return Reply(text=text, intent="oogo", facts=facts, passages=passages, about=answer.about,
                 citations=citations_of(passages),
                 regions=region_refs(registry, [region] + [f.region for f in facts]),
                 demo_data=demo, language=lang)


def report_offer(registry: RegionRegistry, region: str, lang: str,
                 formats: list[str] | None = None) -> DocumentOffer:
    """The preparation document of ``region`` on offer (a channel makes it a download)."""
    name = region_name(registry, region, lang)
    return DocumentOffer(kind="report", label=templates().render("report_label", lang,
                                                                 region=name),
                         region=region, formats=formats or ["pdf", "html", "md"])


PERCENT = re.compile(r"(?<![\d.,])(\d{1,2})\s?%")


PARENTHETICAL = re.compile(r"\s*\(([^()]*?)\)")


def spell_unfounded_percentages(text: str, facts: list[Fact], lang: str) -> str:
    """Keep only percentages that are facts: thresholds such as 'de hoogste 5%' are written in
    words, and a bracketed derived figure such as '(gemiddeld 29,7%)' is left out."""
    values = [f.value for f in facts if f.value is not None]

    def founded(number: str) -> bool:
        return any(abs(float(number.replace(",", ".")) - v) < 0.051 for v in values)

    def drop(match: re.Match[str]) -> str:
        numbers = re.findall(r"(\d+(?:[.,]\d+)?)\s?%", match.group(1))
        if any(not founded(n) and not (n.isdigit() and int(n) <= 10) for n in numbers):
            return ""
        return match.group(0)

    text = PARENTHETICAL.sub(drop, text)

    def repl(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if any(abs(number - v) < 0.051 for v in values) or number > 10:
            return match.group(0)
        return f"{count_word(number, lang)} {'procent' if lang == 'nl' else 'percent'}"

    return PERCENT.sub(repl, text)


def fallback_oogo(figures: Figures, region: str | None, lang: str,
                  passages: list[Passage], channel: str = "") -> Reply:
    """Typical OOGO topics from the documents plus the region's values set against Nederland."""
    t = templates()
    lines: list[str] = []
    facts = []
    if region:
        lines.append(t.render("oogo_figures", lang, region=region_name(figures.registry,
                                                                          region, lang)))
        engine = figures.indicators
        for indicator in [i for i, d in engine.catalog.items() if "totaal" in d.charted]:
            try:
                comparison = engine.compare(indicator, region, "NL01", "totaal", None)
            except Exception:  # noqa: BLE001
                continue
            a, b = comparison.a, comparison.b
            facts += [to_fact(a), to_fact(b)]
            lines.append(f"- {indicator}: {fmt_value(a, lang)} "
                         f"({'Nederland' if lang == 'nl' else 'the Netherlands'}: "
                         f"{fmt_value(b, lang)}, {a.year})")
        lines.append("")
    else:
        lines.append(render("oogo_no_region", lang, channel))
    if passages:
        lines.append(t.render("oogo_topics", lang))
        lines.append(extract_answer("onderwerpen agenda OOGO thuiszitters leerlingenvervoer "
                                    "overgang", passages[0]))
    demo = any(f.demo for f in facts)
    return Reply(text="\n".join(lines), intent="oogo", facts=facts, passages=passages,
                 citations=citations_of(passages),
                 notices=demo_notices(figures.registry, facts, lang, figures.catalog),
                 regions=region_refs(figures.registry, [f.region for f in facts]),
                 demo_data=demo, language=lang)

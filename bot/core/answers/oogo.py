"""OOGO answers: the ranked discussion points of ``bot.oogo`` for a region, or a fallback.

The points generator owns the evidence and the ranking; this module only turns its result into
a ``Reply`` (facts, passages, regions). Without a region, or if the generator is unavailable, the
answer combines the knowledge passages about typical OOGO topics with the region's notable
indicator differences against Nederland.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.core.answers.evidence import region_name, region_refs, to_fact
from bot.core.answers.format import fmt_value
from bot.core.answers.knowledge import citations_of, extract_answer
from bot.core.answers.provenance import demo_notices
from bot.core.messages import Passage, Reply
from prompts.loader import templates

logger = logging.getLogger(__name__)
POINT_NUMBER = re.compile(r"\b(?:punt|point)\s*(\d{1,2})\b")


def points_reply(services: Any, region: str, lang: str, question: str = "",
                 own_scan: Any = None) -> Reply | None:
    """The generator's points as a reply, or None when the generator cannot be used.

    ``own_scan``: the asker's own completed regioscan (``bot.oogo.own_scan.own_scan_of(services,
    conversation_id, lang)``, an ``Outcome`` or its ``to_dict()``); None leaves it out."""
    try:
        from bot.oogo.points import generate_points
        from bot.oogo.render import explain_point, render_points
    except ImportError:
        return None
    try:
        result = generate_points(services, region, language=lang, own_scan=own_scan)
    except Exception:  # noqa: BLE001 - fall back to the simple answer
        logger.warning("generate_points failed for %s", region, exc_info=True)
        return None
    number = POINT_NUMBER.search(question.lower())
    text = explain_point(result, int(number.group(1)), lang) if number else \
        render_points(result, lang)
    facts = result.facts
    text = spell_unfounded_percentages(text, facts, lang)
    # the agenda: definition and source lines per kind of figure once real figures are among
    # them (an explained point carries them in its text)
    about = [] if number else list(result.about)
    return Reply(text=text, intent="oogo", facts=facts, passages=result.passages[:3], about=about,
                 regions=region_refs(services.registry, [region] + [f.region for f in facts]),
                 demo_data=bool(result.demo_data) and bool(facts), language=lang)


SMALL = {"nl": ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
                "tien"],
         "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten"]}
PERCENT = re.compile(r"(?<![\d.,])(\d{1,2})\s?%")


PARENTHETICAL = re.compile(r"\s*\(([^()]*?)\)")


def spell_unfounded_percentages(text: str, facts: list[Any], lang: str) -> str:
    """Keep only percentages that are facts: thresholds such as 'de hoogste 5%' are written in
    words, and a bracketed derived figure such as '(gemiddeld 29,7%)' is left out."""
    values = [f.value for f in facts if f.value is not None]

    def founded(number: str) -> bool:
        return any(abs(float(number.replace(",", ".")) - v) < 0.051 for v in values)

    def drop(match: re.Match) -> str:
        numbers = re.findall(r"(\d+(?:[.,]\d+)?)\s?%", match.group(1))
        if any(not founded(n) and not (n.isdigit() and int(n) <= 10) for n in numbers):
            return ""
        return match.group(0)

    text = PARENTHETICAL.sub(drop, text)

    def repl(match: re.Match) -> str:
        number = int(match.group(1))
        if any(abs(number - v) < 0.051 for v in values) or number > 10:
            return match.group(0)
        return f"{SMALL[lang][number]} {'procent' if lang == 'nl' else 'percent'}"

    return PERCENT.sub(repl, text)


def fallback_oogo(services: Any, region: str | None, lang: str,
                  passages: list[Passage]) -> Reply:
    """Typical OOGO topics from the documents plus the region's values set against Nederland."""
    t = templates()
    lines: list[str] = []
    facts = []
    if region:
        lines.append(t.render("oogo_figures", lang, region=region_name(services.registry,
                                                                          region, lang)))
        engine = services.indicators
        for indicator in ("jeugdzorg", "neet"):
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
        lines.append(t.render("oogo_no_region", lang))
    if passages:
        lines.append(t.render("oogo_topics", lang))
        lines.append(extract_answer("onderwerpen agenda OOGO thuiszitters leerlingenvervoer "
                                    "overgang", passages[0]))
    demo = any(f.demo for f in facts)
    return Reply(text="\n".join(lines), intent="oogo", facts=facts, passages=passages,
                 citations=citations_of(passages),
                 notices=demo_notices(services.registry, facts, lang),
                 regions=region_refs(services.registry, [f.region for f in facts]),
                 demo_data=demo, language=lang)

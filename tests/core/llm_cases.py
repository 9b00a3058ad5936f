"""Template answers for the tests of the LLM claim check, picked by what they claim.

The answers are built as the assistant builds them (``answer_indicator`` from an
``Understanding``), for many kinds of questions, gemeenten, partnerships, Nederland and both
languages. Tests pick an answer by its claims ("a comparison that is significant but not
relevant", "a flat trend"), and write every expected number from the answer's own facts, so
nothing here depends on the demonstration figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from bot.core.llm.check import check_answer
from indicators import formatting as fm

GEMEENTEN = ["GM0363", "GM0193", "GM0150", "GM0014", "GM0935", "GM0344", "GM0855", "GM0153",
             "GM0080", "GM0687", "GM0200", "GM0164", "GM0034", "GM0518", "GM0599"]
OTHERS = ["VO2305", "PO2707", "NL01"]
# the kinds of indicator answers: understanding slots (``swv``: with the gemeente's own
# partnership of the category; ``other``: a second region)
KINDS: dict[str, dict[str, Any]] = {
    "value": dict(indicator="neet", mode="value"),
    "value_vso": dict(indicator="jeugdzorg", category="vso", mode="value"),
    "national": dict(indicator="jeugdzorg", mode="national"),
    "swv": dict(indicator="neet", mode="swv", swv=True),
    "swv_so": dict(indicator="jeugdzorg", category="so", mode="swv", swv=True),
    "swv_total": dict(indicator="jeugdzorg", mode="swv", swv=True),
    "trend": dict(indicator="jeugdzorg", mode="trend", intent="trend"),
    "trend_neet": dict(indicator="neet", mode="trend", intent="trend"),
    "trend_zorgtype": dict(indicator="jeugdzorg", category="jeugdbescherming", mode="trend",
                           intent="trend"),
    "peers": dict(indicator="neet", mode="peers"),
    "position": dict(indicator="jeugdzorg", mode="position"),
    "onderwijssoort": dict(indicator="jeugdzorg", mode="breakdown", query="per onderwijssoort"),
    "zorgtype": dict(indicator="jeugdzorg", mode="breakdown", query="per zorgtype"),
    "risks": dict(indicator="neet_rr", mode="value"),
    "risk_pro": dict(indicator="neet_rr", category="pro", mode="value"),
    "jeugdhulp": dict(indicator="jeugdzorg", mode="value", asked_term="jeugdhulp"),
    "ranking": dict(indicator="jeugdzorg", mode="ranking"),
    "regions": dict(indicator="neet", mode="regions", other="GM0150"),
}
_CACHE: dict[tuple[str, str, str], Any] = {}


def answer(services: Any, kind: str, code: str, lang: str = "nl") -> Any | None:
    """The template answer of one kind for one region (None when there is none)."""
    from bot.core.answers.indicator import answer_indicator
    from bot.core.understanding.model import Understanding

    key = (kind, code, lang)
    if key not in _CACHE:
        slots = dict(KINDS[kind])
        swv, other = slots.pop("swv", False), slots.pop("other", None)
        regions = [code]
        if swv:
            try:
                regions.append(services.indicators.swv_for(code, slots.get("category")
                                                           or "totaal"))
            except Exception:  # noqa: BLE001 - no partnership for this region
                _CACHE[key] = None
                return None
        if other and other != code:
            regions.append(other)
        slots.setdefault("intent", "indicator" if slots["mode"] == "value" else "compare")
        reply = answer_indicator(Understanding(regions=regions, language=lang, **slots),
                                 services, charts=False)
        _CACHE[key] = reply if reply.facts else None
    return _CACHE[key]


def answers(services: Any, kind: str, lang: str = "nl",
            codes: list[str] | None = None) -> Iterator[Any]:
    for code in codes or GEMEENTEN:
        reply = answer(services, kind, code, lang)
        if reply is not None:
            yield reply


def find(services: Any, kind: str, claim: Callable[[dict], bool], lang: str = "nl",
         codes: list[str] | None = None) -> tuple[Any, dict] | None:
    """The first answer of ``kind`` with a claim for which ``claim`` holds, and that claim."""
    for reply in answers(services, kind, lang, codes):
        for item in reply.debug.get("claims", []):
            if claim(item):
                return reply, item
    return None


def check(services: Any, text: str, reply: Any) -> Any:
    return check_answer(text, reply, services.registry)


def shown(value: float | None, lang: str = "nl", unit: str = "%") -> str:
    """A figure as the answer writes it, without its unit word: "4,8" / "3,5"."""
    return fm.bare(value, unit, lang)


def name(services: Any, code: str, lang: str = "nl") -> str:
    from bot.core.answers.evidence import region_name

    return region_name(services.registry, code, lang)


def fact(reply: Any, region: str, category: str | None = None, year: int | None = None) -> Any:
    return next(f for f in reply.facts if f.region == region
                and (category is None or f.category == category)
                and (year is None or f.year == year))


def count(value: int, lang: str = "nl") -> str:
    return fm.integer(value, lang)

"""The assistant's own functions as LangChain tools, for an LLM that wants to look things up.

Each tool computes with the same engine and knowledge base as the templates and records what it
returns in the ``ToolSink``: every value as a ``Fact``, every comparison and trend as a claim (in
the form of ``Reply.debug["claims"]``) and every passage, so the grounding check knows exactly
what the LLM was told and may say.
Tools never raise: a bad region or indicator comes back as a short message the LLM can relay.
LangChain is imported inside ``make_tools`` only.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.answers.context import comparison_claim
from bot.core.answers.evidence import to_fact
from bot.core.answers.series import trend_claim
from bot.core.messages import Fact, Passage

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.ports import Knowledge
    from indicators.engine import IndicatorEngine
    from indicators.registry import RegionRegistry

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class ToolSink:
    """What the tools told the LLM: facts, claims and passages."""

    facts: list[Fact] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)


class FigureParts(Protocol):
    """What the tools compute with: the region registry and the indicator engine."""

    @property
    def registry(self) -> RegionRegistry: ...

    @property
    def indicators(self) -> IndicatorEngine: ...


def _code(services: FigureParts, region: str) -> str:
    res = services.registry.resolve(region)
    if res.region is None:
        raise LookupError(res.message or f"Onbekende regio: {region}")
    return res.region.code


def _value_dict(value: Any) -> dict:
    return {"indicator": value.indicator, "region": value.region, "category": value.category,
            "year": value.year, "value": value.value, "unit": value.unit,
            "numerator": value.numerator, "denominator": value.denominator,
            "suppressed": value.suppressed}


def make_tools(services: FigureParts, sink: ToolSink, kb: Knowledge | None = None) -> list[Any]:
    """LangChain tools for lookup, compare, trend, peers and knowledge search."""
    from langchain_core.tools import StructuredTool

    engine = services.indicators

    def guarded(func: Any) -> Any:
        @functools.wraps(func)
        def run(**kwargs: Any) -> str:
            try:
                return json.dumps(func(**kwargs), ensure_ascii=False)
            except Exception as exc:  # noqa: BLE001 - the LLM gets the message, not a trace
                logger.info("tool %s failed: %s", func.__name__, exc)
                return json.dumps({"error": str(exc)}, ensure_ascii=False)
        return run

    def keep(value: Any) -> dict:
        sink.facts.append(to_fact(value))
        return _value_dict(value)

    def indicator_lookup(indicator: str, region: str, category: str = "totaal",
                         year: int | None = None) -> dict:
        """One value of indicator jeugdzorg|neet|neet_rr for a region (name or code)."""
        return keep(engine.lookup(indicator, _code(services, region), category, year))

    def indicator_compare(indicator: str, region: str, other: str = "NL01",
                          category: str = "totaal", year: int | None = None) -> dict:
        """Compare a region with another region, its SWV or Nederland (NL01). Against its
        own SWV a gemeente is tested against the rest of it (``tested_against``)."""
        c = engine.compare(indicator, _code(services, region), _code(services, other),
                           category, year)
        rest = getattr(c.shown, "excluding", "") or ""
        label = (f"de rest van het samenwerkingsverband, zonder "
                 f"{services.registry.get(rest).name}") if rest else None
        sink.claims.append(comparison_claim(c, label))
        out = {"a": keep(c.a), "b": keep(c.b), "direction": c.direction,
               "significant": c.significant, "relevant": getattr(c, "relevant", False)}
        if rest:
            out["tested_against"] = {"name": label, "numerator": c.shown.numerator,
                                     "denominator": c.shown.denominator}
        return out

    def indicator_trend(indicator: str, region: str, category: str = "totaal") -> dict:
        """All years of an indicator for a region, with the direction of change (gestegen or
        gedaald only when significant and relevant)."""
        t = engine.trend(indicator, _code(services, region), category)
        if t.first_year and t.last_year:
            sink.claims.append(trend_claim(t))
        return {"values": [keep(v) for v in t.values], "direction": t.direction,
                "significant": t.significant, "relevant": getattr(t, "relevant", False)}

    def indicator_peers(indicator: str, region: str, category: str = "totaal") -> dict:
        """A gemeente and the gemeenten most alike in size and density."""
        p = engine.compare_peers(indicator, _code(services, region), category)
        return {"region": keep(p.region), "peers": [keep(v) for v in p.peers]}

    def knowledge_search(query: str) -> list[dict]:
        """Passages from the OOGO, handleiding, regioscan and bronnen documents."""
        if kb is None:
            return []
        hits = kb.search(query, k=3)
        sink.passages.extend(Passage(source=h.source, title=getattr(h, "title", "") or "",
                                     text=h.text, heading=getattr(h, "heading", "") or "")
                             for h in hits)
        return [{"source": h.source, "heading": h.heading, "text": h.text[:1200]} for h in hits]

    funcs = [indicator_lookup, indicator_compare, indicator_trend, indicator_peers,
             knowledge_search]
    return [StructuredTool.from_function(guarded(f), name=f.__name__, description=f.__doc__,
                                         args_schema=None, infer_schema=True) for f in funcs]

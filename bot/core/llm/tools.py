"""The assistant's own functions as LangChain tools, for an LLM that wants to look things up.

Each tool computes with the same engine and knowledge base as the templates and records every
value it returns as a ``Fact`` in ``sink``, so the grounding check knows what the LLM was told.
Tools never raise: a bad region or indicator comes back as a short message the LLM can relay.
LangChain is imported inside ``make_tools`` only.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

from bot.core.answers.evidence import to_fact
from bot.core.messages import Fact

logger = logging.getLogger(__name__)


def _code(services: Any, region: str) -> str:
    res = services.registry.resolve(region)
    if res.region is None:
        raise LookupError(res.message or f"Onbekende regio: {region}")
    return res.region.code


def _value_dict(value: Any) -> dict:
    return {"indicator": value.indicator, "region": value.region, "category": value.category,
            "year": value.year, "value": value.value, "unit": value.unit,
            "numerator": value.numerator, "denominator": value.denominator,
            "suppressed": value.suppressed}


def make_tools(services: Any, sink: list[Fact], kb: Any | None = None) -> list[Any]:
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
        sink.append(to_fact(value))
        return _value_dict(value)

    def indicator_lookup(indicator: str, region: str, category: str = "totaal",
                         year: int | None = None) -> dict:
        """One value of indicator jeugdzorg|neet|neet_rr for a region (name or code)."""
        return keep(engine.lookup(indicator, _code(services, region), category, year))

    def indicator_compare(indicator: str, region: str, other: str = "NL01",
                          category: str = "totaal", year: int | None = None) -> dict:
        """Compare a region with another region, its SWV or Nederland (NL01)."""
        c = engine.compare(indicator, _code(services, region), _code(services, other),
                           category, year)
        return {"a": keep(c.a), "b": keep(c.b), "significant": c.significant,
                "direction": c.direction}

    def indicator_trend(indicator: str, region: str, category: str = "totaal") -> dict:
        """All years of an indicator for a region, with the direction of change."""
        t = engine.trend(indicator, _code(services, region), category)
        return {"values": [keep(v) for v in t.values], "direction": t.direction}

    def indicator_peers(indicator: str, region: str, category: str = "totaal") -> dict:
        """A gemeente and the gemeenten most alike in size and density."""
        p = engine.compare_peers(indicator, _code(services, region), category)
        return {"region": keep(p.region), "peers": [keep(v) for v in p.peers]}

    def knowledge_search(query: str) -> list[dict]:
        """Passages from the OOGO, handleiding, regioscan and bronnen documents."""
        if kb is None:
            return []
        return [{"source": h.source, "heading": h.heading, "text": h.text[:1200]}
                for h in kb.search(query, k=3)]

    funcs = [indicator_lookup, indicator_compare, indicator_trend, indicator_peers,
             knowledge_search]
    return [StructuredTool.from_function(guarded(f), name=f.__name__, description=f.__doc__,
                                         args_schema=None, infer_schema=True) for f in funcs]

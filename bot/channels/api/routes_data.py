"""Data endpoints: regions, indicator values, charts and the OOGO report of a region.

Every number comes from the indicator engine, with year, region and source, and the ``demo_data``
flag says when the shipped demonstration data is in use. Counts under 10 are suppressed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import anyio
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from bot.channels.api.deps import Caller, caller_of, services_of
from bot.channels.api.serialize import jsonable, suppress_small_counts
from bot.channels.api.texts import text

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["data"])


def region_json(region: Any) -> dict[str, str]:
    return {"code": region.code, "name": region.name, "level": region.level}


def _resolve(services: Services, value: str, what: str = "what_region") -> Any:
    """A Region for a code or name; 404 (Dutch) when unknown or ambiguous. ``what`` names the
    template of the word for the region in the message."""
    registry = services.registry
    value = value.strip()
    try:
        return registry.get(value.upper())
    except Exception:  # UnknownRegion (or KeyError): try it as a name
        pass
    resolution = registry.resolve(value)
    if getattr(resolution, "region", None) is not None:
        return resolution.region
    candidates = list(getattr(resolution, "candidates", []) or [])
    if candidates:
        names = ", ".join(f"{c.name} ({c.code})" for c in candidates[:5])
        raise HTTPException(404, text("region_ambiguous", what=text(what), value=value,
                                      names=names))
    raise HTTPException(404, text("region_unknown", what=text(what), value=value))


@router.get("/regions")
async def regions(request: Request, q: str = Query("", max_length=80),
                  limit: int = Query(10, ge=1, le=50),
                  caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    services = services_of(request)
    return {"query": q, "matches": await anyio.to_thread.run_sync(search_regions, services, q,
                                                                     limit)}


def search_regions(services: Services, q: str, limit: int) -> list[dict[str, str]]:
    """Exact code, resolver hit and candidates first, then names starting with / containing q."""
    registry = services.registry
    q = q.strip()
    if not q:
        return []
    found: dict[str, Any] = {}
    try:
        region = registry.get(q.upper())
        found[region.code] = region
    except Exception:
        pass
    resolution = registry.resolve(q)
    for region in [getattr(resolution, "region", None),
                   *(getattr(resolution, "candidates", None) or [])]:
        if region is not None:
            found.setdefault(region.code, region)
    from indicators.names import normalize

    needle = normalize(q)
    names = registry.names()
    ranked = sorted(names.items(), key=lambda kv: (not kv[0].startswith(needle), len(kv[0])))
    for name, codes in ranked:
        if len(found) >= limit:
            break
        if needle and needle in name:
            for code in codes:
                found.setdefault(code, registry.get(code))
    for region in getattr(resolution, "suggestions", None) or []:
        if len(found) >= limit:
            break
        found.setdefault(region.code, region)
    return [region_json(r) for r in list(found.values())[:limit]]


def _source(engine: Any, indicator: str) -> str:
    definition = engine.catalog[indicator]
    return getattr(definition, "source", "") or ""


def indicator_values(services: Services, indicator: str, region: str, compare: str | None,
                     category: str, year: int | None) -> dict[str, Any]:
    engine = services.indicators
    if indicator not in engine.catalog:
        known = ", ".join(sorted(engine.catalog))
        raise HTTPException(404, text("indicator_unknown", indicator=indicator, known=known))
    definition = engine.catalog[indicator]
    main = _resolve(services, region)
    year = year or engine.latest_year(indicator)
    try:
        value = engine.lookup(indicator, main.code, category=category, year=year)
    except Exception as exc:
        raise HTTPException(404, text("no_value", indicator=indicator, region=main.name,
                                      category=category, year=year)) from exc
    data: dict[str, Any] = {
        "indicator": indicator,
        "label": getattr(definition, "label_nl", indicator),
        "definition": getattr(definition, "definition_nl", ""),
        "unit": getattr(definition, "unit", ""),
        "source": _source(engine, indicator) if value.demo else value.source,
        "demo_data": bool(value.demo),
        "year": year,
        "category": category,
        "region": region_json(main),
        "value": suppress_small_counts(jsonable(value)),
        "years_available": list(engine.years(indicator)),
    }
    if value.demo:
        data["notice"] = text("demo_notice")
    if compare:
        other = _resolve(services, compare, "what_compare_region")
        try:
            comparison = engine.compare(indicator, main.code, other.code, category, year)
        except Exception as exc:
            from indicators.sources import MixedSources

            if isinstance(exc, MixedSources):  # real against demo: refused, say why
                raise HTTPException(409, str(exc)) from exc
            raise HTTPException(404, text("no_comparison", region=other.name, year=year)) from exc
        result = jsonable(comparison)
        for key in ("a", "b"):
            if isinstance(result.get(key), dict):
                suppress_small_counts(result[key])
        data["compare"] = {"region": region_json(other), **result}
    return data


@router.get("/indicators/{indicator}")
async def indicator(request: Request, indicator: str,
                    region: str = Query("NL01", max_length=80),
                    compare: str | None = Query(None, max_length=80),
                    category: str = Query("totaal", max_length=40),
                    year: int | None = Query(None, ge=2000, le=2100),
                    caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    return await anyio.to_thread.run_sync(indicator_values, services_of(request), indicator,
                                          region, compare, category, year)


@router.get("/charts/indicator.png", response_class=Response)
async def indicator_chart(request: Request, indicator: str = Query(..., max_length=20),
                          region: str = Query(..., max_length=80),
                          compare: str | None = Query(None, max_length=80),
                          category: str = Query("totaal", max_length=40),
                          year: int | None = Query(None, ge=2000, le=2100),
                          caller: Caller = Depends(caller_of)) -> Response:
    def render() -> bytes:
        from bot.channels.api.charts_direct import render_indicator_chart

        return render_indicator_chart(services_of(request), indicator,
                                      _resolve(services_of(request), region),
                                      _resolve(services_of(request), compare) if compare else None,
                                      category, year)

    png = await anyio.to_thread.run_sync(render)
    return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=300"})


@router.get("/charts/{chart_id}.png", response_class=Response)
async def chart(request: Request, chart_id: str,
                caller: Caller = Depends(caller_of)) -> Response:
    png = request.app.state.charts.get(chart_id)
    if png is None:
        raise HTTPException(404, text("chart_gone"))
    return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600"})


@router.get("/reports/{region}.{fmt}", response_class=Response)
async def report(request: Request, region: str, fmt: str,
                 conversation_id: str | None = Query(
                     None, max_length=100,
                     description="Gesprek-id van de pagina: je afgeronde regioscan telt mee"),
                 caller: Caller = Depends(caller_of)) -> Response:
    from bot.channels.api.reports import MEDIA, REPORT_FORMATS

    if fmt not in REPORT_FORMATS:
        raise HTTPException(404, text("report_formats"))
    services = services_of(request)
    target = _resolve(services, region)
    cid = caller.conversation(conversation_id) if conversation_id else None

    def render() -> bytes:
        from bot.channels.api.reports import render_report

        return render_report(services, target.code, fmt, cid)

    body = await anyio.to_thread.run_sync(render)
    filename = f"oogo-rapport-{target.code}.{fmt}"
    disposition = "inline" if fmt == "html" else "attachment"
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})

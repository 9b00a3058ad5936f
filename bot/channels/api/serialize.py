"""The JSON shape of a ``Reply`` on the HTTP channel.

Like ``Reply.to_contract`` (the ``oogo ask --json`` object) but with everything a chat page
needs: buttons, charts as URLs (the PNGs go to the chart cache), progress and the answer id for
feedback. Counts under 10 never leave the server as numbers.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from typing import Any

import orjson
from fastapi.responses import JSONResponse

from bot.channels.api.charts_cache import ChartCache
from bot.core.messages import Reply
from indicators import formatting as fm

SUPPRESSED_LABEL = fm.SUPPRESSED["nl"]  # the JSON label of a hidden count (DESIGN.md)
_ORJSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY  # as ``json`` would


def suppress_small_counts(data: dict[str, Any]) -> dict[str, Any]:
    """Replace numerators/denominators under 10 by null plus the label 'minder dan 10'."""
    for key in ("numerator", "denominator"):
        value = data.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 10:
            data[key] = None
            data[f"{key}_label"] = SUPPRESSED_LABEL
            data["suppressed_count"] = True
    return data


def jsonable(value: Any) -> Any:
    """Dataclasses, tuples and numpy scalars to plain JSON values (NaN becomes null)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        return jsonable(value.item())
    return str(value)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return names


def _flat_dict(item: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` of a flat part of a reply (a region, notice, citation, document
    offer or progress: strings, numbers and lists of strings), with the lists copied as asdict
    does. Why not asdict: its recursive deep copy took a third of ``reply_to_json`` (issue 18)."""
    data = {}
    for name in _field_names(type(item)):
        value = getattr(item, name)
        data[name] = list(value) if isinstance(value, list) else value
    return data


class ReplyResponse(JSONResponse):
    """A reply's JSON as the HTTP response, written by orjson: the same compact JSON as
    Starlette's ``JSONResponse`` in a tenth of the time for a 3 KB reply (about 40 µs of a chat
    turn, issue 18). A value orjson refuses (see ``bot.storage.text``) is written as before."""

    def render(self, content: Any) -> bytes:
        try:
            return orjson.dumps(content, option=_ORJSON_OPTIONS)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            return super().render(content)


def reply_to_json(reply: Reply, charts: ChartCache, chart_prefix: str = "/api/charts") -> dict:
    """The full reply for the web page and integrations."""
    return {
        "answer_id": reply.answer_id,
        "intent": reply.intent,
        "text": reply.text,
        "language": reply.language,
        "buttons": [{"label": b.label, "value": b.value} for b in reply.buttons],
        "options": list(reply.options),
        "followups": list(reply.followups),
        "facts": [suppress_small_counts(f.to_contract()) for f in reply.facts],
        "passages": [p.to_contract() for p in reply.passages],
        "charts": [
            {"url": f"{chart_prefix}/{charts.put(c.png)}.png", "title": c.title, "alt": c.alt}
            for c in reply.charts
        ],
        "regions": [_flat_dict(r) for r in reply.regions],
        "demo_data": reply.demo_data,
        "progress": _flat_dict(reply.progress) if reply.progress else None,
        "about": list(reply.about),
        "notices": [_flat_dict(n) for n in reply.notices],
        "citations": [_flat_dict(c) for c in reply.citations],
        "documents": [_flat_dict(d) for d in reply.documents],
        "scan_result": jsonable(reply.scan_result) if reply.scan_result else None,
        "full_text": reply.full_text(),
    }

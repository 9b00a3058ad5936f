"""The asker's own completed regioscan, in the shape the points and the report need.

Why a module: the chat stores a completed scan as a submitted ``ScanRecord`` with its answers
(``bot/storage/scan_store.py``); its outcome is computed by the regioscan
(``RegioscanService.outcome_of``, ``bot.regioscan.outcome.Outcome``). The conversation core
passes that outcome to ``generate_points(..., own_scan=...)`` and ``build_report(...,
own_scan=...)`` as an ``Outcome``, as ``Outcome.to_dict()``, or as the ``{"kind": "own", ...}``
dict of ``Reply.scan_result`` / ``ports.ScanOutcome``; ``own_scan_of`` looks it up for a
conversation. Only the caller's own scan is ever passed: there is no lookup by user or region
here, so nobody's answers reach another person's points.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)


@dataclass(slots=True)
class OwnTheme:
    """One theme of the own scan: the mean of the scored statements, the lowest ones."""

    key: str
    name: str
    mean: float | None
    answered: int
    size: int
    weakest: list[tuple[str, int]] = field(default_factory=list)  # (statement, score)
    discuss: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OwnScan:
    """The asker's own outcome: per theme the mean on the 1-5 scale."""

    themes: list[OwnTheme]
    answered: int
    total: int
    scale: tuple[float, float] = (1.0, 5.0)
    ref: str = ""

    def numbers(self) -> set[float]:
        """Every number this view can put in a text, as shown."""
        out = {float(self.answered), float(self.total), *self.scale}
        for theme in self.themes:
            out.update({float(theme.answered), float(theme.size)})
            if theme.mean is not None:
                out.update({round(theme.mean, 1), round(theme.mean, 2)})
            out.update(float(score) for _, score in theme.weakest)
        return out


def _get(obj: Any, name: str, default: Any = None) -> Any:
    return obj.get(name, default) if isinstance(obj, Mapping) else getattr(obj, name, default)


def _theme(item: Any) -> OwnTheme:
    weakest = [(str(_get(s, "text", "")), int(_get(s, "value", 0)))
               for s in _get(item, "weakest", ()) or ()]
    answered = int(_get(item, "answered", 0) or 0)
    size = answered + int(_get(item, "dont_know", 0) or 0) + int(_get(item, "unanswered", 0) or 0)
    mean = _get(item, "mean")
    return OwnTheme(key=str(_get(item, "theme_id", "")), name=str(_get(item, "name", "")),
                    mean=None if mean is None else float(mean), answered=answered, size=size,
                    weakest=weakest, discuss=[str(d) for d in _get(item, "discuss", ()) or ()])


def own_scan_view(own: Any) -> OwnScan | None:
    """Normalise what the core passes; ``None`` for nothing, a round result or a broken value."""
    if own is None or isinstance(own, OwnScan):
        return own
    if hasattr(own, "data") and hasattr(own, "kind"):  # the core's ports.ScanOutcome
        kind, data, ref = own.kind, own.data, own.ref
    else:  # an Outcome, its to_dict(), or Reply.scan_result
        kind, data, ref = _get(own, "kind", "own"), own, _get(own, "ref", "")
    if kind != "own":
        return None  # a round's result enters only as the region's newest closed round
    try:
        themes = [_theme(t) for t in _get(data, "themes", ()) or ()]
        scale = tuple(float(x) for x in (_get(_get(data, "chart", {}) or {}, "scale") or (1, 5)))
        view = OwnScan(themes=themes, answered=int(_get(data, "answered", 0) or 0),
                       total=int(_get(data, "total", 0) or 0),
                       scale=(scale[0], scale[-1]), ref=str(ref or ""))
    except (TypeError, ValueError, AttributeError):
        log.warning("own regioscan outcome not understood; left out of the points")
        return None
    return view if any(t.mean is not None for t in view.themes) else None


def own_scan_of(services: Services, conversation_id: str, language: str = "nl") -> Any | None:
    """The outcome of the last scan this conversation submitted, or ``None`` (no database, no
    submitted scan). This is what the core should pass as ``own_scan``."""
    try:
        service = services.regioscan
        record = service.scans.latest_for_conversation(conversation_id, ("submitted",))
        if record is None:
            return None
        return service.outcome_of(service.scans.answers(record.id), language)
    except Exception:  # noqa: BLE001 - no store: the points are made without the own scan
        log.info("own regioscan of a conversation could not be read", exc_info=True)
        return None

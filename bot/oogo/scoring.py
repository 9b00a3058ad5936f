"""How discussion points are scored, in one place so the ranking can be explained and tuned.

Signal scores (all computed from engine values, never from wording):

* size of a difference, ``size`` in 0-1: for percentages Cohen's h,
  ``|2 asin(sqrt(p1)) - 2 asin(sqrt(p2))|``, divided by 0.5 (a "medium" effect) and capped at 1,
  so 0,3% against 0,2% counts as small and 80% against 57% as large; for ratios the relative
  difference ``(a - b) / b``, capped at 1;
* comparison (significantly higher than another region): ``(1 + 2 * size) * w`` with weight
  ``w`` = 1.0 for Nederland, 0.9 for the samenwerkingsverband and for comparable gemeenten;
* trend (significant rise): ``1 + 2 * size`` between the first and the last year;
* position (among the highest 5% of gemeenten): ``1.5``;
* relative risk of NEET: ``1 + 2 * min((rr - rr_nl) / rr_nl, 1)`` plus ``0.5`` when the engine
  finds it significantly higher than the national one;
* regioscan, weak theme or statement: ``1 + 2 * (midpoint - mean) / (midpoint - minimum)``, clipped
  to 0.5-3 (only means below the scale midpoint count);
* regioscan, roles disagree: ``1 + gap / (maximum - minimum) * 4``, clipped to 0.5-3, where ``gap``
  is the largest difference between the role means.

Point score: ``max(signal scores) + 0.5 * (number of other signals, at most 4)``; a standing topic
(thuiszitters, leerlingenvervoer) starts at ``0.5`` so it is listed after topics with a strong
signal. Ties are broken by the number of signals, then by title.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

POSITION_SCORE = 1.5
#: Cohen's h of a 'medium' effect: differences this large get the full size score
MEDIUM_EFFECT = 0.5
STANDING_BASE = 0.5
EXTRA_PER_SIGNAL = 0.5
MAX_EXTRA_SIGNALS = 4
TARGET_WEIGHT = {"nl": 1.0, "swv": 0.9, "peers": 0.9}


def relative(value: float | None, reference: float | None) -> float:
    """Relative difference; 0 when it cannot be computed (no reference, or reference 0)."""
    if value is None or reference in (None, 0):
        return 0.0
    return (float(value) - float(reference)) / abs(float(reference))


def effect(value: float | None, reference: float | None, unit: str) -> float:
    """Size of a difference in 0-1 (see the module docstring): Cohen's h for percentages."""
    if value is None or reference is None:
        return 0.0
    if unit == "%":
        p1 = min(max(float(value) / 100, 0.0), 1.0)
        p2 = min(max(float(reference) / 100, 0.0), 1.0)
        h = abs(2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)))
        return _clip(h / MEDIUM_EFFECT, 0.0, 1.0)
    return _clip(relative(value, reference), 0.0, 1.0)


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def comparison_score(size: float, target: str) -> float:
    return round((1 + 2 * _clip(size, 0.0, 1.0)) * TARGET_WEIGHT.get(target, 0.9), 2)


def trend_score(size: float) -> float:
    return round(1 + 2 * _clip(size, 0.0, 1.0), 2)


def risk_score(rr: float, rr_nl: float, significant: bool) -> float:
    return round(1 + 2 * _clip(relative(rr, rr_nl), 0.0, 1.0) + (0.5 if significant else 0.0), 2)


def scan_weak_score(mean: float, minimum: float, maximum: float) -> float:
    midpoint = (minimum + maximum) / 2
    if midpoint == minimum:
        return 0.5
    return round(_clip(1 + 2 * (midpoint - mean) / (midpoint - minimum), 0.5, 3.0), 2)


def scan_gap_score(gap: float, minimum: float, maximum: float) -> float:
    if maximum == minimum:
        return 0.5
    return round(_clip(1 + gap / (maximum - minimum) * 4, 0.5, 3.0), 2)


def point_score(signal_scores: Sequence[float], standing: bool = False) -> tuple[float, dict]:
    """The point's score and its parts (shown when a user asks why a point is on the list)."""
    scores = sorted(signal_scores, reverse=True)
    strongest = scores[0] if scores else 0.0
    extra = EXTRA_PER_SIGNAL * min(max(len(scores) - 1, 0), MAX_EXTRA_SIGNALS)
    base = STANDING_BASE if standing else 0.0
    if standing:
        strongest = min(strongest, 1.0)
    total = round(base + strongest + extra, 2)
    return total, {"sterkste_signaal": round(strongest, 2), "extra_signalen": round(extra, 2),
                   "vast_onderwerp": base}


def is_rising(trend: Any) -> bool:
    """A significant upward trend, whatever words the engine uses for the direction."""
    if not getattr(trend, "significant", False):
        return False
    direction = str(getattr(trend, "direction", "")).lower()
    if direction in ("gestegen", "stijgend", "hoger", "up", "rising", "stijging", "toename"):
        return True
    if direction in ("gedaald", "dalend", "lager", "down", "falling", "stabiel", "gelijk",
                     "onbekend"):
        return False
    slope = getattr(trend, "slope", None)
    return bool(slope is not None and slope > 0)


def peer_mean(comp: Any, peer_values: Sequence[Any]) -> float | None:
    """The peers' average as the engine reports it (or computed from the peer values it gave)."""
    for name in ("peer_mean", "mean", "peers_mean", "reference"):
        value = getattr(comp, name, None)
        if isinstance(value, int | float):
            return float(value)
        if value is not None and hasattr(value, "value"):
            return float(value.value)
    if peer_values:
        return sum(float(v.value) for v in peer_values) / len(peer_values)
    return None


def fmt_mean(value: float, language: str) -> str:
    text = f"{value:.1f}%"
    return text if language == "en" else text.replace(".", ",")

"""How discussion points are ranked, in one place so the order can be explained and tuned.

Scores order the points; users never see them (the JSON of ``oogo points --json`` keeps them, so
the order can be checked). Only tested findings get a score at all (``findings.py``):

* a comparison that is significant and relevant: ``(1 + 2 * size) * w``; ``size`` in 0-1 is for
  percentages Cohen's h, ``|2 asin(sqrt(p1)) - 2 asin(sqrt(p2))|``, divided by 0.5 (a "medium"
  effect) and capped at 1, so 0,3% against 0,2% counts as small and 80% against 57% as large;
  for relative risks the relative difference, capped at 1. Weight ``w`` = 1.0 for Nederland,
  0.9 for the rest of the samenwerkingsverband and for comparable gemeenten;
* a trend that differs significantly and relevantly from the national trend:
  ``(1 + 2 * size) * 0.9`` with ``size = |log(ratio)| / log(1.5)`` capped at 1 (the region's
  change half again as large or small as the national change counts in full);
* regioscan, weak theme or statement: ``1 + 2 * (midpoint - mean) / (midpoint - minimum)``,
  clipped to 0.5-3 (only means at or below the midpoint count);
* regioscan, roles disagree: ``1 + gap / (maximum - minimum) * 4``, clipped to 0.5-3.

A point's score is its strongest finding plus ``0.5`` for each further figure that supports it
(at most 4). Ties: more evidence first, then the title. Standing topics are not ranked: they come
after the ranked points as questions to ask.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Cohen's h of a 'medium' effect: differences this large get the full size score
MEDIUM_EFFECT = 0.5
#: a regional change this many times the national change (or its inverse) counts in full
FULL_TREND_RATIO = 1.5
EXTRA_PER_SIGNAL = 0.5
MAX_EXTRA_SIGNALS = 4
TARGET_WEIGHT = {"nl": 1.0, "swv": 0.9, "peers": 0.9, "trend": 0.9}


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def relative(value: float | None, reference: float | None) -> float:
    """Relative difference; 0 when it cannot be computed (no reference, or reference 0)."""
    if value is None or reference in (None, 0):
        return 0.0
    return (float(value) - float(reference)) / abs(float(reference))


def effect(value: float | None, reference: float | None, unit: str) -> float:
    """Size of a difference in 0-1 (see the module docstring), either direction."""
    if value is None or reference is None:
        return 0.0
    if unit == "%":
        p1 = _clip(float(value) / 100, 0.0, 1.0)
        p2 = _clip(float(reference) / 100, 0.0, 1.0)
        h = abs(2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)))
        return _clip(h / MEDIUM_EFFECT, 0.0, 1.0)
    return _clip(abs(relative(value, reference)), 0.0, 1.0)


def comparison_score(size: float, target: str) -> float:
    return round((1 + 2 * _clip(size, 0.0, 1.0)) * TARGET_WEIGHT.get(target, 0.9), 2)


def trend_score(log_ratio: float) -> float:
    size = _clip(abs(log_ratio) / math.log(FULL_TREND_RATIO), 0.0, 1.0)
    return round((1 + 2 * size) * TARGET_WEIGHT["trend"], 2)


def scan_weak_score(mean: float, minimum: float, maximum: float) -> float:
    midpoint = (minimum + maximum) / 2
    if midpoint == minimum:
        return 0.5
    return round(_clip(1 + 2 * (midpoint - mean) / (midpoint - minimum), 0.5, 3.0), 2)


def scan_gap_score(gap: float, minimum: float, maximum: float) -> float:
    if maximum == minimum:
        return 0.5
    return round(_clip(1 + gap / (maximum - minimum) * 4, 0.5, 3.0), 2)


def point_score(signal_scores: Sequence[float]) -> tuple[float, dict[str, float]]:
    """The point's score and its parts (kept in the JSON, never shown in a text)."""
    scores = sorted(signal_scores, reverse=True)
    strongest = scores[0] if scores else 0.0
    extra = EXTRA_PER_SIGNAL * min(max(len(scores) - 1, 0), MAX_EXTRA_SIGNALS)
    total = round(strongest + extra, 2)
    return total, {"sterkste_signaal": round(strongest, 2), "extra_signalen": round(extra, 2)}

"""Trends: did a figure change over the years, and did it change differently from the country?

Why apart from the engine: "stijgende cijfers" means something only when the change is real
(significant), large enough to matter (relevant, the same 10% rule as comparisons) and, for an
OOGO point, different from the national change, since a rise everywhere is no local signal.

* ``judge_trend``: the first and the last year with a figure are compared with the tests of
  ``indicators.significance``; "gestegen"/"gedaald" only when significant and relevant, else
  "stabiel" (read "ongeveer gelijk gebleven"); "onbekend" without counts.
* ``compare_trend``: the change of the region (last / first) against the reference's change over
  the same years, tested on the difference of the log ratios, z = d / se with se from the four
  counts (var(log p) = 1/x - 1/n; for relative risks the delta method of ``stats``). Years are
  treated as independent samples, which they are not quite (many children are counted in both
  years); the test is therefore a little strict rather than lenient. When the region is part of
  the reference (a gemeente in Nederland), the reference is the rest without the region.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from indicators import stats
from indicators.significance import (
    MIN_RELEVANT_RATIO,
    NO_TEST,
    compare_values,
    rr_counts_of,
)
from indicators.values import Trend, TrendComparison, Value

TREND_TEST = "z-toets op het verschil van de log-veranderingen (tweezijdig, alpha 0,05)"
WORDS = {"hoger": "gestegen", "lager": "gedaald", "gelijk": "stabiel"}


def same_kind(values: list[Value]) -> list[Value]:
    """The shown figures of the latest shown figure's kind (real or demonstration): a trend never
    runs from a demonstration year to a real one."""
    shown = [v for v in values if v.value is not None]
    return [v for v in shown if v.demo == shown[-1].demo] if shown else []


def judge_trend(indicator: str, values: list[Value], rr_counts: Mapping[tuple, tuple]) -> Trend:
    """A ``Trend`` over ``values`` (ascending years, suppressed ones included)."""
    shown = same_kind(values)
    base = {"indicator": indicator, "region": values[0].region,
            "category": values[0].category, "values": values}
    if len(shown) < 2:
        return Trend(**base, direction="onbekend", change=None, significant=False, test=NO_TEST)
    first, last = shown[0], shown[-1]
    cmp = compare_values(last, first, rr_counts if last.unit == "x" else {})
    direction = WORDS.get(cmp.direction, "onbekend") if cmp.tested else "onbekend"
    return Trend(**base, direction=direction, change=cmp.difference,
                 significant=cmp.significant, test=cmp.test, p_value=cmp.p_value,
                 first_year=first.year, last_year=last.year, relevant=cmp.relevant)


def _log_ratio(first: Value, last: Value, rr_counts: Mapping[tuple, tuple],
               minus: tuple[Value, Value] | None = None) -> tuple[float, float] | None:
    """(log(last/first), its variance) from counts, optionally of the rest without ``minus``."""
    parts = []
    for k, value in enumerate((first, last)):
        if value.unit == "x":
            counts = rr_counts_of(value, rr_counts)
            if counts and minus:
                other = rr_counts_of(minus[k], rr_counts)
                counts = None if other is None else tuple(
                    y - x for x, y in zip(other, counts, strict=True))
            se = stats.log_rr_se(*counts) if counts else None
            if se is None:
                return None
            a, n1, c, n0 = counts
            parts.append((math.log((a / n1) / (c / n0)), se * se))
        else:
            if value.numerator is None or not value.denominator:
                return None
            num, den = value.numerator, value.denominator
            if minus:
                if minus[k].numerator is None:
                    return None
                num, den = num - minus[k].numerator, den - minus[k].denominator
            if num <= 0 or den <= 0:
                return None
            parts.append((math.log(num / den), 1 / num - 1 / den))
    return parts[1][0] - parts[0][0], parts[0][1] + parts[1][1]


def compare_trend(region: Trend, reference: Trend, rr_counts: Mapping[tuple, tuple],
                  nested: bool = False) -> TrendComparison:
    """Is the region's change from the first to the last common year different from the
    reference's? ``nested``: the region is part of the reference (tested against the rest)."""
    own = {v.year: v for v in same_kind(region.values)}
    ref = {v.year: v for v in same_kind(reference.values)}
    years = sorted(set(own) & set(ref))
    common = {"region": region, "reference": reference}
    if len(years) < 2:
        return TrendComparison(**common, first_year=None, last_year=None, change=None,
                               reference_change=None, ratio=None, significant=False,
                               relevant=False, direction="onbekend", test=NO_TEST, tested=False)
    y0, y1 = years[0], years[-1]
    change = _ratio(own[y1].value, own[y0].value)
    ref_change = _ratio(ref[y1].value, ref[y0].value)
    ratio = change / ref_change if change is not None and ref_change else None
    mine = _log_ratio(own[y0], own[y1], rr_counts)
    theirs = _log_ratio(ref[y0], ref[y1], rr_counts, (own[y0], own[y1]) if nested else None)
    base = {**common, "first_year": y0, "last_year": y1, "change": _r(change),
            "reference_change": _r(ref_change), "ratio": _r(ratio)}
    if mine is None or theirs is None or ratio is None:
        return TrendComparison(**base, significant=False, relevant=False, direction="onbekend",
                               test=NO_TEST + " (aantallen ontbreken)", tested=False)
    d = mine[0] - theirs[0]
    p = stats.normal_two_sided_p(d / math.sqrt(mine[1] + theirs[1]))
    significant = p < stats.ALPHA
    relevant = max(ratio, 1 / ratio) >= MIN_RELEVANT_RATIO
    direction = ("hoger" if d > 0 else "lager") if significant and relevant else "gelijk"
    return TrendComparison(**base, significant=significant, relevant=relevant,
                           direction=direction, test=TREND_TEST, p_value=round(p, 4))


def _ratio(last: float | None, first: float | None) -> float | None:
    if last is None or not first:
        return None
    return last / first


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)

"""Deciding whether two figures differ: the test, the direction and its wording in the result.

Why apart from the engine: this is the one place that may call a difference "hoger" or "lager".
Percentages use the pooled two-proportion z-test, relative risks a z-test on log(RR) (only with
the four counts behind them); both two-sided at alpha 0,05. When A is part of B (``nested``),
A is compared with the rest of B (B minus A), so A is not compared with itself. Without counts
the comparison is descriptive only: ``tested=False``, direction "onbekend".
"""

from __future__ import annotations

from collections.abc import Mapping

from indicators import stats
from indicators.values import Comparison, Value

PROPORTION_TEST = "twee-proporties z-toets (tweezijdig, alpha 0,05)"
RR_TEST = "z-toets op log relatief risico (tweezijdig, alpha 0,05)"
NO_TEST = "niet getoetst"

Counts = tuple[int, int, int, int]


def compare_values(a: Value, b: Value, rr_counts: Mapping[tuple, Counts] | None = None,
                   nested: bool = False) -> Comparison:
    """Compare ``a`` with ``b`` (same indicator, category and year)."""
    if a.value is None or b.value is None:
        return Comparison(a, b, None, False, "onbekend", NO_TEST, None, False, nested)
    digits = 2 if a.unit == "x" else 1
    difference = round(a.value - b.value, digits)
    p = p_value(a, b, rr_counts or {}, nested)
    if p is None:
        test = NO_TEST + " (aantallen ontbreken; alleen beschrijvend)"
        return Comparison(a, b, difference, False, "onbekend", test, None, False, nested)
    significant = p < stats.ALPHA and bool(difference)
    direction = ("hoger" if difference > 0 else "lager") if significant else "gelijk"
    test = RR_TEST if a.unit == "x" else PROPORTION_TEST
    if nested:
        test += "; vergeleken met de rest van " + (b.name or b.region)
    return Comparison(a, b, difference, significant, direction, test, round(p, 4), True, nested)


def p_value(a: Value, b: Value, rr_counts: Mapping[tuple, Counts], nested: bool) -> float | None:
    """Two-sided p-value, or ``None`` when the counts needed are not known."""
    if a.unit == "x":
        ca = rr_counts.get((a.indicator, a.region, a.category, a.year))
        cb = rr_counts.get((b.indicator, b.region, b.category, b.year))
        if not ca or not cb:
            return None
        if nested:
            cb = tuple(y - x for x, y in zip(ca, cb, strict=True))
        return stats.rr_test(ca, cb)
    if None in (a.numerator, a.denominator, b.numerator, b.denominator):
        return None
    b_num, b_den = b.numerator, b.denominator
    if nested:
        b_num, b_den = b_num - a.numerator, b_den - a.denominator
    return stats.two_proportion_test(a.numerator, a.denominator, b_num, b_den)

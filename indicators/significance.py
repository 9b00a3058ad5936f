"""Deciding whether two figures differ: the test, the relevance and the direction.

Why apart from the engine: this is the one place that may call a difference "hoger" or "lager".
Two conditions, both needed:

* **significant**: a two-sided test at alpha 0,05 rejects equality: the pooled two-proportion
  z-test for percentages, a z-test on log(RR) for relative risks (only with the four counts
  behind them). When A is part of B (a gemeente in Nederland) A is tested against the rest of B
  (B minus A), which is the same as testing A against B with their overlap taken into account;
* **relevant**: the larger figure is at least ``MIN_RELEVANT_RATIO`` times the smaller one (10%
  larger), and the two figures differ as they are shown. Below that a difference does not matter
  for policy, however certain: with large groups a 0,1 point difference is "significant" but
  says nothing.

Otherwise the direction is "gelijk" ("ongeveer gelijk"). Without counts nothing is tested:
``tested=False``, direction "onbekend". The threshold is explained to users in
``knowledge/docs/indicatoren.md`` ("Wanneer noemt deze assistent een verschil hoger of lager?").
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from indicators import formatting, stats
from indicators.values import Comparison, Value, made

MIN_RELEVANT_RATIO = 1.10  # the larger figure at least 10% larger than the smaller one
PROPORTION_TEST = "twee-proporties z-toets (tweezijdig, alpha 0,05)"
RR_TEST = "z-toets op log relatief risico (tweezijdig, alpha 0,05)"
NO_TEST = "niet getoetst"

Counts = tuple[int, int, int, int]


def ratio_of(a: float, b: float) -> float | None:
    """Larger over smaller (>= 1); ``inf`` when only one is 0; ``None`` when both are 0."""
    low, high = sorted((abs(a), abs(b)))
    if high == 0:
        return None
    return math.inf if low == 0 else high / low


def is_relevant(a: float, b: float, unit: str) -> bool:
    """At least 10% apart, and different as shown (never "hoger" for 0,2% against 0,2%)."""
    ratio = ratio_of(a, b)
    if ratio is None or ratio < MIN_RELEVANT_RATIO:
        return False
    return formatting.bare(a, unit) != formatting.bare(b, unit)


def decide(significant: bool, relevant: bool, difference: float) -> str:
    """The direction word: hoger/lager only when both conditions hold."""
    if significant and relevant and difference:
        return "hoger" if difference > 0 else "lager"
    return "gelijk"


def compare_values(a: Value, b: Value, rr_counts: Mapping[tuple, Counts] | None = None,
                   nested: bool = False, reference: Value | None = None) -> Comparison:
    """Compare ``a`` with ``b`` (same indicator, category and year).

    ``reference`` (the rest of ``b`` without ``a``) replaces ``b`` in the test and the text; it
    is used for a gemeente and its own samenwerkingsverband, where ``b`` is mostly ``a`` itself.
    """
    rr_counts = rr_counts or {}
    shown = reference or b
    common = {"nested": nested, "reference": reference}
    if a.value is None or shown.value is None:
        return Comparison(a, b, None, False, "onbekend", NO_TEST, None, False, **common)
    digits = 2 if a.unit == "x" else 1
    difference = round(a.value - shown.value, digits)
    ratio = ratio_of(a.value, shown.value)
    if reference is not None:
        p = p_value(a, reference, rr_counts, nested=False)
    else:
        p = p_value(a, b, rr_counts, nested)
    if p is None:
        test = NO_TEST + " (aantallen ontbreken; alleen beschrijvend)"
        return Comparison(a, b, difference, False, "onbekend", test, None, False,
                          relative=ratio, **common)
    significant = p < stats.ALPHA and bool(difference)
    relevant = is_relevant(a.value, shown.value, a.unit)
    test = RR_TEST if a.unit == "x" else PROPORTION_TEST
    if nested or reference is not None:
        test += "; vergeleken met de rest van " + (b.name or b.region)
    # made(): a tested comparison is made for every figure set against another (issue 18)
    return made(Comparison, a=a, b=b, difference=difference, significant=significant,
                direction=decide(significant, relevant, difference), test=test,
                p_value=round(p, 4), tested=True, relevant=relevant, relative=ratio, **common)


def rr_counts_of(value: Value, rr_counts: Mapping[tuple, Counts]) -> Counts | None:
    """The four counts behind a relative risk (a ``Value`` with ``excluding`` subtracts)."""
    key = (value.indicator, value.region, value.category, value.year)
    counts = rr_counts.get(key)
    if counts is None or not value.excluding:
        return counts
    part = rr_counts.get((value.indicator, value.excluding, value.category, value.year))
    return None if part is None else tuple(y - x for x, y in zip(part, counts, strict=True))


def p_value(a: Value, b: Value, rr_counts: Mapping[tuple, Counts], nested: bool) -> float | None:
    """Two-sided p-value, or ``None`` when the counts needed are not known."""
    if a.unit == "x":
        ca, cb = rr_counts_of(a, rr_counts), rr_counts_of(b, rr_counts)
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

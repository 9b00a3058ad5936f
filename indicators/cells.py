"""From stored counts to the ``Value`` a user may see: intervals, hidden cells, the rest of a
samenwerkingsverband.

Why apart: the engine decides *which* figure is asked for; this module decides what of it may be
shown. A percentage gets its Wilson interval; a relative risk its interval from the four counts
and is hidden when NEET with the characteristic, the group with it but without NEET, or NEET
without it is under 10; the rest of a samenwerkingsverband (its total minus one gemeente) is
computed only from shown figures and hidden when it is itself a small group.
"""

from __future__ import annotations

from collections.abc import Mapping

from indicators import disclosure, stats
from indicators.significance import rr_counts_of
from indicators.values import Value, made


def hidden_value(common: dict, reason: str = disclosure.PRIMARY) -> Value:
    """A figure that may not be shown."""
    return made(Value, value=None, numerator=None, denominator=None, suppressed=True,
                suppressed_reason=reason, **common)


def proportion_value(value: float | None, num: int | None, den: int | None,
                     common: dict) -> Value:
    """A percentage with its 95% interval when the counts are known."""
    ci = stats.wilson(num, den) if num is not None and den else None
    return made(Value, value=value, numerator=num, denominator=den,
                ci_low=_r(ci[0], 1) if ci else None, ci_high=_r(ci[1], 1) if ci else None,
                 **common)


def rr_value(value: float | None, counts: tuple | None, common: dict) -> Value:
    """A relative risk with its interval, or hidden when one of its groups is under 10."""
    if counts:
        a, n1, c, _n0 = counts
        if disclosure.primary_small(a, n1) or c < disclosure.THRESHOLD:
            return hidden_value(common)
        if value is None:
            value = round((a / n1) / (c / counts[3]), 2)
    ci = stats.rr_interval(*counts) if counts else None
    return made(Value, value=value, numerator=None, denominator=None,
                ci_low=_r(ci[0], 2) if ci else None, ci_high=_r(ci[1], 2) if ci else None,
                 **common)


def rest_of(whole: Value, part: Value, rr_counts: Mapping[tuple, tuple]) -> Value:
    """``whole`` without ``part`` (the rest of a samenwerkingsverband), hidden when small."""
    common = {"indicator": whole.indicator, "region": whole.region,
              "category": whole.category, "year": whole.year, "unit": whole.unit,
              "name": whole.name, "demo": whole.demo or part.demo, "source": whole.source,
              "excluding": part.region, "excluding_name": part.name}
    if whole.value is None or part.value is None:
        return hidden_value(common)
    if whole.unit == "x":
        probe = made(Value, value=None, numerator=None, denominator=None, **common)
        return rr_value(None, rr_counts_of(probe, rr_counts), common)
    if whole.numerator is None or part.numerator is None or whole.denominator is None \
            or part.denominator is None:
        return made(Value, value=None, numerator=None, denominator=None, **common)
    num = whole.numerator - part.numerator
    den = whole.denominator - part.denominator
    if den <= 0 or disclosure.primary_small(num, den):
        return hidden_value(common)
    return proportion_value(round(100.0 * num / den, 1), num, den, common)


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)

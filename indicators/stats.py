"""Small, dependency-free statistics for comparing indicator values.

Why not scipy: the engine needs only the normal distribution, and a lookup plus comparison must
stay well under 2 ms. All tests are two-sided at alpha = 0,05.

* proportions (``jeugdzorg``, ``neet``): Wilson 95% interval for one value; a two-proportion
  z-test with pooled variance for two values;
* relative risks (``neet_rr``): 95% interval of log(RR) with the delta-method standard error
  sqrt(1/a - 1/n1 + 1/c - 1/n0); two RRs are compared with a z-test on the difference of the
  logs (independent samples).
"""

from __future__ import annotations

import math

ALPHA = 0.05
Z95 = 1.959963984540054


def normal_two_sided_p(z: float) -> float:
    """Two-sided p-value of a standard normal statistic."""
    return math.erfc(abs(z) / math.sqrt(2.0))


def wilson(num: int, den: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for num/den, in percent; ``None`` when den is 0."""
    if not den:
        return None
    p = num / den
    denom = 1 + z * z / den
    centre = (p + z * z / (2 * den)) / denom
    half = z * math.sqrt(p * (1 - p) / den + z * z / (4 * den * den)) / denom
    return max(0.0, 100 * (centre - half)), min(100.0, 100 * (centre + half))


def two_proportion_test(a_num: int, a_den: int, b_num: int, b_den: int) -> float | None:
    """p-value of the pooled two-proportion z-test; ``None`` when it cannot be computed."""
    if a_den <= 0 or b_den <= 0:
        return None
    pooled = (a_num + b_num) / (a_den + b_den)
    var = pooled * (1 - pooled) * (1 / a_den + 1 / b_den)
    if var <= 0:
        return 1.0
    z = (a_num / a_den - b_num / b_den) / math.sqrt(var)
    return normal_two_sided_p(z)


def log_rr_se(a: int, n1: int, c: int, n0: int) -> float | None:
    """Standard error of log(RR) for a events out of n1 (with) and c out of n0 (without)."""
    if min(a, c) <= 0 or min(n1, n0) <= 0:
        return None
    return math.sqrt(max(1 / a - 1 / n1 + 1 / c - 1 / n0, 0.0))


def rr_interval(a: int, n1: int, c: int, n0: int) -> tuple[float, float] | None:
    """95% interval of the relative risk."""
    se = log_rr_se(a, n1, c, n0)
    if se is None:
        return None
    log_rr = math.log((a / n1) / (c / n0))
    return math.exp(log_rr - Z95 * se), math.exp(log_rr + Z95 * se)


def rr_test(first: tuple[int, int, int, int], second: tuple[int, int, int, int]) -> float | None:
    """p-value of the z-test of log(RR1) - log(RR2); ``None`` when counts are too small."""
    se1, se2 = log_rr_se(*first), log_rr_se(*second)
    if se1 is None or se2 is None or se1 + se2 == 0:
        return None
    a, n1, c, n0 = first
    b, m1, d, m0 = second
    diff = math.log((a / n1) / (c / n0)) - math.log((b / m1) / (d / m0))
    return normal_two_sided_p(diff / math.sqrt(se1 * se1 + se2 * se2))

"""The one number formatter: how every figure is written in answers, charts, points and reports.

Why one module: a policy advisor compares numbers across an answer, a chart and the preparation
document, so "10,6%", "1.234" and "3,5 keer" must be written the same everywhere. Rules:

* Dutch: decimal comma and a dot for thousands ("1.234,5"); English: "1,234.5";
* percentages with one decimal and the sign attached ("10,6%");
* counts as whole numbers with thousands separators ("12.345");
* relative risks with one decimal, as a multiple: "3,5 keer" / "3.5 times" (the data keeps two
  decimals for the tests; one decimal is what the interval allows to be read);
* a suppressed figure is never a number: "minder dan 10" / "fewer than 10";
* a figure the source did not publish (a CBS mark such as ".") is "geen cijfer", never 0.

Everything here is pure and takes plain numbers or anything shaped like an engine ``Value``
(``value``, ``unit``, ``suppressed``, ``numerator``, ``denominator``), so the bot and the report
can call it with their own fact types.
"""

from __future__ import annotations

from typing import Any

SUPPRESSED = {"nl": "minder dan 10", "en": "fewer than 10"}
UNKNOWN = {"nl": "onbekend", "en": "unknown"}
NO_FIGURE = {"nl": "geen cijfer", "en": "no figure"}  # the source published none (CBS ".")
TIMES = {"nl": "keer", "en": "times"}
CONJUNCTION = {"and": {"nl": "en", "en": "and"}, "or": {"nl": "of", "en": "or"}}
PERCENT_DECIMALS = 1
RATIO_DECIMALS = 1


def _lang(lang: str | None) -> str:
    return "en" if lang == "en" else "nl"


def decimals_of(value: float, most: int = 2) -> int:
    """How many decimals a published value has (at least 1, at most ``most``): lets a checker
    read a number back at the precision it was shown with."""
    text = f"{value:.{most}f}".rstrip("0")
    return max(1, min(most, len(text.split(".")[1]) if "." in text else 0))


def _specs(decimals: int) -> tuple[str, str, str]:
    """Format specs with ``decimals``: ungrouped, grouped with "_", grouped with ","."""
    return f".{decimals}f", f"_.{decimals}f", f",.{decimals}f"


_SPECS = {decimals: _specs(decimals) for decimals in range(4)}  # the ones answers use


def number(value: float, decimals: int = 1, lang: str = "nl") -> str:
    """A number with fixed decimals: "1.234,5" (nl) or "1,234.5" (en); never "-0".

    Why the specs are kept and a number under 1000 is written ungrouped: grouping triples the
    cost of formatting, and an answer writes a dozen numbers, most of them percentages
    (issue 18); below 1000 there is nothing to group, so the text is the same."""
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0,0"
    plain, dutch, english = _SPECS.get(decimals) or _specs(decimals)
    if -1000 < rounded < 1000:
        text = format(rounded, plain)
        return text if lang == "en" else text.replace(".", ",")
    if lang == "en":
        return format(rounded, english)
    # grouped with "_" first, so two swaps suffice (no placeholder character in between)
    return format(rounded, dutch).replace(".", ",").replace("_", ".")


def listing(items: list[str], lang: str = "nl", word: str = "and") -> str:
    """Items in a running sentence, each once: "a, b en c" / "a, b and c" (``word="or"``: "of"
    / "or"); one item alone, nothing for none."""
    unique = list(dict.fromkeys(items))
    if len(unique) <= 1:
        return "".join(unique)
    return ", ".join(unique[:-1]) + f" {CONJUNCTION[word][_lang(lang)]} " + unique[-1]


def integer(count: int | float, lang: str = "nl") -> str:
    """A count with thousands separators: "12.345" (nl) or "12,345" (en)."""
    return number(round(float(count)), 0, lang)


def percent(value: float, lang: str = "nl") -> str:
    """A percentage as shown: "10,6%"."""
    return number(value, PERCENT_DECIMALS, lang) + "%"


def ratio(value: float, lang: str = "nl") -> str:
    """A relative risk as a bare number with one decimal: "3,5"."""
    return number(value, RATIO_DECIMALS, lang)


def times(value: float, lang: str = "nl") -> str:
    """A relative risk as a multiple: "3,5 keer" / "3.5 times"."""
    return f"{ratio(value, lang)} {TIMES[_lang(lang)]}"


def points(value: float, lang: str = "nl") -> str:
    """A difference of percentages: "1,2 procentpunt" / "1.2 percentage points"."""
    word = "percentage points" if _lang(lang) == "en" else "procentpunt"
    return f"{number(abs(value), PERCENT_DECIMALS, lang)} {word}"


def suppressed_text(lang: str = "nl") -> str:
    """The words shown instead of a hidden figure."""
    return SUPPRESSED[_lang(lang)]


def figure(value: float | None, unit: str, lang: str = "nl", suppressed: bool = False) -> str:
    """A figure by its unit: "10,6%" (``%``), "3,5 keer" (``x``), or the suppression words."""
    if value is None:
        return SUPPRESSED[_lang(lang)] if suppressed else UNKNOWN[_lang(lang)]
    if unit == "%":
        return percent(value, lang)
    if unit == "x":
        return times(value, lang)
    return number(value, 1, lang)


def bare(value: float | None, unit: str, lang: str = "nl") -> str:
    """A figure without its unit word, for chart ticks and tables: "10,6" / "3,5"."""
    if value is None:
        return ""
    return number(value, RATIO_DECIMALS if unit == "x" else PERCENT_DECIMALS, lang)


def value_text(value: Any, lang: str = "nl") -> str:
    """An engine ``Value`` (or a fact shaped like it) as text, or the suppression words."""
    raw = getattr(value, "value", None)
    hidden = bool(getattr(value, "suppressed", False))
    mark: str = getattr(value, "mark", "") or ""
    if raw is None and mark and not hidden:
        return NO_FIGURE[_lang(lang)]
    if hidden or raw is None:
        return SUPPRESSED[_lang(lang)] if hidden else UNKNOWN[_lang(lang)]
    return figure(float(raw), getattr(value, "unit", "") or "", lang)


def counts_text(value: Any, lang: str = "nl") -> str:
    """" (4.567 van 37.210)" when numerator and denominator may be shown, else ""."""
    num, den = getattr(value, "numerator", None), getattr(value, "denominator", None)
    if num is None or den is None or getattr(value, "suppressed", False):
        return ""
    word = "of" if _lang(lang) == "en" else "van"
    return f" ({integer(num, lang)} {word} {integer(den, lang)})"


def count(value: int | None, lang: str = "nl") -> str:
    """A count, or "minder dan 10" when it is under 10, or "onbekend"."""
    if value is None:
        return UNKNOWN[_lang(lang)]
    if value < 10:
        return SUPPRESSED[_lang(lang)]
    return integer(value, lang)


def interval(low: float | None, high: float | None, unit: str, lang: str = "nl") -> str:
    """A 95% interval: "9,8% tot 11,2%" / "2,0 tot 5,9 keer"; "" when unknown."""
    if low is None or high is None:
        return ""
    word = "to" if _lang(lang) == "en" else "tot"
    if unit == "x":
        return f"{ratio(low, lang)} {word} {times(high, lang)}"
    return f"{figure(low, unit, lang)} {word} {figure(high, unit, lang)}"

"""Every number in an LLM text must be the figure of the fact it is written next to.

A number is tied to the region, year, category and indicator named closest to it (its own
clause first, then the sentence, then what the text named before), and accepted only when a
computed fact of exactly that region, year and category has that value (or that numerator or
denominator), at the precision the answer shows it. So swapping two regions' values, moving a
value to another year or category, or calling the "15" of "15 tot 27 jaar" a percentage is
rejected, while the same numbers in their own places pass.

Other numbers that may appear: years of the facts or of the answer text, the extra numbers the
answer computed (a rank, a count of gemeenten; bare integers only), and label numbers: a number
from a definition or label ("15 tot 27 jaar", "1 oktober") only in that same phrase, never with
a percent sign.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.answers.format import decimals_of
from bot.core.llm.reading import Sentence, nearest
from bot.core.llm.textscan import NumberToken, numbers


@dataclass(frozen=True, slots=True)
class FactView:
    """The parts of a ``Fact`` the check compares (facts from tools look the same)."""

    indicator: str
    region: str
    category: str
    year: int
    value: float | None
    unit: str
    numerator: int | None
    denominator: int | None


def view(fact: object) -> FactView:
    def get(name: str) -> object:
        return fact.get(name) if isinstance(fact, dict) else getattr(fact, name, None)

    return FactView(str(get("indicator")), str(get("region")), str(get("category")),
                    int(get("year")), None if get("value") is None else float(get("value")),
                    str(get("unit") or ""), get("numerator"), get("denominator"))


def label_phrases(texts: Iterable[str], exclude: Iterable[float] = ()) -> set[tuple[float, str]]:
    """(value, next word) of each number in definition and label texts: '15 tot 27 jaar' gives
    (15, 'tot') and (27, 'jaar'). Numbers with a percent sign or without a following word are
    results, not labels, and so are ``exclude`` values (the facts' own figures)."""
    skip = set(exclude)
    out: set[tuple[float, str]] = set()
    for text in texts:
        for token in numbers(text):
            if token.percent or not token.next_word or token.next_word == "procentpunt":
                continue
            if any(abs(value - s) < 1e-9 for value, _ in token.readings for s in skip):
                continue  # one reading is a computed figure: a result, in any notation
            out.update((value, token.next_word) for value, _ in token.readings)
    return out


def _close(value: float, decimals: int, target: float) -> bool:
    """``value`` written with ``decimals`` decimals is ``target`` at that precision, and shows
    at least the precision the answer uses for ``target``."""
    if decimals < min(decimals_of(target), 2) and target != round(target):
        return False
    return abs(value - target) <= 0.5 * 10 ** (-decimals) + 1e-9


def _matches(token: NumberToken, fact: FactView, role: str = "") -> bool:
    """``role`` is 'part' or 'whole' for the two numbers of "683 van 19.903"."""
    for value, decimals in token.readings:
        if not role and fact.value is not None \
                and (not token.percent or fact.unit == "%") and _close(value, decimals, fact.value):
            return True
        if not token.percent and decimals == 0:
            allowed = {"part": (fact.numerator,), "whole": (fact.denominator,)}.get(
                role, (fact.numerator, fact.denominator))
            if value in allowed:
                return True
    return False


def _roles(s: Sentence, text_of: str) -> dict[int, str]:
    """Positions of the two numbers of "683 van 19.903" / "683 of 19,903": part and whole."""
    roles: dict[int, str] = {}
    for first, second in zip(s.values, s.values[1:], strict=False):
        between = text_of[first.end - s.segment.start:second.start - s.segment.start]
        if first.next_word in ("van", "of") and between.strip().lower() in ("van", "of"):
            roles[first.start], roles[second.start] = "part", "whole"
    return roles


class NumberCheck:
    """Checks the numbers of the read sentences against the facts (see module docstring)."""

    def __init__(self, facts: list[FactView], years: set[int], extras: list[float],
                 labels: set[tuple[float, str]], names: dict[str, str]) -> None:
        self.facts = facts
        self.years = years | {f.year for f in facts}
        self.extras = extras
        self.labels = labels
        self.names = names
        self.indicators = {f.indicator for f in facts}
        self.regions = {f.region for f in facts}

    def problems(self, sentences: list[Sentence]) -> list[str]:
        out: list[str] = []
        for s in sentences:
            for token in s.years:
                if token.year not in self.years:
                    out.append(f"year {token.text} is not a year of the figures")
            roles = _roles(s, s.text)
            for token in s.values:
                problem = self._check(s, token, roles.get(token.start, ""))
                if problem:
                    out.append(problem)
        return out

    def _check(self, s: Sentence, token: NumberToken, role: str) -> str | None:
        if not token.percent and any((value, token.next_word) in self.labels
                                     for value, _ in token.readings):
            return None  # a definition or label number in its own phrase
        region = nearest(s.regions, token, s)
        codes = region.codes if region is not None else s.context.region
        if codes is None and len(self.regions) == 1:
            codes = frozenset(self.regions)
        year_token = nearest(s.years, token, s)
        year = year_token.year if year_token is not None else s.context.year
        category_m = nearest(s.categories, token, s)
        category = next(iter(category_m.codes)) if category_m is not None else s.context.category
        indicator = _one(s.indicators) or s.context.indicator
        if codes is not None:
            candidates = [f for f in self.facts if f.region in codes
                          and (year is None or f.year == year)
                          and (indicator is None or len(self.indicators) == 1
                               or f.indicator == indicator)]
            candidates = _by_category(candidates, category)
            if any(_matches(token, f, role) for f in candidates):
                return None
        if self._extra(token):
            return None
        where = ", ".join(self.names.get(c, c) for c in sorted(codes)) if codes else "no region"
        when = f" {year}" if year else ""
        told = "; ".join(_shown(f) for f in self._same_place(codes, year)[:3])
        return (f"number {token.text}{'%' if token.percent else ''} at {where}{when}"
                f"{' (' + category + ')' if category else ''} is not that fact"
                + (f" (computed: {told})" if told else ""))

    def _extra(self, token: NumberToken) -> bool:
        return not token.percent and any(
            decimals == 0 and any(abs(value - e) < 1e-9 for e in self.extras)
            for value, decimals in token.readings)

    def _same_place(self, codes: frozenset[str] | None, year: int | None) -> list[FactView]:
        return [f for f in self.facts if codes and f.region in codes
                and (year is None or f.year == year)]


def _one(items: set[str]) -> str | None:
    return next(iter(items)) if len(items) == 1 else None


def _by_category(facts: list[FactView], category: str | None) -> list[FactView]:
    """Facts of the named category; when none is named, the total (if the facts have one)."""
    if category is not None:
        return [f for f in facts if f.category == category]
    totals = [f for f in facts if f.category == "totaal"]
    return totals or facts


def _shown(f: FactView) -> str:
    return f"{f.region} {f.category} {f.year} = {f.value}"

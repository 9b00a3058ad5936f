"""Every number in an LLM text must be the figure of the fact it is written next to.

A number is tied to the region, year, category and indicator named closest to it (its own
clause first, then the sentence, then what the text named before), and accepted only when a
computed fact of exactly that region, year and category has that value (or that numerator or
denominator), at the precision the answer shows it. So swapping two regions' values, moving a
value to another year or category, or calling the "15" of "15 tot 27 jaar" a percentage is
rejected, while the same numbers in their own places pass.

The bounds of a confidence interval shown with a figure (an ``interval`` claim) are accepted as
that figure's, in a clause that says it is an interval.

A region's rank and the number of regions ranked (a ``position`` claim) are accepted next to
that region, after "plaats"/"rank" and before "gemeenten"/"municipalities" respectively.

The counts of a named reference group that is no ``Fact`` (the rest of a samenwerkingsverband,
recorded in the claims) are bound the same way, to that group's name.

Other numbers that may appear: years of the facts or of the answer text, the extra numbers the
answer computed (a rank, a count of gemeenten; bare integers only), and label numbers: a number
from a definition or label ("15 tot 27 jaar", "1 oktober") only in that same phrase, never with
a percent sign, and not as the bare figure of a result ("3 keer" of the relative risk's
definition is no relative risk).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from bot.core.llm.claims import Claims
from bot.core.llm.reading import Sentence, clause_of, nearest
from bot.core.llm.textscan import NumberToken, fold_keep, numbers
from indicators.formatting import PERCENT_DECIMALS, RATIO_DECIMALS, decimals_of

_INTERVAL = re.compile(r"\b(?:\w*interval\w*|marge|margin|onzekerheid\w*|uncertainty)\b")


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


def group_view(group: Any) -> FactView:
    """A named reference group (``claims.Group``) as a fact without a value: only its counts
    can be bound to it ("de rest van ..., zonder Zwolle: 1.403 van 44.454")."""
    return FactView(str(group.indicator), group.code, str(group.category), int(group.year),
                    None, "", group.numerator, group.denominator)


def view(fact: object) -> FactView:
    def get(name: str) -> Any:
        return fact.get(name) if isinstance(fact, dict) else getattr(fact, name, None)

    return FactView(str(get("indicator")), str(get("region")), str(get("category")),
                    int(get("year")), None if get("value") is None else float(get("value")),
                    str(get("unit") or ""), get("numerator"), get("denominator"))


def _rounds(value: float, decimals: int, target: float) -> bool:
    """``value`` as written (``decimals``) is ``target`` rounded: "2,3" for 2.29, "37" for 37."""
    if decimals == 0 and target != round(target):
        return False
    return abs(value - target) <= 0.5 * 10 ** (-decimals) + 1e-9


RANK_WORDS = frozenset({"plaats", "positie", "nummer", "rank", "ranks", "ranked", "place",
                        "position", "number"})
GROUPS = frozenset({"gemeenten", "samenwerkingsverbanden", "municipalities", "partnerships",
                    "regio", "regions"})
UNIT_WORDS = frozenset({"keer", "times", "maal", "procent", "percent"})


def label_keys(token: NumberToken, reading: tuple[float, int], label: bool = False
               ) -> set[tuple]:
    """How a number in a label phrase is recognised: its value as written (decimals too: "3"
    is not "3,0") with the word after it; a number that ends its label ("aged 0 to 22") with
    the word before it. A unit word ("3 keer") does not identify a label, since every result
    has one: then the word after that counts too ("3 keer betekent"). ``label``: the keys of
    a number in a label text (else those of a number in the LLM text)."""
    value, decimals = reading
    keys: set[tuple] = set()
    if token.next_word:
        following = (token.next_word, token.after) if token.next_word in UNIT_WORDS \
            else (token.next_word,)
        keys.add(("next", value, decimals, *following))
    if token.prev_word and not (label and token.next_word):
        keys.add(("prev", value, decimals, token.prev_word))
    return keys


def label_phrases(labels: Iterable[str], answer: str = "", facts: Iterable[FactView] = (),
                  extras: Iterable[float] = ()) -> set[tuple]:
    """The ``label_keys`` of each number in definition and label texts: '15 tot 27 jaar' gives
    (15, 'tot'), (27, 'jaar') and (27, after 'tot'). Numbers with a percent sign are results,
    not labels. The template ``answer`` adds its own fixed numbers ("minder dan 10 jongeren"),
    but not its results: a number there that shows a fact's value at the precision shown ("3,6
    keer" for 3,56), one of its counts, or an extra number, is skipped, so that "3,6 keer"
    cannot later pass as a label anywhere in the LLM text."""
    facts, extras = list(facts), [float(x) for x in extras]
    out: set[tuple] = set()
    for text, own in [*((t, False) for t in labels), (answer, True)]:
        for token in numbers(text):
            if token.percent or token.next_word == "procentpunt":
                continue
            if own and (any(_matches(token, f) for f in facts) or any(
                    _rounds(value, decimals, e) for value, decimals in token.readings
                    for e in extras)):
                continue  # a computed figure in the answer: a result, not a label
            for reading in token.readings:
                out |= label_keys(token, reading, label=True)
    return out


def shown_decimals(fact: FactView) -> int:
    """The decimals the answer shows for a fact's value: the formatter's for percentages and
    relative risks (which the data keeps with two decimals), else the value's own."""
    if fact.unit == "%":
        return PERCENT_DECIMALS
    if fact.unit == "x":
        return RATIO_DECIMALS
    return min(decimals_of(fact.value), 2) if fact.value is not None else 0


def _close(value: float, decimals: int, fact: FactView) -> bool:
    """``value`` written with ``decimals`` decimals is the fact's value rounded to that precision
    the way the answer's formatter rounds it (``round``), and shows at least the precision the
    answer shows it with ("3%" is not 3,4%). Exactly, not within half a unit: a value on the
    boundary (3,45) is shown as one number (3,5), and the other side (3,4) is another fact's."""
    if fact.value is None:  # a count-only fact (a reference group) has no value to match
        return False
    target = float(fact.value)
    if decimals < shown_decimals(fact) and target != round(target):
        return False
    return abs(value - round(target, decimals)) < 1e-9


def _matches(token: NumberToken, fact: FactView, role: str = "") -> bool:
    """``role`` is 'part' or 'whole' for the two numbers of "683 van 19.903"."""
    for value, decimals in token.readings:
        if not role and fact.value is not None \
                and (not token.percent or fact.unit == "%") and _close(value, decimals, fact):
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
                 labels: set[tuple], names: dict[str, str], claims: Claims | None = None
                 ) -> None:
        self.facts = facts
        self.intervals = claims.intervals if claims else {}
        self.positions = claims.positions if claims else {}
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
        if not token.percent and any(label_keys(token, reading) & self.labels
                                     for reading in token.readings):
            return None  # a definition or label number in its own phrase
        region = nearest(s.regions, token, s, asides=True)
        codes = region.codes if region is not None else s.context.region
        if codes is None and len(self.regions) == 1:
            codes = frozenset(self.regions)
        year_token = nearest(s.years, token, s)
        year = year_token.year if year_token is not None else s.context.year
        category_m = nearest(s.categories, token, s, lists=True)
        category = next(iter(category_m.codes)) if category_m is not None else s.context.category
        indicator = _one(s.indicators) or s.context.indicator
        if codes is not None:
            candidates = [f for f in self.facts if f.region in codes
                          and (year is None or f.year == year)
                          and (indicator is None or len(self.indicators) == 1
                               or f.indicator == indicator)]
            candidates = _by_category(candidates, category)
            interval = self._interval(s, token, candidates)
            if interval is not None:  # in an interval phrase a number is a bound, nothing else
                if interval:
                    return None
            elif any(_matches(token, f, role) for f in candidates) \
                    or self._position(token, codes):
                return None
        if self._extra(token):
            return None
        where = ", ".join(self.names.get(c, c) for c in sorted(codes)) if codes else "no region"
        when = f" {year}" if year else ""
        told = "; ".join(_shown(f) for f in self._same_place(codes, year)[:3])
        return (f"number {token.text}{'%' if token.percent else ''} at {where}{when}"
                f"{' (' + category + ')' if category else ''} is not that fact"
                + (f" (computed: {told})" if told else ""))

    def _interval(self, s: Sentence, token: NumberToken, candidates: list[FactView]
                  ) -> bool | None:
        """In a clause that says it is an interval ("betrouwbaarheidsinterval 2,0 tot 3,0
        keer") of a figure that has one: whether the number is its bound (the lower first).
        None elsewhere."""
        clause = clause_of(s, token.start)
        words = fold_keep(s.text[clause.start - s.segment.start:clause.end - s.segment.start])
        if not _INTERVAL.search(words) or not any(
                (f.indicator, f.region, f.category, f.year) in self.intervals
                for f in candidates):
            return None
        inside = [t for t in s.values if clause.start <= t.start < clause.end]
        for f in candidates:
            bounds: tuple[float, ...] = self.intervals.get(
                (f.indicator, f.region, f.category, f.year), ())
            if len(inside) >= 2 and bounds:  # "van 2,3 tot 2,8": low first, high second
                bounds = bounds[:1] if token is inside[0] else bounds[1:]
            for bound in bounds:
                if any(_close(value, decimals, replace(f, value=bound))
                       for value, decimals in token.readings
                       if not token.percent or f.unit == "%"):
                    return True
        return False

    def _position(self, token: NumberToken, codes: frozenset[str]) -> bool:
        """The region's rank ("op plaats 37") or the number of regions ranked ("van de 342
        gemeenten"), by the word that says which."""
        for code in codes:
            position = self.positions.get(code)
            if position is None or token.percent:
                continue
            for value, decimals in token.readings:
                if decimals == 0 and ((value == position.rank and token.prev_word in RANK_WORDS)
                                      or (value == position.n and token.next_word in GROUPS)):
                    return True
        return False

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
    """A fact for a reason; a named group (no value of its own) by its counts."""
    if f.value is None and f.numerator is not None:
        return f"{f.region} {f.category} {f.year} = {f.numerator:g} of {f.denominator:g}"
    return f"{f.region} {f.category} {f.year} = {f.value}"

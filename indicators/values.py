"""The result types of the indicator engine: plain, typed, JSON-friendly dataclasses.

Why separate from the engine: renderers, charts, the CLI and tests only need these shapes, not
pandas. ``Value.value`` is ``None`` when the figure is suppressed or missing; ``suppressed`` then
says so and ``suppressed_reason`` why: "klein" (fewer than 10, or fewer than 10 without) or
"afgeleid" (hidden so that a small group cannot be computed back from the sums).

A comparison says what was tested: ``reference`` is the figure the region was tested against
and the one a text must show (for a gemeente against its own samenwerkingsverband: the rest of
the samenwerkingsverband, a ``Value`` with ``excluding`` set); ``direction`` is "hoger"/"lager"
only when the difference is both statistically significant and relevant
(``indicators.significance.MIN_RELEVANT_RATIO``).
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Value:
    """One figure of one region, category and year."""

    indicator: str
    region: str
    category: str
    year: int
    value: float | None
    numerator: int | None
    denominator: int | None
    unit: str
    suppressed: bool = False
    ci_low: float | None = None
    ci_high: float | None = None
    name: str = ""
    demo: bool = True
    source: str = ""
    suppressed_reason: str = ""  # "klein" | "afgeleid" when suppressed
    excluding: str = ""  # this region without that gemeente (the rest of a samenwerkingsverband)
    excluding_name: str = ""
    mark: str = ""  # the source published no figure (CBS "."): shown as "geen cijfer"

    def to_dict(self) -> dict:
        """JSON-friendly form (the ``facts`` entries of ``oogo ask --json`` use these keys)."""
        return asdict(self)


@dataclass(frozen=True)
class Comparison:
    """Region ``a`` against ``b`` in the same year.

    ``direction`` is "hoger"/"lager" only when the difference is statistically significant *and*
    relevant; "gelijk" when it was tested and is not both; "onbekend" when it could not be tested
    (a figure is suppressed or missing, a relative risk without counts, or ``skipped``).
    ``reference`` is the figure tested against and to be shown: ``b`` itself, or for a gemeente
    and its own samenwerkingsverband the rest of it (``reference.excluding`` = the gemeente).
    ``difference`` and ``relative`` are ``a`` against ``reference``.
    """

    a: Value
    b: Value
    difference: float | None
    significant: bool
    direction: str
    test: str
    p_value: float | None = None
    tested: bool = True
    nested: bool = False  # a is part of b; the test then compares a with the rest of b
    relevant: bool = False
    reference: Value | None = None
    relative: float | None = None  # larger / smaller value of a and reference (>= 1)
    skipped: str = ""  # "swv_is_gemeente": the partnership is this gemeente alone

    @property
    def shown(self) -> Value:
        """The figure a sentence compares with: the tested reference, else ``b``."""
        return self.reference or self.b

    def to_dict(self) -> dict:
        """JSON-friendly form."""
        return asdict(self)


@dataclass(frozen=True)
class PeerComparison:
    """A region against the gemeenten most alike in size and density."""

    region: Value
    peers: list[Value]
    mean: float | None
    median: float | None
    n: int
    pooled: Value | None = None
    comparison: Comparison | None = None
    left_out: int = 0  # peers left out for being of the other kind (real vs demonstration)

    def to_dict(self) -> dict:
        """JSON-friendly form."""
        return asdict(self)


@dataclass(frozen=True)
class Trend:
    """Values over the years with a judgement of the change from the first to the last year."""

    indicator: str
    region: str
    category: str
    values: list[Value]
    direction: str  # gestegen | gedaald | stabiel | onbekend (gestegen/gedaald: sig. + relevant)
    change: float | None
    significant: bool
    test: str
    p_value: float | None = None
    first_year: int | None = None
    last_year: int | None = None
    relevant: bool = False

    def to_dict(self) -> dict:
        """JSON-friendly form."""
        return asdict(self)


@dataclass(frozen=True)
class TrendComparison:
    """A region's change over the years against a reference's change (usually Nederland).

    ``direction`` is "hoger" when the region's figure developed significantly and relevantly
    upwards compared with the reference (it rose more or fell less), "lager" the other way,
    "gelijk" when tested and not both, "onbekend" when it could not be tested. ``change`` and
    ``reference_change`` are last/first ratios; ``ratio`` is their quotient.
    """

    region: Trend
    reference: Trend
    first_year: int | None
    last_year: int | None
    change: float | None
    reference_change: float | None
    ratio: float | None
    significant: bool
    relevant: bool
    direction: str
    test: str
    p_value: float | None = None
    tested: bool = True

    def to_dict(self) -> dict:
        """JSON-friendly form."""
        return asdict(self)


@dataclass(frozen=True)
class Position:
    """Where a region stands among all regions of its level in one year."""

    indicator: str
    region: str
    category: str
    year: int
    value: float | None
    rank: int | None  # 1 = highest value
    n: int
    percentile: float | None  # share of regions with a lower value (ties half), 0-100
    top_5pct: bool
    bottom_5pct: bool
    level: str = "gemeente"
    lowest_5pct_mean: float | None = None
    highest_5pct_mean: float | None = None
    median: float | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-friendly form."""
        return asdict(self)


_LAYOUTS: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def _layout(kind: type) -> tuple[dict[str, Any], frozenset[str]]:
    """Of a frozen dataclass without default factories: every field in order with its default
    (None for a required one), and the required names."""
    found = _LAYOUTS.get(kind)
    if found is None:
        known = fields(kind)
        if any(f.default_factory is not MISSING for f in known):
            raise TypeError(f"{kind.__name__} has default factories")
        state = {f.name: None if f.default is MISSING else f.default for f in known}
        found = _LAYOUTS[kind] = (state, frozenset(f.name for f in known if f.default is MISSING))
    return found


def made(kind: type[T], /, **given: Any) -> T:
    """``kind(**given)`` for a frozen result type (``Value``, ``Comparison``), built with one
    update of the instance's ``__dict__``: the same object (fields, equality, hash, repr, still
    frozen). Why: a frozen dataclass's ``__init__`` sets every field through
    ``object.__setattr__``, several µs for the 18 of a ``Value``, and an answer makes several,
    a ranking hundreds (issue 18). Arguments the class would refuse (a name that is no field,
    a required field left out) go to ``kind`` itself, which raises its own ``TypeError``."""
    state, required = _layout(kind)
    made_value = object.__new__(kind)
    attributes = made_value.__dict__
    attributes.update(state)
    attributes.update(given)
    if len(attributes) != len(state) or not required.issubset(given):
        return kind(**given)
    return made_value

"""The result types of the indicator engine: plain, typed, JSON-friendly dataclasses.

Why separate from the engine: renderers, charts, the CLI and tests only need these shapes, not
pandas. ``Value.value`` is ``None`` when the figure is suppressed (fewer than 10 cases, as CBS
does) or missing; ``suppressed`` then says why.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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
    mark: str = ""  # the source published no figure (CBS "."): shown as "geen cijfer"

    def to_dict(self) -> dict:
        """JSON-friendly form (the ``facts`` entries of ``oogo ask --json`` use these keys)."""
        return asdict(self)


@dataclass(frozen=True)
class Comparison:
    """Region ``a`` against ``b`` in the same year.

    ``direction`` is "hoger"/"lager" only when the difference is statistically significant;
    "gelijk" when it was tested and is not; "onbekend" when it could not be tested (a figure is
    suppressed or missing, or a relative risk without counts).
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
    direction: str  # gestegen | gedaald | stabiel | onbekend
    change: float | None
    significant: bool
    test: str
    p_value: float | None = None
    first_year: int | None = None
    last_year: int | None = None

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

"""Discussion points from the regioscan: the region's newest closed round and the asker's own scan.

Why these and these thresholds: the knowledge document on the regioscan proposes to take "de
zwakste thema's en de stellingen waarop rollen het meest verschillen" to the OOGO, and reads "een
score van 3 of lager op een thema" as a reason to ask further; the points quote that passage. So:

* round (published figures only, ``bot.regioscan.disclosure`` decides what may be shown): the
  weakest theme when its mean is at most the scale's midpoint; the statement most respondents
  (helemaal) oneens with, when that is at least half; the theme where the roles differ most, when
  the gap is at least one scale point;
* own scan (``own_scan.py``): the weakest theme when its mean is at most the midpoint, with the
  statements scored lowest in it.

A scan result is no statistical test: its evidence says ``significant``/``relevant`` ``None``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.oogo import scoring
from bot.oogo.model import Evidence, Point
from bot.oogo.own_scan import OwnScan, own_scan_view
from bot.oogo.passages import passage_for
from bot.oogo.scan_texts import items, number, text
from prompts.loader import templates

if TYPE_CHECKING:  # pragma: no cover
    from bot.oogo.scan_view import ScanView
    from bot.regioscan.definition import ScanDefinition
    from bot.regioscan.round_result import RoundResult
    from bot.services import Services

log = logging.getLogger(__name__)


def scan_source(kind: str, language: str = "nl") -> str:
    """The source line of scan evidence: the region's round or the asker's own scan."""
    return templates("oogo").render(f"scan_source_{kind}", language)


def no_scan_note(language: str) -> str:
    """Said both when no round was closed and when a closed round is too small to show (which
    an outsider reading the report must not learn)."""
    return templates("oogo").render("scan_none", language)


#: roles this far apart (in scale points) count as disagreement
MIN_GAP = 1.0
#: a statement is weak when at least this share of the respondents is (helemaal) oneens
WEAK_SHARE = 0.5


@dataclass(slots=True)
class ScanOutcome:
    has_scan: bool
    points: list[Point] = field(default_factory=list)
    note: str = ""
    round: Any = None  # the RoundResult
    own: OwnScan | None = None
    sources: list[str] = field(default_factory=list)


class RegionRounds(Protocol):
    """What the OOGO points and report read from the regioscan: a region's newest closed round
    and the scan's definition (the theme and the discussion question of each statement).
    ``bot.regioscan.service.RegioscanService`` is one; a test passes its own."""

    @property
    def definition(self) -> ScanDefinition: ...

    def region_result(self, region: str) -> RoundResult | None: ...


def region_rounds(services: Services) -> RegionRounds | None:
    """The installation's regioscan, or ``None`` when its store cannot be opened (the points
    and the report then go without a round rather than fail)."""
    try:
        return services.regioscan
    except Exception as exc:  # noqa: BLE001 - the database is not set up or unavailable
        log.info("regioscan unavailable: %s", type(exc).__name__)
        return None


def round_view(rounds: RegionRounds | None, region_code: str) -> ScanView | None:
    """The region's newest closed round (published figures only) as a ``ScanView``, or
    ``None`` when there is none that shows respondents."""
    from bot.oogo.scan_view import scan_view

    if rounds is None:
        return None
    try:
        result = rounds.region_result(region_code)
    except Exception as exc:  # noqa: BLE001 - the store is not set up or unavailable
        log.info("no regioscan round for %s: %s", region_code, type(exc).__name__)
        return None
    return scan_view(result, rounds.definition) if result else None


def _evidence(language: str, source: str, text: str, detail: dict[str, Any]) -> Evidence:
    return Evidence("scan", text, scan_source(source, language), [],
                    {"scan": source, "significant": None, "relevant": None, **detail})


def _point(key: str, source: str, title: str, why: str, evidence: list[Evidence],
           questions: list[str], score: float, language: str) -> Point:
    total, parts = scoring.point_score([score])
    passage = passage_for("regioscan_ronde" if source == "round" else "regioscan_eigen")
    return Point(topic=f"scan:{source}:{key}", title=title, why=why, questions=questions,
                 participants=list(items(language, "participants")), evidence=evidence,
                 score=total, score_parts=parts, reasons=[f"regioscan ({source})"],
                 passages=[passage] if passage else [], kind="scan")


def round_points(view: Any, region: Any, language: str) -> list[Point]:
    """Weakest theme, most-disagreed statement and largest role gap of a closed round."""
    def say(key: str, /, **values: object) -> str:
        return text(language, key, **values)

    out: list[Point] = []
    low, high = view.scale
    midpoint = (low + high) / 2
    scale = {"low": number(low, language, 0), "high": number(high, language, 0)}
    theme = next((i for i in view.weakest if i.kind == "theme"), None)
    if theme is not None and theme.mean <= midpoint:
        sentence = say("round_theme", region=region.name, label=theme.label,
                       mean=number(theme.mean, language), count=theme.count, **scale)
        ev = _evidence(language, "round", sentence, {"item": theme.key, "item_kind": "theme",
                                                     "mean": theme.mean, "count": theme.count,
                                                     "scale": list(view.scale)})
        out.append(_point(theme.key, "round", say("round_theme_title", label=theme.label),
                          say("round_why"), [ev], [say("improve", label=theme.label),
                                                   say("owner")],
                          scoring.scan_weak_score(theme.mean, low, high), language))
    statement = next((i for i in view.weakest if i.kind == "statement"), None)
    if statement is not None and statement.share_disagree >= WEAK_SHARE:
        sentence = say("round_statement", region=region.name, label=statement.label,
                       k=statement.disagree, n=statement.count)
        ev = _evidence(language, "round", sentence, {
            "item": statement.key, "item_kind": "statement", "disagree": statement.disagree,
            "count": statement.count, "scale": list(view.scale)})
        as_mean = low + (1 - statement.share_disagree) * (high - low)
        out.append(_point(statement.key, "round", say(
            "round_statement_title", theme=statement.theme or statement.label),
            say("round_why"), [ev],
            [statement.discuss or say("improve", label=statement.label), say("owner")],
            scoring.scan_weak_score(as_mean, low, high), language))
    if view.disagreements and view.disagreements[0].gap >= MIN_GAP:
        item = view.disagreements[0]
        per_role = ", ".join(f"{role} {number(m, language)}" for role, m in
                             item.role_means.items())
        sentence = say("round_gap", region=region.name, label=item.label, per_role=per_role)
        ev = _evidence(language, "round", sentence, {
            "item": item.key, "item_kind": "disagreement", "role_means": dict(item.role_means),
            "gap": round(item.gap, 2), "scale": list(view.scale)})
        out.append(_point(f"gap-{item.key}", "round", say("round_gap_title", label=item.label),
                          say("round_gap_why"), [ev],
                          [say("gap_question", label=item.label), say("shared_picture")],
                          scoring.scan_gap_score(item.gap, low, high), language))
    return out


def own_points(view: OwnScan, language: str) -> list[Point]:
    """The asker's weakest theme, when its mean is at most the midpoint."""
    def say(key: str, /, **values: object) -> str:
        return text(language, key, **values)

    low, high = view.scale
    scored = [(th.mean, th) for th in view.themes if th.mean is not None]
    if not scored:
        return []
    mean, theme = min(scored, key=lambda pair: (pair[0], pair[1].key))
    if mean > (low + high) / 2:
        return []
    sentence = say("own_theme", label=theme.name, mean=number(mean, language),
                   low=number(low, language, 0), high=number(high, language, 0),
                   k=theme.answered, n=theme.size)
    evidence = [_evidence(language, "own", sentence, {
        "item": theme.key, "item_kind": "theme", "mean": mean, "answered": theme.answered,
        "size": theme.size, "scale": list(view.scale)})]
    lowest = [(s, v) for s, v in theme.weakest if v <= (low + high) / 2]
    if lowest:
        sentence = say("own_lowest", score=lowest[0][1],
                       statements="; ".join(f"'{s}'" for s, _ in lowest))
        evidence.append(_evidence(language, "own", sentence, {
            "item": theme.key, "item_kind": "statements", "score": lowest[0][1]}))
    questions = theme.discuss[:2] or [say("improve", label=theme.name)]
    return [_point(theme.key, "own", say("own_title", label=theme.name), say("own_why"),
                   evidence, questions + [say("owner")],
                   scoring.scan_weak_score(mean, low, high), language)]


def collect(rounds: RegionRounds | None, region: Any, language: str,
            own_scan: Any = None) -> ScanOutcome:
    """Scan points for ``region``: from its newest closed round (read through ``rounds``) and
    from the asker's own scan."""
    view = round_view(rounds, region.code)
    own = own_scan_view(own_scan)
    points: list[Point] = []
    sources = []
    if view is not None:
        points += round_points(view, region, language)
        sources.append("round")
    if own is not None:
        points += own_points(own, language)
        sources.append("own")
    return ScanOutcome(bool(sources), points=points,
                       note="" if sources else no_scan_note(language),
                       round=view, own=own, sources=sources)

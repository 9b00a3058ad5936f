"""Discussion points from the region's regioscan round: weakest themes and where roles disagree.

The regioscan asks gemeente and onderwijs people the same statements; a low mean shows a shared
weak spot, and a large gap between roles shows that people see the situation differently. Both
are good reasons to talk in the OOGO. When the region has no finished round, there are simply no
scan points, and the caller shows a short note instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.oogo import scoring
from bot.oogo.formatting import fmt_int, fmt_number
from bot.oogo.model import Evidence, Point
from bot.oogo.passages import passage_for

log = logging.getLogger(__name__)

SCAN_SOURCE = "Regioscan van deze regio (antwoorden van de deelnemers)"
NO_SCAN_NL = "Voor deze regio is nog geen regioscan-ronde afgerond."
NO_SCAN_EN = "No regioscan round has been completed for this region yet."
#: a mean below midpoint + this margin (3.5 on a 1-5 scale: below 'eens') counts as weak
WEAK_MARGIN = 0.5
#: role means this far apart (in scale points) count as disagreement
MIN_GAP = 1.0
#: a statement is weak when at least this share of the respondents is (helemaal) oneens
WEAK_SHARE = 0.5


@dataclass(slots=True)
class ScanOutcome:
    has_scan: bool
    points: list[Point] = field(default_factory=list)
    note: str = ""
    round: Any = None


def latest_round(services: Any, region_code: str) -> Any | None:
    """The region's newest closed round result (published figures only), or ``None``."""
    service = getattr(services, "regioscan", None)
    if service is None:
        return None
    try:
        return service.region_result(region_code)
    except Exception as exc:  # the store is not set up or unavailable: no scan points
        log.info("no regioscan round for %s: %s", region_code, type(exc).__name__)
        return None


def _participants(language: str) -> list[str]:
    if language == "en":
        return ["samenwerkingsverband", "youth and education policy officers",
                "the respondents of the regioscan"]
    return ["samenwerkingsverband", "beleidsmedewerkers jeugd en onderwijs",
            "de deelnemers aan de regioscan"]


def _statement_text(item: Any, region: Any, language: str) -> str:
    k, n = fmt_int(item.disagree, language), fmt_int(item.count, language)
    if language == "en":
        return (f"In the regioscan of {region.name}, {k} of the {n} respondents (strongly) "
                f"disagreed with '{item.label}'.")
    return (f"In de regioscan van {region.name} was {k} van de {n} deelnemers het (helemaal) "
            f"oneens met '{item.label}'.")


def _weak_point(item: Any, scale: tuple[float, float], region: Any, language: str,
                passage: Any) -> Point:
    count = int(item.count)
    theme = item.kind == "theme"
    # a statement has no published mean: its share of (helemaal) oneens stands in for it
    mean = float(item.mean) if theme else scale[0] + (1 - item.share_disagree) * (
        scale[1] - scale[0])
    score = scoring.scan_weak_score(mean, *scale)
    m = fmt_number(mean, language, decimals=1)
    if language == "en":
        title = (f"Regioscan: weak theme '{item.label}'" if theme else
                 f"Regioscan: weak statement in '{item.theme or item.label}'")
        text = (f"In the regioscan of {region.name}, '{item.label}' scored on average {m} "
                f"on a scale of {fmt_int(scale[0], 'en')} to {fmt_int(scale[1], 'en')} "
                f"({count} respondents).") if theme else _statement_text(item, region, language)
        why = "Everyone at the table rates this low: a shared starting point for agreements."
        questions = [f"What is needed to improve '{item.label}'?",
                     "Who takes the lead, and when do we look at it again?"]
        reason = "weak result in the regioscan"
    else:
        title = (f"Regioscan: zwak thema '{item.label}'" if theme else
                 f"Regioscan: zwakke stelling in '{item.theme or item.label}'")
        text = (f"In de regioscan van {region.name} scoorde '{item.label}' gemiddeld {m} "
                f"op een schaal van {fmt_int(scale[0])} tot {fmt_int(scale[1])} "
                f"({count} deelnemers).") if theme else _statement_text(item, region, language)
        why = "Iedereen aan tafel waardeert dit laag: een gedeeld vertrekpunt voor afspraken."
        questions = [item.discuss or f"Wat is nodig om '{item.label}' te verbeteren?",
                     "Wie neemt het voortouw, en wanneer kijken we er opnieuw naar?"]
        reason = "zwakke uitkomst in de regioscan"
    detail = ({"mean": mean} if theme else {"disagree": int(item.disagree)}) | {
        "count": count, "scale": list(scale), "item": item.key, "item_kind": item.kind}
    evidence = Evidence("scan", text, SCAN_SOURCE, [], detail)
    total, parts = scoring.point_score([score])
    return Point(topic=f"scan:{item.key}", title=title, why=why, questions=questions,
                 participants=_participants(language), evidence=[evidence], score=total,
                 score_parts=parts, reasons=[reason], passages=[passage] if passage else [])


def _gap_point(item: Any, scale: tuple[float, float], region: Any, language: str,
               passage: Any) -> Point:
    means = {role: float(v) for role, v in item.role_means.items()}
    gap = max(means.values()) - min(means.values())
    score = scoring.scan_gap_score(gap, *scale)
    per_role = ", ".join(f"{role} {fmt_number(v, language, decimals=1)}"
                         for role, v in means.items())
    if language == "en":
        title = f"Regioscan: roles disagree on '{item.theme or item.label}'"
        text = f"In the regioscan of {region.name}, the role averages for '{item.label}' were: " \
               f"{per_role}."
        why = "When partners see the same situation differently, agreements do not hold."
        questions = [f"Why do the roles rate '{item.label}' so differently?",
                     "Which shared picture do we agree on before making agreements?"]
        reason = "roles disagree in the regioscan"
    else:
        title = f"Regioscan: rollen verschillen van mening over '{item.theme or item.label}'"
        text = f"In de regioscan van {region.name} waren de gemiddelden per rol voor " \
               f"'{item.label}': {per_role}."
        why = "Als partners dezelfde situatie verschillend zien, houden afspraken geen stand."
        questions = [item.discuss or
                     f"Waarom beoordelen de rollen '{item.label}' zo verschillend?",
                     "Over welk gezamenlijk beeld worden we het eerst eens?"]
        reason = "rollen verschillen van mening in de regioscan"
    evidence = Evidence("scan", text, SCAN_SOURCE, [],
                        {"role_means": means, "gap": round(gap, 2), "scale": list(scale),
                         "item": item.key, "item_kind": "disagreement"})
    total, parts = scoring.point_score([score])
    return Point(topic=f"scan-gap:{item.key}", title=title, why=why, questions=questions,
                 participants=_participants(language), evidence=[evidence], score=total,
                 score_parts=parts, reasons=[reason], passages=[passage] if passage else [])


def collect(services: Any, region: Any, language: str) -> ScanOutcome:
    """Scan points for ``region``: the weakest theme (mean below 'eens'), the statement most
    people disagree with (when at least half do), and the theme where the roles differ most
    (when the gap is at least one scale point)."""
    note = NO_SCAN_EN if language == "en" else NO_SCAN_NL
    result = latest_round(services, region.code)
    if result is None:
        return ScanOutcome(False, note=note)
    from bot.oogo.scan_view import scan_view

    view = scan_view(result, getattr(services, "scan_definition", None))
    if view is None:
        return ScanOutcome(False, note=note, round=result)
    passage = passage_for("regioscan")
    weak_below = sum(view.scale) / 2 + WEAK_MARGIN
    points: list[Point] = []
    theme = next((i for i in view.weakest if i.kind == "theme"), None)
    if theme is not None and theme.mean < weak_below:
        points.append(_weak_point(theme, view.scale, region, language, passage))
    statement = next((i for i in view.weakest if i.kind == "statement"), None)
    if statement is not None and statement.share_disagree >= WEAK_SHARE:
        points.append(_weak_point(statement, view.scale, region, language, passage))
    if view.disagreements and view.disagreements[0].gap >= MIN_GAP:
        points.append(_gap_point(view.disagreements[0], view.scale, region, language, passage))
    return ScanOutcome(True, points=points, round=result)

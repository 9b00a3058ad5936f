"""The published result of a closed round: only figures that pass ``bot.regioscan.disclosure``.

Aggregation is pure: it receives (role, answers) pairs without identities and returns what may
be shown. Per theme: the mean of the respondents' theme scores (a theme score is the mean of
that person's 1-5 answers in the theme; 'weet ik niet' does not count), rounded to one decimal,
for everybody and, when the rules allow, per role. Per statement: a distribution over answer
groups (never a mean). Role differences are compared on the theme means of shown roles.
The result carries neither the invitation code nor any identity, and names only shown roles.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.regioscan.definition import ScanDefinition
from bot.regioscan.disclosure import (
    MIN_ANSWERS,
    MIN_GROUP,
    AnswerGroup,
    distribution,
    publishable,
    shown_roles,
)
from bot.regioscan.rounds import ROLES, role_label
from bot.regioscan.texts import t as scan_text

Answers = dict[str, int | None]


@dataclass(frozen=True, slots=True)
class Stat:
    """A shown mean (one decimal) over ``n`` theme scores, or ``hidden`` with both None."""

    mean: float | None
    n: int | None
    hidden: bool = False


HIDDEN = Stat(None, None, hidden=True)


@dataclass(frozen=True, slots=True)
class ThemeAggregate:
    theme_id: str
    name: str
    overall: Stat
    by_role: dict[str, Stat]  # empty unless every shown role (and the rest) passes the rule

    # flat aliases, so readers such as bot.oogo.scan_view need not know Stat
    @property
    def id(self) -> str:
        return self.theme_id

    @property
    def label(self) -> str:
        return self.name

    @property
    def mean(self) -> float | None:
        return self.overall.mean

    @property
    def count(self) -> int:
        return self.overall.n or 0

    @property
    def per_role(self) -> dict[str, float]:
        return {r: s.mean for r, s in self.by_role.items() if s.mean is not None}


@dataclass(frozen=True, slots=True)
class StatementAggregate:
    """One statement over everybody: answer groups with their counts (``hidden`` when the rule
    does not allow it; then ``groups`` is empty)."""

    id: str
    number: int
    text: str
    count: int | None
    groups: list[AnswerGroup]
    hidden: bool = False

    @property
    def label(self) -> str:
        return self.text

    def share(self, *answers: int | None) -> float | None:
        """The share of respondents in the groups that hold only ``answers`` (e.g. 1, 2)."""
        if self.hidden or not self.count:
            return None
        wanted = set(answers)
        inside = sum(g.count for g in self.groups if set(g.answers) <= wanted)
        return inside / self.count


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Roles' theme means that differ: the gap between the highest and lowest shown role."""

    theme_id: str
    name: str
    gap: float
    role_means: dict[str, float]


@dataclass(frozen=True)
class RoundResult:
    region: str
    title: str
    status: str
    definition_version: int
    respondents: int | None  # None when fewer than MIN_GROUP (then nothing else is shown)
    roles_shown: list[str]
    role_counts: dict[str, int]  # shown roles only
    themes: list[ThemeAggregate]
    statements: list[StatementAggregate]
    disagreements: list[Disagreement]
    min_group: int = MIN_GROUP
    min_answers: int = MIN_ANSWERS
    scale: tuple[int, int] = (1, 5)
    chart: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _theme_scores(responses: list[tuple[str, Answers]], ids: list[str]) -> list[tuple[str, float]]:
    scores = []
    for role, answers in responses:
        values = [v for v in (answers.get(i) for i in ids) if v is not None]
        if values:
            scores.append((role, statistics.fmean(values)))
    return scores


def _stat(values: list[float], group_size: int, min_group: int) -> Stat:
    """A shown mean, or HIDDEN when the figure rule fails or when the people of the group
    without a score here (all 'weet ik niet') are 1 to min_group-1: their number would show."""
    missing = group_size - len(values)
    if 0 < missing < min_group or not publishable([round(v, 4) for v in values], min_group):
        return HIDDEN
    return Stat(round(statistics.fmean(values), 1), len(values))


def _theme(theme: Any, responses: list[tuple[str, Answers]], shown: list[str],
           min_group: int) -> ThemeAggregate:
    """The theme's overall mean and, where the rules allow, the means of the shown roles.

    A role whose own figure cannot be shown joins "the rest"; when the rest (everyone not in a
    shown role, whose figure anyone could work out from the others) cannot be shown either, the
    smallest shown role joins it too, until the rest can be shown or is empty.
    """
    scores = _theme_scores(responses, [q.id for q in theme.questions])
    size = Counter(role for role, _ in responses)
    overall = _stat([s for _, s in scores], len(responses), min_group)
    if overall.hidden:
        return ThemeAggregate(theme.id, theme.name, overall, {})
    candidates = list(shown)
    stats = {r: _stat([s for role, s in scores if role == r], size[r], min_group) for r in shown}
    while candidates:
        failing = [r for r in candidates if stats[r].hidden]
        if failing:
            candidates = [r for r in candidates if r not in failing]
            continue
        rest = [s for role, s in scores if role not in candidates]
        rest_size = sum(n for role, n in size.items() if role not in candidates)
        if not rest_size or not _stat(rest, rest_size, min_group).hidden:
            break
        candidates.remove(min(reversed(candidates), key=lambda r: size[r]))
    return ThemeAggregate(theme.id, theme.name, overall, {r: stats[r] for r in candidates})


def _statement(question: Any, responses: list[tuple[str, Answers]],
               min_group: int) -> StatementAggregate:
    answers = [a.get(question.id) for _, a in responses]
    if not publishable(answers, min_group):
        return StatementAggregate(question.id, question.number, question.text, None, [], True)
    return StatementAggregate(question.id, question.number, question.text, len(answers),
                              distribution(answers, min_group))


def aggregate(
    definition: ScanDefinition, responses: Iterable[tuple[str, Answers]], *, region: str,
    title: str, status: str, min_group: int = MIN_GROUP, top: int = 5,
) -> RoundResult:
    """The publishable result of the (role, answers) pairs of the submitted scans."""
    responses = list(responses)
    if len(responses) < min_group:
        return RoundResult(region, title, status, definition.version, None, [], {},
                           [ThemeAggregate(t.id, t.name, HIDDEN, {}) for t in definition.themes],
                           [], [], min_group, 2 * min_group)
    per_role: dict[str, int] = {}
    for role, _ in responses:
        per_role[role] = per_role.get(role, 0) + 1
    order = [r for r in ROLES if r in per_role] + sorted(set(per_role) - set(ROLES))
    shown = shown_roles(per_role, order, min_group)
    themes = [_theme(t, responses, shown, min_group) for t in definition.themes]
    statements = [_statement(q, responses, min_group) for q in definition.questions]
    disagreements = []
    for theme in themes:
        means = theme.per_role
        if len(means) >= 2 and max(means.values()) > min(means.values()):
            gap = round(max(means.values()) - min(means.values()), 1)
            disagreements.append(Disagreement(theme.theme_id, theme.name, gap, dict(means)))
    disagreements.sort(key=lambda d: -d.gap)
    chart = {
        "kind": "grouped_bar", "scale": [1, 5], "labels": [t.name for t in themes],
        "series": {scan_text("nl", "all_respondents"): [t.overall.mean for t in themes]}
        | {role_label(r): [t.by_role[r].mean if r in t.by_role else None for t in themes]
           for r in shown},
    }
    return RoundResult(
        region=region, title=title, status=status, definition_version=definition.version,
        respondents=len(responses), roles_shown=shown,
        role_counts={r: per_role[r] for r in shown}, themes=themes, statements=statements,
        disagreements=disagreements[:top], min_group=min_group, min_answers=2 * min_group,
        chart=chart,
    )

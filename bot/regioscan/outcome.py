"""The outcome of one person's scan: per theme the mean, strongest and weakest statements and
what to discuss. Pure computation over the answers, so the same outcome is shown in every
channel, exported, and charted.

Rules: the mean of a theme is over the statements answered with 1-5; 'weet ik niet' and
unanswered statements do not count (they are reported as counts). Strongest/weakest are the
statements with the highest/lowest score in the theme; 'what to discuss' comes from the
statements scored 3 or lower, weakest first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.regioscan.definition import ScanDefinition
from bot.regioscan.texts import number_nl, t

DISCUSS_AT_OR_BELOW = 3


@dataclass(frozen=True, slots=True)
class StatementScore:
    question_id: str
    number: int
    text: str
    value: int


@dataclass(frozen=True, slots=True)
class ThemeOutcome:
    theme_id: str
    name: str
    mean: float | None
    answered: int  # with a value 1-5
    dont_know: int
    unanswered: int
    strongest: tuple[StatementScore, ...] = ()
    weakest: tuple[StatementScore, ...] = ()
    discuss: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    definition_version: int
    language: str
    themes: tuple[ThemeOutcome, ...]
    overall_mean: float | None
    answered: int
    dont_know: int
    total: int
    chart: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def compute_outcome(
    definition: ScanDefinition, answers: Mapping[str, int | None], language: str = "nl"
) -> Outcome:
    """Outcome for ``answers`` ({question_id: 1-5 or None for 'weet ik niet'})."""
    themes: list[ThemeOutcome] = []
    all_values: list[int] = []
    dont_know_total = 0
    for theme in definition.themes:
        scored = [
            StatementScore(q.id, q.number, q.text_for(language), int(answers[q.id]))
            for q in theme.questions if answers.get(q.id) is not None
        ]
        dont_know = sum(1 for q in theme.questions if q.id in answers and answers[q.id] is None)
        values = [s.value for s in scored]
        all_values += values
        dont_know_total += dont_know
        strongest = weakest = ()
        discuss: tuple[str, ...] = ()
        if scored:
            top, low = max(values), min(values)
            strongest = tuple(s for s in scored if s.value == top)
            weakest = tuple(s for s in scored if s.value == low) if low < top else ()
            to_discuss = sorted((s for s in scored if s.value <= DISCUSS_AT_OR_BELOW),
                                key=lambda s: (s.value, s.number))
            discuss = tuple(definition.question(s.question_id).discuss_for(language)
                            for s in to_discuss)
        themes.append(ThemeOutcome(
            theme_id=theme.id, name=theme.name_for(language), mean=_mean(values),
            answered=len(scored), dont_know=dont_know,
            unanswered=len(theme.questions) - len(scored) - dont_know,
            strongest=strongest, weakest=weakest, discuss=discuss,
        ))
    chart = {
        "kind": "bar", "scale": [1, 5],
        "labels": [th.name for th in themes], "values": [th.mean for th in themes],
        "counts": [th.answered for th in themes],
    }
    return Outcome(
        definition_version=definition.version, language=language, themes=tuple(themes),
        overall_mean=_mean(all_values), answered=len(all_values) + dont_know_total,
        dont_know=dont_know_total, total=definition.total, chart=chart,
    )


def _statement_list(items: tuple[StatementScore, ...]) -> str:
    return "; ".join(f"'{s.text}' ({s.value})" for s in items)


def format_outcome(outcome: Outcome) -> str:
    """The outcome as plain text (Dutch, or English when the scan ran in English)."""
    lang = outcome.language
    lines = [t(lang, "outcome_title"), t(lang, "outcome_scale"), ""]
    for th in outcome.themes:
        if th.mean is None:
            lines.append(t(lang, "outcome_theme_unscored", theme=th.name))
            continue
        size = th.answered + th.dont_know + th.unanswered
        lines.append(t(lang, "outcome_theme", theme=th.name, mean=number_nl(th.mean, lang),
                       answered=th.answered, size=size))
        if th.weakest:
            lines.append("  " + t(lang, "outcome_strongest",
                                  statements=_statement_list(th.strongest)))
            lines.append("  " + t(lang, "outcome_weakest", statements=_statement_list(th.weakest)))
        elif th.answered > 1:
            lines.append("  " + t(lang, "outcome_all_same"))
        for hint in th.discuss[:2]:
            lines.append("  " + t(lang, "outcome_discuss", hint=hint))
    ranked = sorted((th for th in outcome.themes if th.mean is not None), key=lambda th: th.mean)
    if len(ranked) >= 2 and ranked[0].mean != ranked[-1].mean:
        lines += ["", t(lang, "outcome_ranked", highest=ranked[-1].name, lowest=ranked[0].name)]
    if outcome.overall_mean is not None:
        lines.append(t(lang, "outcome_overall", mean=number_nl(outcome.overall_mean, lang)))
    return "\n".join(lines)

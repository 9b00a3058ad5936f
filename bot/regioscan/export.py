"""Export a round result or a personal outcome as Markdown (to read, print or paste into an
OOGO agenda) and as JSON (for other tools). Both are built from the same result objects, so
the numbers are identical in every format. Figures the anonymity rules hold back are written as
"niet getoond (anonimiteitsregel)", never as numbers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.regioscan.definition import ScanDefinition
from bot.regioscan.outcome import Outcome, format_outcome
from bot.regioscan.round_result import RoundResult, Stat, StatementAggregate
from bot.regioscan.rounds import hidden_text, role_label, too_few_text
from bot.regioscan.texts import number_nl, t


def scale_note() -> str:
    """How the figures of a round result are computed, in plain Dutch."""
    return t("nl", "export_scale_note")


def anonymity_note(result: RoundResult) -> str:
    """The publication rule in plain Dutch (the same text in every export)."""
    return t("nl", "export_anonymity", min_group=result.min_group,
             min_answers=result.min_answers)


def _cell(stat: Stat) -> str:
    if stat.hidden or stat.mean is None:
        return hidden_text()
    return f"{number_nl(stat.mean)} (n = {stat.n})"


def _groups(statement: StatementAggregate) -> str:
    if statement.hidden:
        return hidden_text()
    groups = ", ".join(f"{g.label} {g.count}" for g in statement.groups)
    return t("nl", "export_groups", groups=groups, count=statement.count)


def round_result_markdown(result: RoundResult) -> str:
    """The round result as a Markdown report (Dutch); it never holds the invitation code."""
    status = t("nl", "status_open" if result.status == "open" else "status_closed")
    respondents = (str(result.respondents) if result.respondents is not None
                   else too_few_text())
    lines = [
        t("nl", "export_round_head", title=result.title, region=result.region, status=status,
          respondents=respondents, version=result.definition_version),
        "",
        anonymity_note(result),
        "",
        scale_note(),
        "",
    ]
    if result.respondents is None:
        return "\n".join(lines) + "\n"
    if result.roles_shown:
        counts = ", ".join(f"{role_label(r)} {result.role_counts[r]}" for r in result.roles_shown)
        lines += [t("nl", "export_role_counts", counts=counts), ""]
    lines += [t("nl", "export_by_theme"), ""]
    header = [t("nl", "export_col_theme"), t("nl", "export_col_all"),
              *(role_label(r) for r in result.roles_shown)]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for theme in result.themes:
        cells = [theme.name, _cell(theme.overall),
                 *(_cell(theme.by_role[r]) if r in theme.by_role else hidden_text()
                   for r in result.roles_shown)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", t("nl", "export_by_statement"), ""]
    for statement in result.statements:
        lines.append(t("nl", "export_statement", number=statement.number, text=statement.text,
                       groups=_groups(statement)))
    lines += ["", t("nl", "export_differences"), ""]
    if not result.disagreements:
        lines.append(t("nl", "export_no_differences"))
    for d in result.disagreements:
        means = ", ".join(f"{role_label(r)} {number_nl(m)}" for r, m in d.role_means.items())
        lines.append(t("nl", "export_difference", theme=d.name, gap=number_nl(d.gap),
                       means=means))
    return "\n".join(lines) + "\n"


def round_result_json(result: RoundResult) -> str:
    data = result.to_dict()
    data["note"] = scale_note()
    data["anonymity"] = anonymity_note(result)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def personal_markdown(
    definition: ScanDefinition, answers: Mapping[str, Mapping[str, Any]], outcome: Outcome
) -> str:
    """One person's own answers (with explanations) and outcome."""
    lang = outcome.language
    lines = [f"# {definition.title}", "", t(lang, "export_your_answers"), ""]
    for q in definition.questions:
        answer = answers.get(q.id)
        if answer is None:
            label = t(lang, "export_not_answered")
        else:
            value = answer.get("value")
            label = definition.scale_label(value, lang) + (f" ({value})" if value else "")
        lines.append(f"{q.number}. {q.text_for(lang)} — **{label}**")
        if answer is not None and answer.get("explanation"):
            lines.append("   " + t(lang, "export_explanation",
                                   explanation=answer["explanation"]))
    lines += ["", t(lang, "export_outcome"), "", format_outcome(outcome)]
    return "\n".join(lines) + "\n"


def personal_json(answers: Mapping[str, Mapping[str, Any]], outcome: Outcome) -> str:
    data = {"answers": {k: dict(v) for k, v in answers.items()}, "outcome": outcome.to_dict()}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)

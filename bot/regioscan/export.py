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
from bot.regioscan.rounds import HIDDEN_NL, TOO_FEW_NL, role_label
from bot.regioscan.texts import number_nl

SCALE_NOTE = ("Schaal 1 (helemaal oneens) tot 5 (helemaal eens). Per thema het gemiddelde van de "
              "themascores van de respondenten (afgerond op één decimaal); 'weet ik niet' telt "
              "niet mee. Per stelling hoeveel respondenten het (helemaal) oneens, neutraal of "
              "(helemaal) eens waren.")


def anonymity_note(result: RoundResult) -> str:
    """The publication rule in plain Dutch (the same text in every export)."""
    return (f"Om niemand herkenbaar te maken tonen we een groep pas vanaf {result.min_group} "
            f"respondenten, en een cijfer alleen als het rust op minstens {result.min_answers} "
            f"antwoorden waarvan er minstens {result.min_group} afwijken van het meest gegeven "
            f"antwoord. Groepjes van minder dan {result.min_group} antwoorden voegen we samen "
            "met een buurgroep. Rollen met minder respondenten noemen we niet.")


def _cell(stat: Stat) -> str:
    if stat.hidden or stat.mean is None:
        return HIDDEN_NL
    return f"{number_nl(stat.mean)} (n = {stat.n})"


def _groups(statement: StatementAggregate) -> str:
    if statement.hidden:
        return HIDDEN_NL
    return ", ".join(f"{g.label} {g.count}" for g in statement.groups) + \
        f" (van {statement.count})"


def round_result_markdown(result: RoundResult) -> str:
    """The round result as a Markdown report (Dutch); it never holds the invitation code."""
    status = "open" if result.status == "open" else "gesloten"
    lines = [
        f"# Regioscan-ronde: {result.title}",
        "",
        f"- Regio: {result.region}",
        f"- Status: {status}",
        "- Respondenten die de scan instuurden: "
        + (str(result.respondents) if result.respondents is not None else TOO_FEW_NL),
        f"- Regioscan versie {result.definition_version}",
        "",
        anonymity_note(result),
        "",
        SCALE_NOTE,
        "",
    ]
    if result.respondents is None:
        return "\n".join(lines) + "\n"
    if result.roles_shown:
        counts = ", ".join(f"{role_label(r)} {result.role_counts[r]}" for r in result.roles_shown)
        lines += [f"Respondenten per rol: {counts}.", ""]
    lines += ["## Per thema", ""]
    header = ["Thema", "Alle respondenten", *(role_label(r) for r in result.roles_shown)]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for theme in result.themes:
        cells = [theme.name, _cell(theme.overall),
                 *(_cell(theme.by_role[r]) if r in theme.by_role else HIDDEN_NL
                   for r in result.roles_shown)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Per stelling", ""]
    for statement in result.statements:
        lines.append(f"- Stelling {statement.number}: {statement.text} {_groups(statement)}.")
    lines += ["", "## Waar de rollen het meest verschillen", ""]
    if not result.disagreements:
        lines.append("Geen verschillen te tonen: daarvoor zijn per thema minstens twee rollen "
                     "nodig waarvan de cijfers getoond mogen worden.")
    for d in result.disagreements:
        means = ", ".join(f"{role_label(r)} {number_nl(m)}" for r, m in d.role_means.items())
        lines.append(f"- {d.name}: verschil {number_nl(d.gap)} ({means}).")
    return "\n".join(lines) + "\n"


def round_result_json(result: RoundResult) -> str:
    data = result.to_dict()
    data["note"] = SCALE_NOTE
    data["anonymity"] = anonymity_note(result)
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def personal_markdown(
    definition: ScanDefinition, answers: Mapping[str, Mapping[str, Any]], outcome: Outcome
) -> str:
    """One person's own answers (with explanations) and outcome."""
    lang = outcome.language
    lines = [f"# {definition.title}", "", "## " + ("Your answers" if lang == "en"
                                                   else "Je antwoorden"), ""]
    for q in definition.questions:
        answer = answers.get(q.id)
        if answer is None:
            label = "not answered" if lang == "en" else "niet beantwoord"
        else:
            value = answer.get("value")
            label = definition.scale_label(value, lang) + (f" ({value})" if value else "")
        lines.append(f"{q.number}. {q.text_for(lang)} — **{label}**")
        if answer is not None and answer.get("explanation"):
            lines.append(f"   - {'Explanation' if lang == 'en' else 'Toelichting'}: "
                         f"{answer['explanation']}")
    lines += ["", "## " + ("Outcome" if lang == "en" else "Uitkomst"), "",
              format_outcome(outcome)]
    return "\n".join(lines) + "\n"


def personal_json(answers: Mapping[str, Mapping[str, Any]], outcome: Outcome) -> str:
    data = {"answers": {k: dict(v) for k, v in answers.items()}, "outcome": outcome.to_dict()}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)

"""Export a round result or a personal outcome as Markdown (to read, print or paste into an
OOGO agenda) and as JSON (for other tools). Both are built from the same result objects, so
the numbers are identical in every format. Groups under the anonymity threshold are written as
"te weinig respondenten om te tonen", never as numbers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.regioscan.definition import ScanDefinition
from bot.regioscan.outcome import Outcome, format_outcome
from bot.regioscan.rounds import TOO_FEW_NL, RoundResult, Stat, role_label
from bot.regioscan.texts import number_nl

SCALE_NOTE = ("Schaal 1 (helemaal oneens) tot 5 (helemaal eens). Gemiddelde en spreiding "
              "(standaardafwijking) over de themascores van respondenten; 'weet ik niet' telt niet "
              "mee.")


def _cell(stat: Stat) -> str:
    if stat.hidden or stat.mean is None:
        return TOO_FEW_NL
    return f"{number_nl(stat.mean)} (spreiding {number_nl(stat.sd or 0.0)}, n = {stat.n})"


def round_result_markdown(result: RoundResult) -> str:
    """The round result as a Markdown report (Dutch)."""
    status = "open" if result.status == "open" else "gesloten"
    lines = [
        f"# Regioscan-ronde {result.code}: {result.title}",
        "",
        f"- Regio: {result.region}",
        f"- Status: {status}",
        "- Respondenten die de scan instuurden: "
        + (str(result.respondents) if result.respondents is not None else TOO_FEW_NL),
        f"- Regioscan versie {result.definition_version}; rollen tonen we pas vanaf "
        f"{result.min_group} respondenten.",
        "",
        SCALE_NOTE,
        "",
        "## Per thema",
        "",
    ]
    header = ["Thema", "Alle respondenten", *(role_label(r) for r in result.roles_shown)]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for theme in result.themes:
        cells = [theme.name, _cell(theme.overall),
                 *(_cell(theme.by_role[r]) for r in result.roles_shown)]
        lines.append("| " + " | ".join(cells) + " |")
    if result.roles_hidden:
        hidden = ", ".join(role_label(r) for r in result.roles_hidden)
        lines += ["", f"Niet apart getoond ({TOO_FEW_NL}): {hidden}. Hun antwoorden tellen wel "
                      "mee in 'alle respondenten'."]
    lines += ["", "## Waar de rollen het meest verschillen", ""]
    if not result.disagreements:
        lines.append("Geen verschillen te tonen: daarvoor zijn per stelling minstens twee rollen "
                     f"met elk {result.min_group} of meer scores nodig.")
    for d in result.disagreements:
        means = ", ".join(f"{role_label(r)} {number_nl(m)}" for r, m in d.role_means.items())
        lines.append(f"- Stelling {d.number}: {d.text} Verschil {number_nl(d.gap)} ({means}).")
    return "\n".join(lines) + "\n"


def round_result_json(result: RoundResult) -> str:
    data = result.to_dict()
    data["note"] = SCALE_NOTE
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

"""Exports (Markdown, JSON) and charts (PNG) of a personal outcome and a round result."""

from __future__ import annotations

import json

from bot.regioscan.charts import outcome_chart, round_chart
from bot.regioscan.engine import ScanInput, begin, step
from bot.regioscan.export import (
    personal_json,
    personal_markdown,
    round_result_json,
    round_result_markdown,
)
from bot.regioscan.round_result import aggregate


def _finished(definition):
    state, _ = begin(definition)
    for i in range(16):
        state, reply = step(definition, state, ScanInput(text=f"{i % 5 + 1}, omdat {i}"))
    return step(definition, state, ScanInput(text="bevestig"))


def test_personal_exports_and_chart(definition):
    state, reply = _finished(definition)
    md = personal_markdown(definition, state.answers, reply.outcome)
    assert "1. Jeugdhulp is voor leerlingen" in md and "**helemaal oneens (1)**" in md
    assert "Toelichting: omdat 0" in md and "Uitkomst van je regioscan" in md
    data = json.loads(personal_json(state.answers, reply.outcome))
    assert data["answers"]["o1"]["value"] == 1
    # answers cycle 1..5: (1+2+3+4)/4, (5+1+2+3)/4, (4+5+1+2)/4, (3+4+5+1)/4
    assert [t["mean"] for t in data["outcome"]["themes"]] == [2.5, 2.75, 3.0, 3.25]
    png = outcome_chart(reply.outcome)
    assert png.startswith(b"\x89PNG") and len(png) > 2000


def test_round_exports_and_chart(definition):
    def everywhere(value):
        return {q.id: value for q in definition.questions}

    responses = ([("gemeente", everywhere(v)) for v in (1, 2, 3, 4, 5) * 2]
                 + [("swv", everywhere(v)) for v in (3, 4, 5, 4, 5) * 2])
    result = aggregate(definition, responses, region="GM0363", title="OOGO 2027",
                       status="closed")
    md = round_result_markdown(result)
    assert "# Regioscan-ronde: OOGO 2027" in md and "Status: gesloten" in md
    assert "3,0 (n = 10)" in md and "4,2 (n = 10)" in md
    assert "minstens 10 antwoorden" in md
    assert "oneens of neutraal 8, eens 12 (van 20)" in md
    data = json.loads(round_result_json(result))
    assert data["respondents"] == 20 and data["role_counts"] == {"gemeente": 10, "swv": 10}
    assert "roles_hidden" not in data and "code" not in data
    assert data["disagreements"][0]["gap"] == 1.2
    assert round_chart(result).startswith(b"\x89PNG")


def test_scan_means_are_rounded_half_up_everywhere() -> None:
    """3,25 (answers 4, 4, 3, 2) is 3,3 in the chat, the web page (toLocaleString) and the
    report; the report's own rounding made it 3,2."""
    from bot.oogo.report_render import _nl1
    from bot.oogo.scan_texts import number
    from bot.regioscan.texts import number_nl

    assert number_nl(3.25) == "3,3" and number_nl(3.25, "en") == "3.3"
    assert number_nl(2.75) == "2,8" and number_nl(3.0) == "3,0" and number_nl(10 / 3) == "3,3"
    assert _nl1(3.25) == "3,3" and number(3.25) == "3,3" and number(5, decimals=0) == "5"

"""`oogo ask` (single, --json, --batch with a malformed line) and the dev-set score."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
DEV = next((base / "shared" / "eval" / "dev_questions.jsonl" for base in ROOT.parents
            if (base / "shared" / "eval" / "dev_questions.jsonl").exists()),
           ROOT.parent / "shared" / "eval" / "dev_questions.jsonl")
HELDOUT = Path(__file__).with_name("heldout_questions.jsonl")


@pytest.fixture
def cli(core_services, monkeypatch):
    from bot.cli.main import create_cli

    # the session's data dir: its knowledge index is already built
    monkeypatch.setenv("OOGO_DATA_DIR", str(core_services.settings.data_dir))
    return CliRunner(), create_cli()


def test_ask_json(cli):
    runner, app = cli
    result = runner.invoke(app, ["ask", "Hoe hoog is onze NEET?", "--region", "Zwolle",
                                 "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["intent"] in ("indicator", "compare") and data["facts"][0]["region"] == "GM0193"
    assert data["debug"]["slots"]["regions"] == "profile"


def test_ask_batch_with_context_and_bad_line(cli, tmp_path):
    runner, app = cli
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "question": "En in 2021?", "region": None,
                    "context": ["Hoeveel procent van de jeugdigen in Amsterdam heeft jeugdzorg?"]}),
        "{dit is geen json",
        json.dumps({"id": "c", "question": 12}),
        json.dumps({"id": "d", "question": "Wat is het OOGO?"}),
    ]), encoding="utf-8")
    result = runner.invoke(app, ["ask", "--batch", str(batch), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", None, "c", "d"]
    assert list(lines[0])[0] == "id" and "debug" in lines[0]
    assert {f["year"] for f in lines[0]["facts"]} == {2021}
    assert "geen geldige JSON" in lines[1]["error"] and "vraag" in lines[2]["error"]
    assert lines[3]["intent"] == "explain"


def test_ask_without_question_is_a_dutch_message(cli):
    runner, app = cli
    result = runner.invoke(app, ["ask"])
    assert result.exit_code == 2 and "Geef een vraag op" in result.output


@pytest.mark.parametrize(("variable", "value", "named"), [
    ("OOGO_PORT", "abc", "OOGO_PORT heeft een ongeldige waarde ('abc')"),
    ("OOGO_API_KEYS", "geheim", "OOGO_API_KEYS moet een JSON-lijst zijn"),
])
def test_a_bad_setting_is_a_dutch_message_naming_it(cli, monkeypatch, variable, value, named):
    runner, app = cli
    monkeypatch.setenv(variable, value)
    result = runner.invoke(app, ["ask", "Hoe hoog is de NEET in Zwolle?"])
    assert result.exit_code == 2 and named in result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output


@pytest.mark.parametrize("path", [DEV, HELDOUT], ids=["dev", "own-heldout"])
def test_eval_score_at_least_95_percent(path, core_services):
    if not path.exists():
        pytest.skip(f"{path} not available")
    sys.path.insert(0, str(ROOT / "scripts"))
    import score_eval

    questions = [json.loads(line) for line in path.read_text("utf-8").splitlines()
                 if line.strip()]
    results = score_eval.run_in_process(questions, core_services)
    share, failures = score_eval.score(questions, results, score_eval.load_shipped())
    assert share >= 0.95, failures


def test_scorer_can_fail():
    sys.path.insert(0, str(ROOT / "scripts"))
    import score_eval

    question = {"id": "x", "expect": {"intent": ["indicator"], "indicator": "neet",
                                      "regions": ["GM0193"]}}
    wrong = {"intent": "indicator", "answer": "De NEET is 99%.",
             "facts": [{"indicator": "neet", "region": "GM0193", "category": "totaal",
                        "year": 2023, "value": 1.0}], "passages": [], "options": [],
             "regions": []}
    problems = score_eval.check(question, wrong, score_eval.load_shipped())
    assert any("99%" in p for p in problems) and any("!= data" in p for p in problems)

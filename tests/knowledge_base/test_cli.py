"""The knowledge commands through the real CLI (typer's CliRunner on create_cli())."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli.main import create_cli


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("cli") / "var"
    return {"OOGO_DATA_DIR": str(data), "OOGO_CHROMA_URL": "", "OOGO_EMBEDDING_MODEL": ""}


def _run(env: dict[str, str], *args: str):
    return CliRunner().invoke(create_cli(), list(args), env=env)


def test_index_twice_reports_in_dutch(cli_env: dict[str, str]) -> None:
    first = _run(cli_env, "index")
    assert first.exit_code == 0, first.output
    assert "toegevoegd" in first.output and "ongewijzigd" in first.output
    second = _run(cli_env, "index")
    assert second.exit_code == 0
    assert "0 toegevoegd, 0 gewijzigd, 0 verwijderd" in second.output


def test_search_json_has_cited_passages(cli_env: dict[str, str]) -> None:
    result = _run(cli_env, "search", "wie zit er aan tafel bij het OOGO", "--json")
    assert result.exit_code == 0, result.output
    passages = json.loads(result.output)
    assert 1 <= len(passages) <= 3
    assert set(passages[0]) == {"document", "title", "heading", "text", "score"}
    assert passages[0]["document"].endswith(".md")
    assert any("wethouder" in p["text"].lower() for p in passages)


def test_search_text_and_niet_gevonden(cli_env: dict[str, str]) -> None:
    found = _run(cli_env, "search", "Hoe vaak moet het ondersteuningsplan worden vastgesteld?",
                 "--k", "2", "--method", "bm25")
    assert found.exit_code == 0
    assert "[1]" in found.output and "bron:" in found.output and "[3]" not in found.output
    nothing = _run(cli_env, "search", "Wie won het WK voetbal?", "--method", "bm25")
    assert nothing.exit_code == 0
    assert "Niet gevonden" in nothing.output
    none = _run(cli_env, "search", "Wie won het WK voetbal?", "--json", "--method", "bm25")
    assert json.loads(none.output) == []


def test_search_bad_method_is_a_dutch_message(cli_env: dict[str, str]) -> None:
    result = _run(cli_env, "search", "OOGO", "--method", "magie")
    assert result.exit_code == 2
    assert "Onbekende zoekmethode" in result.output
    assert "Traceback" not in result.output


def test_index_add_folder(cli_env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "regio"
    folder.mkdir()
    (folder / "ondersteuningsplan-zuid.txt").write_text(
        "Het ondersteuningsplan van Regio Zuid regelt de trajectbegeleiding op elke school.",
        "utf-8",
    )
    result = _run(cli_env, "index", "--add", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 toegevoegd" in result.output
    found = _run(cli_env, "search", "trajectbegeleiding Regio Zuid", "--json", "--method", "bm25")
    hits = json.loads(found.output)
    assert hits[0]["document"] == "ondersteuningsplan-zuid.txt"
    missing = _run(cli_env, "index", "--add", str(tmp_path / "nergens"))
    assert missing.exit_code == 1 and "bestaat niet" in missing.output


def test_eval_retrieval_prints_parts_beside_the_baseline(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    part = tmp_path / "retrieval_mini.jsonl"
    part.write_text(
        "\n".join(json.dumps({"id": f"m{i}", "question": q, "lang": "nl", "answers": [
            {"doc": "oogo.md", "heading": h}]}) for i, (q, h) in enumerate([
                ("Wie zitten er aan tafel bij het OOGO?", "Wie zit er aan tafel bij het OOGO?"),
                ("Waar staat OOGO voor?", "Wat is het OOGO en wat betekent het?")])),
        encoding="utf-8",
    )
    result = _run(cli_env, "eval", "retrieval", "--file", str(part))
    assert result.exit_code == 0, result.output
    for word in ("recall@1", "recall@3", "MRR", "basislijn 1000/200", "mediaan"):
        assert word in result.output
    rows = [line.split() for line in result.output.splitlines() if line.startswith("mini ")]
    assert len(rows) == 2 and float(rows[0][-3]) == 1.0
    bad = _run(cli_env, "eval", "retrieval", "--file", "/nonexistent/vragen.jsonl")
    assert bad.exit_code == 1 and "niet gevonden" in bad.output
    broken = tmp_path / "retrieval_kapot.jsonl"
    broken.write_text("{geen json", encoding="utf-8")
    bad = _run(cli_env, "eval", "retrieval", "--file", str(broken))
    assert bad.exit_code == 1 and "geen geldige vraag" in bad.output

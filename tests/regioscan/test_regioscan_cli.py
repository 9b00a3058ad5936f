"""The terminal scan across two separate process runs, and the round commands."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ENTRY = "from bot.cli.main import run; run()"


def oogo(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OOGO_")}
    env["OOGO_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-c", ENTRY, *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120)


def _stored(data_dir: Path):
    from bot.storage.db import make_engine
    from bot.storage.stores import ScanStore

    engine = make_engine(f"sqlite:///{data_dir / 'oogo.sqlite3'}")
    scans = ScanStore(engine)
    record = scans.latest_for_conversation("cli:anna:PERSOONLIJK",
                                           ("active", "paused", "submitted"))
    answers = scans.answers(record.id)
    engine.dispose()
    return record, answers


def test_full_scan_by_typing_over_two_runs(tmp_path):
    data = tmp_path / "var"
    first = oogo(data, "regioscan", "--user", "anna", stdin="\n".join([
        "4", "terug", "5", "overslaan", "2, want lange wachtlijsten", "wijzig 2", "3",
        "voortgang", "pauze"]) + "\n")
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "Vraag 1 van 16" in out and "Je antwoord tot nu toe: eens" in out
    assert "Genoteerd: oneens, met je toelichting" in out
    # "wijzig 2" was typed at question 4: after the new answer the scan is back at 4
    assert "Je bent bij vraag 4 van 16" in out
    assert "De scan staat op pauze" in out and "Traceback" not in out + first.stderr
    record, answers = _stored(data)
    assert record.status == "paused"
    assert {q: a.value for q, a in answers.items()} == {"o1": 5, "o2": 3, "o3": 2}

    second = oogo(data, "regioscan", "--user", "anna", stdin="\n".join(
        ["verder"] + ["4"] * 13 + ["bevestig"]) + "\n")
    assert second.returncode == 0, second.stderr
    out = second.stdout
    assert "verder waar je was" in out and "Fijn, we gaan verder" in out
    assert "Vraag 4 van 16" in out
    assert "Klopt dit?" in out and "Dank je wel" in out
    assert "Onderwijs en jeugdhulp: 3,5" in out and "Afstemming: 4,0" in out
    record, answers = _stored(data)
    assert record.status == "submitted" and len(answers) == 16
    assert answers["o3"].explanation == "want lange wachtlijsten"


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run ``oogo`` in-process (typer's runner) against a fresh data dir."""
    from typer.testing import CliRunner

    from bot.cli.main import create_cli

    for key in [k for k in os.environ if k.startswith("OOGO_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("OOGO_DATA_DIR", str(tmp_path / "var"))
    app = create_cli()
    runner = CliRunner()

    def invoke(*args: str, stdin: str = ""):
        return runner.invoke(app, list(args), input=stdin)

    return invoke


def test_end_of_input_keeps_answers(cli, tmp_path):
    run = cli("regioscan", "--user", "anna", stdin="4\n2\n")
    assert run.exit_code == 0 and "Je antwoorden zijn bewaard" in run.output
    _, answers = _stored(tmp_path / "var")
    assert {q: a.value for q, a in answers.items()} == {"o1": 4, "o2": 2}


def _code_and_token(output: str) -> tuple[str, str]:
    code = re.search(r"Uitnodigingscode.*: ([A-Z0-9]{8})", output).group(1)
    token = re.search(r"Beheertoken.*: (\S+)", output).group(1)
    return code, token


def test_round_commands(cli, tmp_path):
    created = cli("round", "create", "GM0363", "--title", "OOGO 2027")
    assert created.exit_code == 0, created.output
    code, token = _code_and_token(created.output)
    for i, value in enumerate("1234512345"):
        run = cli("regioscan", "--user", f"u{i}", "--code", code, "--role", "gemeente",
                  stdin="\n".join([value] * 16 + ["bevestig"]) + "\n")
        assert "Dank je wel" in run.output, run.output
    status = cli("round", "status", code, "--token", token)
    assert "Aangemeld: 10; scan ingestuurd: 10" in status.output
    early = cli("round", "result", code)
    assert early.exit_code == 2 and "loopt nog" in early.output
    closed = cli("round", "close", code, "--token", token)
    assert "is gesloten" in closed.output
    md = cli("round", "result", code)
    assert "| Onderwijs en jeugdhulp | 3,0 (n = 10) | 3,0 (n = 10) |" in md.output, md.output
    assert code not in md.output
    out_file = tmp_path / "uitslag.json"
    js = cli("round", "result", code, "--format", "json", "-o", str(out_file))
    assert js.exit_code == 0 and json.loads(out_file.read_text())["respondents"] == 10
    assert code not in out_file.read_text() and code not in js.output


@pytest.mark.parametrize(("args", "message"), [
    (("round", "status", "ABCDEFGH", "--token", "x"), "Ik ken geen ronde"),
    (("round", "create", "GM9999"), "ken ik niet"),
    (("round", "result", "ABCDEFGH", "--format", "xml"), "Onbekend formaat"),
    (("regioscan", "--code", "ABCDEFGH", "--role", "swv"), "Ik ken geen ronde"),
    (("regioscan", "--code", "ABCDEFGH", "--role", "piraat"), "geen rol die ik ken"),
])
def test_bad_cli_input_gets_dutch_message(cli, args, message):
    run = cli(*args)
    assert run.exit_code == 2
    assert message in run.output and "Traceback" not in run.output


def test_wrong_token_and_closed_round(cli):
    code, token = _code_and_token(cli("round", "create", "PO2707").output)
    wrong = cli("round", "close", code, "--token", "fout")
    assert wrong.exit_code == 2 and "beheertoken klopt niet" in wrong.output
    assert cli("round", "close", code, "--token", token).exit_code == 0
    late = cli("regioscan", "--user", "x", "--code", code, "--role", "swv", stdin="4\n")
    assert late.exit_code == 2 and "is gesloten" in late.output


def test_finished_scan_exports_markdown_json_and_chart(cli, tmp_path):
    answers = "\n".join(["5, want dichtbij"] + ["2"] * 15 + ["bevestig"]) + "\n"
    md_file, png = tmp_path / "mijn-scan.md", tmp_path / "mijn-scan.png"
    run = cli("regioscan", "--user", "sem", "--export", str(md_file), "--chart", str(png),
              stdin=answers)
    assert run.exit_code == 0, run.output
    text = md_file.read_text(encoding="utf-8")
    assert "**helemaal eens (5)**" in text and "Toelichting: want dichtbij" in text
    assert "Onderwijs en jeugdhulp: 2,8" in text  # (5 + 2 + 2 + 2) / 4 = 2.75
    assert png.read_bytes().startswith(b"\x89PNG")
    json_file = tmp_path / "mijn-scan.json"
    run = cli("regioscan", "--user", "tess", "--export", str(json_file),
              stdin="\n".join(["4"] * 16 + ["bevestig"]) + "\n")
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert [t["mean"] for t in data["outcome"]["themes"]] == [4.0, 4.0, 4.0, 4.0]

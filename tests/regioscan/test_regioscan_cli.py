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
    assert "Je bent bij vraag 3 van 16" in out
    assert "De scan staat op pauze" in out and "Traceback" not in out + first.stderr
    record, answers = _stored(data)
    assert record.status == "paused"
    assert {q: a.value for q, a in answers.items()} == {"o1": 5, "o2": 3, "o3": 2}

    second = oogo(data, "regioscan", "--user", "anna", stdin="\n".join(
        ["verder", "overslaan"] + ["4"] * 13 + ["bevestig"]) + "\n")
    assert second.returncode == 0, second.stderr
    out = second.stdout
    assert "verder waar je was" in out and "Fijn, we gaan verder" in out
    assert "Vraag 3 van 16" in out and "Je antwoord tot nu toe: oneens" in out
    assert "Klopt dit?" in out and "Dank je wel" in out
    assert "Onderwijs en jeugdhulp: 3,5" in out and "Afstemming: 4,0" in out
    record, answers = _stored(data)
    assert record.status == "submitted" and len(answers) == 16
    assert answers["o3"].explanation == "want lange wachtlijsten"


def test_end_of_input_keeps_answers(tmp_path):
    data = tmp_path / "var"
    run = oogo(data, "regioscan", "--user", "anna", stdin="4\n2\n")
    assert run.returncode == 0 and "Je antwoorden zijn bewaard" in run.stdout
    _, answers = _stored(data)
    assert {q: a.value for q, a in answers.items()} == {"o1": 4, "o2": 2}


def test_round_commands(tmp_path):
    data = tmp_path / "var"
    created = oogo(data, "round", "create", "GM0363", "--title", "OOGO 2027")
    assert created.returncode == 0, created.stderr
    code = re.search(r"Uitnodigingscode.*: ([A-Z0-9]{8})", created.stdout).group(1)
    token = re.search(r"Beheertoken.*: (\S+)", created.stdout).group(1)
    for i, role in enumerate(["gemeente", "jeugdhulp", "school"]):
        run = oogo(data, "regioscan", "--user", f"u{i}", "--code", code, "--role", role,
                   stdin="\n".join(["3"] * 16 + ["bevestig"]) + "\n")
        assert "Dank je wel" in run.stdout, run.stderr
    status = oogo(data, "round", "status", code, "--token", token)
    assert "Aangemeld: 3; scan ingestuurd: 3" in status.stdout
    md = oogo(data, "round", "result", code)
    assert "| Onderwijs en jeugdhulp | 3,0 (spreiding 0,0, n = 3) |" in md.stdout
    assert "te weinig respondenten om te tonen" in md.stdout  # each role has only 1
    out_file = tmp_path / "uitslag.json"
    js = oogo(data, "round", "result", code, "--format", "json", "-o", str(out_file))
    assert js.returncode == 0 and json.loads(out_file.read_text())["respondents"] == 3
    closed = oogo(data, "round", "close", code, "--token", token)
    assert "is gesloten" in closed.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("round", "status", "ABCDEFGH", "--token", "x"), "Ik ken geen ronde"),
    (("round", "create", "GM9999"), "ken ik niet"),
    (("round", "result", "ABCDEFGH", "--format", "xml"), "Onbekend formaat"),
    (("regioscan", "--code", "ABCDEFGH", "--role", "swv"), "Ik ken geen ronde"),
])
def test_bad_cli_input_gets_dutch_message(tmp_path, args, message):
    run = oogo(tmp_path / "var", *args)
    assert run.returncode == 2
    assert message in run.stderr and "Traceback" not in run.stderr


def test_wrong_token_and_closed_round(tmp_path):
    data = tmp_path / "var"
    created = oogo(data, "round", "create", "PO2707")
    code = re.search(r"Uitnodigingscode.*: ([A-Z0-9]{8})", created.stdout).group(1)
    token = re.search(r"Beheertoken.*: (\S+)", created.stdout).group(1)
    wrong = oogo(data, "round", "close", code, "--token", "fout")
    assert wrong.returncode == 2 and "beheertoken klopt niet" in wrong.stderr
    assert oogo(data, "round", "close", code, "--token", token).returncode == 0
    late = oogo(data, "regioscan", "--user", "x", "--code", code, "--role", "swv", stdin="4\n")
    assert late.returncode == 2 and "is gesloten" in late.stderr

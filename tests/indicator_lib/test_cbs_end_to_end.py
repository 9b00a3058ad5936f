"""Done-when of issue 19, through the real CLI: ``oogo data fetch cbs`` against a fake CBS OData
server on 127.0.0.1, then ``oogo data import``; chat, points and report show the jeugdzorg totals
and zorgtypes of the fake's gemeenten as real CBS figures with their source, while the
per-onderwijssoort and NEET relative-risk figures stay labelled as demonstration data."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli.main import create_cli
from tests.support.fake_statline import FakeStatLine

CBS_2023 = "CBS StatLine 85099NED (2024-10-31)"


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    """The CLI with one data dir into which the fake's figures were fetched and imported."""
    root = tmp_path_factory.mktemp("e2e")
    server = FakeStatLine().start()
    patch = pytest.MonkeyPatch()
    patch.setenv("OOGO_DATA_DIR", str(root / "var"))
    patch.setenv("OOGO_CBS_BASE_URL", server.base_url)
    runner, app = CliRunner(), create_cli()

    def run(*args: str):
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    fetched = run("data", "fetch", "cbs", "--out", str(root / "cbs.csv"))
    server.stop()  # from here on nothing touches a network
    imported = run("data", "import", str(root / "cbs.csv"))
    yield run, root, fetched, imported
    patch.undo()


def _ask(run, question: str) -> dict:
    return json.loads(run("ask", question, "--json"))


def test_fetch_and_import_report_what_they_did(cli):
    _run, root, fetched, imported = cli
    assert "84134NED" in fetched and "85099NED" in fetched and "geen cijfer" in fetched
    assert (root / "cbs.provenance.json").exists()
    assert f"rijen uit {CBS_2023} (Bron: CBS, licentie CC BY 4.0)" in imported


def test_chat_shows_real_totals_with_their_cbs_source_and_definition(cli):
    run = cli[0]
    data = _ask(run, "Hoeveel jeugdzorg in Amsterdam in 2023?")
    own = next(f for f in data["facts"] if f["region"] == "GM0363")
    assert (own["category"], own["year"], own["source"]) == ("totaal", 2023, CBS_2023)
    assert not data["demo_data"]
    assert CBS_2023 in data["answer"] and "CC BY 4.0" in data["answer"]
    assert "Definitie volgens CBS (0 tot 23 jaar)" in data["answer"]
    assert "demonstratie" not in data["answer"].lower()  # no banner over real figures
    zorgtype = _ask(run, "Hoeveel jeugdhulp met verblijf in Hardenberg in 2023?")
    fact = next(f for f in zorgtype["facts"] if f["region"] == "GM0160")
    assert fact["category"] == "jeugdhulp_met_verblijf" and fact["source"] == CBS_2023


def test_chat_keeps_onderwijssoort_and_neet_risk_as_demonstration(cli):
    run = cli[0]
    for question in ("Hoeveel jeugdzorg in het vso in Amsterdam in 2023?",
                     "Wat is het relatieve risico op NEET na praktijkonderwijs in Amsterdam?"):
        data = _ask(run, question)
        assert data["facts"] and all(f["source"] == "demo" for f in data["facts"]), question
        assert data["demo_data"] and "demonstratiecijfers" in data["answer"]


def test_chat_refuses_to_compare_real_with_demo(cli):
    run = cli[0]
    data = _ask(run, "Vergelijk jeugdzorg in Amsterdam met Groningen in 2023")
    sources = {f["region"]: f["source"] for f in data["facts"]}
    assert sources["GM0363"] == CBS_2023 and sources["GM0014"] == "demo"
    assert "vergelijk ik niet met elkaar" in data["answer"]
    assert "hoger" not in data["answer"] and "lager" not in data["answer"]
    assert "Let op: de cijfers van Groningen 2023 zijn demonstratiecijfers" in data["answer"]


def test_points_give_each_piece_of_evidence_its_own_source(cli):
    run = cli[0]
    result = json.loads(run("points", "Hardenberg", "--json"))
    evidence = [e for p in result["points"] for e in p["evidence"] if e["facts"]]
    real = [e for e in evidence if all(f["source"] != "demo" for f in e["facts"])]
    demo = [e for e in evidence if all(f["source"] == "demo" for f in e["facts"])]
    assert real and demo
    assert all("CBS StatLine" in e["source"] and "Demonstratie" not in e["source"] for e in real)
    assert all(f["category"] in ("totaal", "jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf",
                                 "jeugdbescherming", "jeugdreclassering")
               for e in real for f in e["facts"])
    assert all("Demonstratiedata" in e["source"] for e in demo)
    text = run("points", "Hardenberg")
    assert "echte CBS-cijfers" in text


def test_report_marks_demo_cells_and_lists_the_cbs_tables(cli):
    run, root = cli[0], cli[1]
    run("report", "Hardenberg", "-o", str(root / "hardenberg.md"))
    text = (root / "hardenberg.md").read_text(encoding="utf-8")
    cells = {line.split(" | ")[0].lstrip("| "): line.split(" | ")[2:6] for line in
             text.splitlines() if line.startswith("| Jeugd")}
    real = [c for label, c in cells.items() if "onder alle jeugdigen" in label]
    demo = [c for label, c in cells.items() if "onder alle jeugdigen" not in label]
    assert real and demo
    # the total and the zorgtypes of Hardenberg and Nederland are real; per onderwijssoort demo
    assert all("(demo)" not in c[0] and "(demo)" not in c[3] for c in real)
    assert all("(demo)" in c[0] and "(demo)" in c[3] for c in demo)
    assert ("CBS StatLine 85099NED, Kerncijfers over jeugdzorg (gewijzigd 2024-10-31" in text
            and "licentie CC BY 4.0" in text)
    assert "Echte cijfers en demonstratiedata" in text
    assert "Definitie volgens CBS (0 tot 23 jaar)" in text  # CBS's own, beside the demo one

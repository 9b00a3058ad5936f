"""``oogo report`` and ``oogo points`` through the real CLI app, including bad input:
unknown region, a region without regioscan round, unwritable output paths (exit 2, Dutch text,
no traceback)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.oogo.conftest import MID_SIZE, SMALL_RURAL


@pytest.fixture
def run(data_dir, monkeypatch):
    from bot.cli.main import create_cli

    monkeypatch.setenv("OOGO_DATA_DIR", str(data_dir))
    monkeypatch.delenv("OOGO_LLM", raising=False)
    app = create_cli()
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_points_text_and_json(run) -> None:
    result = run("points", MID_SIZE)
    assert result.exit_code == 0, result.output
    assert "OOGO-gesprekspunten" in result.output
    assert "nog geen afgeronde regioscan" in result.output  # no scan data for this region
    assert "score" not in result.output.lower()
    result = run("points", MID_SIZE, "--json")
    data = json.loads(result.output)
    assert data["region"]["code"] == MID_SIZE and data["has_scan"] is False
    ranked = [p for p in data["points"] if not p["standing"]]
    assert ranked and all(p["evidence"] and p["score"] > 0 for p in ranked)
    for point in ranked:  # the JSON keeps each test's verdict per evidence item
        for item in point["evidence"]:
            assert item["detail"]["significant"] is True and item["detail"]["relevant"] is True
    assert all(not p["evidence"] and p["passages"] for p in data["points"] if p["standing"])


def test_unknown_region(run) -> None:
    for command in (("points", "Zwolle-Noord"), ("report", "Zwolle-Noord", "-o", "x.html")):
        result = run(*command)
        assert result.exit_code == 2
        assert "Zwolle-Noord" in result.output and "Zwolle" in result.output.replace(
            "Zwolle-Noord", "")  # the suggestion
        _no_traceback(result)
    result = run("points", "Bergen")  # ambiguous: both candidates are named
    assert result.exit_code == 2 and "Noord-Holland" in result.output and "Limburg" in result.output
    result = run("points", "Atlantis")
    assert result.exit_code == 2 and "Atlantis" in result.output
    _no_traceback(result)


def test_misspelled_region_is_guessed_with_a_note(run) -> None:
    result = run("points", "Amsterdm")
    assert result.exit_code == 0
    assert "Amsterdam bedoelt" in result.output


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_report_formats(run, tmp_path, fmt) -> None:
    target = tmp_path / f"oogo.{fmt}"
    result = run("report", SMALL_RURAL, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "nog geen afgeronde regioscan" in result.output
    data = target.read_bytes()
    assert data.startswith(b"%PDF") if fmt == "pdf" else b"OOGO-voorbereiding" in data


def test_report_format_option_overrides_extension(run, tmp_path) -> None:
    target = tmp_path / "oogo.out"
    result = run("report", SMALL_RURAL, "-o", str(target), "--format", "html")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = run("report", SMALL_RURAL, "-o", str(tmp_path / "oogo.docx"))
    assert result.exit_code == 2 and "Onbekend formaat" in result.output
    _no_traceback(result)


def test_unwritable_output_paths(run, tmp_path) -> None:
    missing = tmp_path / "bestaat-niet" / "oogo.pdf"
    result = run("report", SMALL_RURAL, "-o", str(missing))
    assert result.exit_code == 2 and "bestaat niet" in result.output
    _no_traceback(result)
    result = run("report", SMALL_RURAL, "-o", str(tmp_path))  # a directory, not a file
    assert result.exit_code == 2 and "is een map" in result.output
    _no_traceback(result)
    blocker = tmp_path / "bestand.txt"
    blocker.write_text("x")
    result = run("report", SMALL_RURAL, "-o", str(blocker / "oogo.html"))
    assert result.exit_code == 2
    _no_traceback(result)
    assert not missing.exists()


def test_write_error_is_reported_in_dutch(run, tmp_path, monkeypatch) -> None:
    import errno

    from bot.oogo import report_render

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(report_render, "write_report", refuse)
    result = run("report", SMALL_RURAL, "-o", str(tmp_path / "oogo.html"))
    assert result.exit_code == 2 and "geen schrijfrechten" in result.output
    assert "Permission denied" not in result.output
    _no_traceback(result)


@pytest.mark.parametrize("command", [("points", MID_SIZE),
                                     ("regioscan", "-u", "qa", "-r", "gemeente")])
def test_unknown_language_is_refused_in_dutch(run, command) -> None:
    """--lang fr used to answer quietly in Dutch; now it stops with a Dutch message (exit 2)."""
    result = run(*command, "--lang", "fr")
    _no_traceback(result)
    assert result.exit_code == 2, result.output
    assert "Taal 'fr' ken ik niet" in result.output
    assert "Vraag" not in result.output and "Voorstel" not in result.output

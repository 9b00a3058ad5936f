"""The indicator commands through the real CLI (typer CliRunner on create_cli())."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli.main import create_cli


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OOGO_DATA_DIR", str(tmp_path / "var"))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(create_cli(), list(args))

    return invoke


def test_regions_find(run):
    result = run("regions", "find", "Den Bosch")
    assert result.exit_code == 0, result.output
    assert "'s-Hertogenbosch (GM0796)" in result.output
    data = json.loads(run("regions", "find", "Amsterdm", "--json").output)
    assert data["region"]["code"] == "GM0363" and data["method"] == "fuzzy"


def test_ambiguous_and_unknown_region_exit_2_without_traceback(run):
    result = run("regions", "find", "Bergen")
    assert result.exit_code == 2
    assert "GM0373" in result.output and "GM0893" in result.output
    result = run("indicator", "show", "neet", "Parijs")
    assert result.exit_code == 2 and "Ik ken geen gemeente" in result.output
    assert "Traceback" not in result.output


def test_regions_peers(run):
    result = run("regions", "peers", "Zwolle")
    assert result.exit_code == 0 and result.output.count("GM") == 8


def test_indicator_show_with_comparisons(run):
    result = run("indicator", "show", "neet", "Amsterdam", "--compare", "land")
    assert result.exit_code == 0, result.output
    assert "Amsterdam" in result.output and "Nederland" in result.output
    assert "Demonstratiedata" in result.output and "Definitie:" in result.output
    for compare in ("swv", "peers", "Deventer"):
        result = run("indicator", "show", "jeugdzorg", "Zwolle", "--category", "vso",
                     "--compare", compare)
        assert result.exit_code == 0, (compare, result.output)


def test_indicator_show_json(run):
    result = run("indicator", "show", "jeugdzorg", "GM0193", "--year", "2021", "--compare",
                 "swv", "--json")
    data = json.loads(result.output)
    assert data["value"]["year"] == 2021 and data["comparison"]["b"]["region"] == "VO2305"
    assert data["demo_data"] is True and data["text"]


def test_indicator_show_bad_input(run):
    assert run("indicator", "show", "armoede", "Zwolle").exit_code == 2
    result = run("indicator", "show", "jeugdzorg", "Zwolle", "--category", "havo")
    assert result.exit_code == 2 and "geen categorie" in result.output


def test_chart_command(run, tmp_path):
    out = tmp_path / "c.png"
    result = run("chart", "jeugdzorg", "Zwolle", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG")
    trend = tmp_path / "t.png"
    assert run("chart", "neet", "Zwolle", "--trend", "--compare", "land", "-o",
               str(trend)).exit_code == 0
    assert trend.read_bytes().startswith(b"\x89PNG")


def test_data_import_good_and_bad(run, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("indicator,region,category,year,numerator,denominator,value\n"
                    "neet,GM0193,totaal,2023,300,10000,3.0\n", encoding="utf-8")
    result = run("data", "import", str(good))
    assert result.exit_code == 0, result.output
    data = json.loads(run("indicator", "show", "neet", "Zwolle", "--json").output)
    assert data["value"]["value"] == 3.0 and data["value"]["demo"] is False
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,region,category,year,numerator,denominator,value\n"
                   "neet,GM0193,totaal,2023,400,100,3.0\n", encoding="utf-8")
    result = run("data", "import", str(bad))
    assert result.exit_code == 1 and "bad.csv, regel 2" in result.output
    data = json.loads(run("indicator", "show", "neet", "Zwolle", "--json").output)
    assert data["value"]["value"] == 3.0

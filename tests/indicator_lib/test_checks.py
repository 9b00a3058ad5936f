"""Consistency rules: the shipped data passes them, and each rule catches its own contradiction."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from indicators.checks import check_file
from indicators.errors import ImportRejected
from indicators.importer import import_file
from indicators.store import DEMO_CSV, PACKAGE_DATA, RR_COUNTS_CSV

HEADER = "indicator,region,category,year,numerator,denominator,value\n"


def test_shipped_data_passes_every_rule(registry):
    report = check_file(PACKAGE_DATA / DEMO_CSV, registry, PACKAGE_DATA / RR_COUNTS_CSV)
    assert report.problems == []
    assert report.rows > 40000
    assert report.national["jeugdzorg/totaal"] == pytest.approx(10.6, abs=0.2)
    assert report.national["neet/totaal"] == pytest.approx(4.0, abs=0.3)
    assert report.national["neet_rr/pro"] == pytest.approx(3.0, abs=0.35)


def _mutated(tmp_path: Path, change) -> Path:
    """A copy of the shipped file with one row changed by ``change(row) -> row | None``."""
    with (PACKAGE_DATA / DEMO_CSV).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = tmp_path / "mutated.csv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            new = change(dict(row))
            if new is not None:
                writer.writerow(new)
    return out


def _set(row: dict, num: int) -> dict:
    row["numerator"] = str(num)
    row["value"] = str(round(100 * num / int(row["denominator"]), 1))
    return row


def _key(row: dict) -> tuple:
    return row["indicator"], row["region"], row["category"], row["year"]


def test_zorgtype_above_total_is_caught(registry, tmp_path):
    target = ("jeugdzorg", "GM0037", "jeugdhulp_zonder_verblijf", "2023")
    total = next(r for r in csv.DictReader((PACKAGE_DATA / DEMO_CSV).open(encoding="utf-8"))
                 if _key(r) == ("jeugdzorg", "GM0037", "totaal", "2023"))
    path = _mutated(tmp_path, lambda r: _set(r, int(total["numerator"]) + 5)
                    if _key(r) == target else r)
    problems = check_file(path, registry).problems
    assert any("GM0037 2023: jeugdhulp zonder verblijf" in p and "meer dan alle jeugdzorg" in p
               for p in problems), problems
    assert all(p.startswith("mutated.csv, regel ") for p in problems)


def test_zorgtypes_below_total_and_onderwijs_above_total_are_caught(registry, tmp_path):
    def change(row):
        if _key(row) == ("jeugdzorg", "GM0150", "jeugdhulp_zonder_verblijf", "2022"):
            return _set(row, 10)
        if _key(row) == ("jeugdzorg", "GM0193", "po", "2021"):
            return _set(row, int(row["denominator"]))
        return row

    problems = check_file(_mutated(tmp_path, change), registry).problems
    assert any("GM0150 2022: de zorgtypes samen" in p for p in problems), problems
    assert any("GM0193 2021: de onderwijssoorten samen" in p for p in problems), problems


def test_aggregate_that_is_not_the_sum_and_unpublished_level_are_caught(registry, tmp_path):
    def change(row):
        if _key(row) == ("neet", "VO2305", "totaal", "2023"):
            return _set(row, int(row["numerator"]) + 1)
        return row

    path = _mutated(tmp_path, change)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("neet,PO2001,totaal,2023,100,1000,10.0\n")
    problems = check_file(path, registry).problems
    assert any("VO2305 2023 (neet, totaal)" in p and "niet de som" in p for p in problems)
    assert any("niet per samenwerkingsverband PO gepubliceerd" in p for p in problems)


def test_import_runs_the_rules_and_changes_nothing(registry, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "jeugdzorg,GM0193,totaal,2023,100,1000,10.0\n"
                   "jeugdzorg,GM0193,jeugdbescherming,2023,150,1000,15.0\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        import_file(bad, registry, tmp_path / "var")
    assert any(p.startswith("bad.csv, regel 3: GM0193 2023: jeugdbescherming")
               for p in info.value.problems)
    assert not (tmp_path / "var" / "indicators" / "imported.csv").exists()


def test_percentages_without_counts_are_checked_too(registry, tmp_path):
    bad = tmp_path / "pct.csv"
    bad.write_text(HEADER + "jeugdzorg,GM0193,totaal,2023,,,10.0\n"
                   "jeugdzorg,GM0193,jeugdhulp_met_verblijf,2023,,,12.0\n", encoding="utf-8")
    assert any("meer dan alle jeugdzorg" in p for p in check_file(bad, registry).problems)


def test_cli_data_check(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from bot.cli.main import create_cli

    monkeypatch.setenv("OOGO_DATA_DIR", str(tmp_path / "var"))
    runner = CliRunner()
    result = runner.invoke(create_cli(), ["data", "check"])
    assert result.exit_code == 0, result.output
    assert "0 fouten" in result.output and "10," in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "neet,PO2001,totaal,2023,100,1000,10.0\n", encoding="utf-8")
    result = runner.invoke(create_cli(), ["data", "check", str(bad)])
    assert result.exit_code == 1 and "bad.csv, regel 2:" in result.output
    assert "Traceback" not in result.output

"""oogo data import: a good file is stored and wins over demo data; a bad file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.engine import IndicatorEngine
from indicators.errors import ImportRejected
from indicators.importer import import_file
from indicators.sources import MixedSources

HEADER = "indicator,region,category,year,numerator,denominator,value\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_is_stored_and_takes_precedence(registry, tmp_path):
    data_dir = tmp_path / "var"
    good = _write(tmp_path, "good.csv", HEADER
                  + "neet,GM0363,totaal,2023,5000,100000,5.0\n"
                  + "jeugdzorg,GM0193,po,2023,,,9.5\n"
                  + "neet_rr,NL01,pro,2023,,,3.1\n")
    report = import_file(good, registry, data_dir)
    assert (report.rows, report.added, report.updated) == (3, 3, 0)
    assert report.replaces_demo == 3
    assert "3 rijen uit good.csv goedgekeurd" in report.summary()
    engine = IndicatorEngine.load(registry, data_dir=data_dir)
    v = engine.lookup("neet", "GM0363", year=2023)
    assert (v.value, v.numerator, v.demo) == (5.0, 5000, False)
    assert "Geïmporteerde" in v.source
    assert engine.lookup("neet", "GM0363", year=2022).demo  # other rows stay demo
    with pytest.raises(MixedSources, match="niet met elkaar"):  # real against demo: refused
        engine.compare("neet_rr", "NL01", "GM0363", "pro")
    assert engine.lookup("neet_rr", "NL01", "pro", 2023).value == 3.1
    again = import_file(good, registry, data_dir)
    assert (again.added, again.unchanged) == (0, 3)


def test_bad_file_is_rejected_with_file_line_reason_and_nothing_changes(registry, tmp_path):
    data_dir = tmp_path / "var"
    import_file(_write(tmp_path, "first.csv", HEADER + "neet,GM0363,totaal,2023,5000,100000,5.0\n"),
                registry, data_dir)
    stored = (data_dir / "indicators" / "imported.csv").read_bytes()
    bad = _write(tmp_path, "bad.csv", HEADER
                 + "neet,GM0193,totaal,2023,100,1000,10.0\n"      # line 2: fine
                 + "neet,GM9999,totaal,2023,5,10,50.0\n"          # line 3: unknown region
                 + "jeugdzorg,GM0193,havo,2023,,,9.5\n"           # line 4: bad category
                 + "neet,GM0193,totaal,20x3,1,2,50\n"             # line 5: bad year
                 + "neet,GM0193,totaal,2022,20,10,200\n"          # line 6: num > den
                 + "neet,GM0193,totaal,2021,10,100,12.0\n"        # line 7: inconsistent value
                 + "neet,GM0193,totaal,2023,100,1000,10.0\n"      # line 8: duplicate of line 2
                 + "neet_rr,NL01,pro,2023,1,2,3.1\n"              # line 9: counts on neet_rr
                 + "armoede,GM0193,totaal,2023,1,2,50\n"          # line 10: unknown indicator
                 + "neet,GM0193,totaal,2020,abc,100,5\n")         # line 11: not a number
    with pytest.raises(ImportRejected) as info:
        import_file(bad, registry, data_dir)
    problems = info.value.problems
    assert [p.split(":")[0] for p in problems] == [
        f"bad.csv, regel {n}" for n in (3, 4, 5, 6, 7, 8, 9, 10, 11)]
    assert "GM9999" in problems[0] and "havo" in problems[1]
    assert "groter dan denominator" in problems[3] and "regel 2" in problems[5]
    assert "er is niets veranderd" in str(info.value)
    assert (data_dir / "indicators" / "imported.csv").read_bytes() == stored
    engine = IndicatorEngine.load(registry, data_dir=data_dir)
    assert engine.lookup("neet", "GM0193", year=2023).demo


def test_missing_column_and_empty_file(registry, tmp_path):
    with pytest.raises(ImportRejected, match="kolom ontbreekt"):
        path = _write(tmp_path, "cols.csv", "indicator,region,year,value\nneet,GM0363,2023,4\n")
        import_file(path, registry, tmp_path / "var")
    with pytest.raises(ImportRejected, match="geen rijen"):
        import_file(_write(tmp_path, "empty.csv", HEADER), registry, tmp_path / "var")
    with pytest.raises(ImportRejected, match="bestaat niet"):
        import_file(tmp_path / "nope.csv", registry, tmp_path / "var")
    one = _write(tmp_path, "one.csv", HEADER + "neet,GM0363,totaal,2023,50,1000,5\n")
    assert "1 rij uit one.csv goedgekeurd" in import_file(one, registry, tmp_path / "one").summary()
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    with pytest.raises(ImportRejected, match="is een map"):
        import_file(folder, registry, tmp_path / "var")
    assert not (tmp_path / "var" / "indicators" / "imported.csv").exists()


def test_statline_export(registry, tmp_path):
    data_dir = tmp_path / "var"
    text = ('"ID";"RegioS";"Perioden";"PercentageJongerenMetJeugdzorg_99"\n'
            '"0";"GM0363  ";"2023JJ00";"12,5"\n'
            '"1";"NL01  ";"2023JJ00";"."\n')
    report = import_file(_write(tmp_path, "statline.csv", text), registry, data_dir)
    assert (report.rows, report.skipped) == (1, 1)
    engine = IndicatorEngine.load(registry, data_dir=data_dir)
    v = engine.lookup("jeugdzorg", "GM0363", "totaal", 2023)
    assert v.value == 12.5 and not v.demo
    bad = ('"ID";"RegioS";"Perioden";"PercentageJongerenMetJeugdzorg_99"\n'
           '"0";"PV27  ";"2023JJ00";"12,5"\n"1";"GM0363";"2023KW01";"3"\n')
    with pytest.raises(ImportRejected) as info:
        import_file(_write(tmp_path, "bad_statline.csv", bad), registry, data_dir)
    assert any("regel 3" in p and "periode" in p for p in info.value.problems)


def test_statline_with_unknown_column_needs_options(registry, tmp_path):
    text = '"ID";"RegioS";"Perioden";"Iets_1"\n"0";"GM0363";"2022JJ00";"4,2"\n'
    path = _write(tmp_path, "other.csv", text)
    with pytest.raises(ImportRejected, match="--indicator"):
        import_file(path, registry, tmp_path / "var")
    report = import_file(path, registry, tmp_path / "var", indicator="neet", category="totaal",
                         value_column="Iets_1")
    assert report.rows == 1


def test_extra_file_setting_is_validated_and_used(registry, tmp_path):
    extra = _write(tmp_path, "extra.csv", HEADER + "neet,GM0150,totaal,2023,40,1000,4.0\n")
    engine = IndicatorEngine.load(registry, extra_files=(extra,))
    assert engine.lookup("neet", "GM0150").value == 4.0
    assert not engine.lookup("neet", "GM0150").demo
    broken = _write(tmp_path, "broken.csv", HEADER + "neet,GM0150,totaal,2023,40,10,4.0\n")
    with pytest.raises(ImportRejected, match="broken.csv, regel 2"):
        IndicatorEngine.load(registry, extra_files=(broken,))


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "1e400", "Infinity", "٢٫٥", "２.５"])
def test_a_relative_risk_that_is_no_finite_number_is_refused(registry, tmp_path, value):
    """float() takes these; the answers then said "inf keer zo veel kans" (found in an attack)."""
    path = _write(tmp_path, "rr.csv", "indicator,region,category,year,numerator,denominator,value\n"
                  f"neet_rr,GM0193,vso,2023,,,{value}\n")
    with pytest.raises(ImportRejected, match="geen getal"):
        import_file(path, registry, tmp_path / "var")
    assert not (tmp_path / "var" / "indicators" / "imported.csv").exists()


def test_digits_of_another_script_are_no_count(registry, tmp_path):
    path = _write(tmp_path, "c.csv", "indicator,region,category,year,numerator,denominator,value\n"
                  "jeugdzorg,GM0193,totaal,2023,٤٣٨٨,32611,\n")
    with pytest.raises(ImportRejected, match="geen geheel getal|geen getal"):
        import_file(path, registry, tmp_path / "var")


def test_a_field_over_the_csv_limit_is_a_clear_refusal(registry, tmp_path):
    path = _write(tmp_path, "long.csv", "indicator,region,category,year,numerator,denominator,"
                  "value\njeugdzorg,GM0193,totaal,2023,1,2," + "9" * 200_000 + "\n")
    with pytest.raises(ImportRejected, match="geen leesbaar CSV-bestand"):
        import_file(path, registry, tmp_path / "var")


def test_a_device_or_a_pipe_is_refused_without_reading_it(registry, tmp_path):
    """/dev/zero used to be read until the memory ran out, a named pipe blocked for ever."""
    import os

    fifo = tmp_path / "pijp.csv"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(ImportRejected, match="geen gewoon bestand"):
            import_file(path, registry, tmp_path / "var")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(registry, tmp_path, monkeypatch):
    from indicators import importer

    monkeypatch.setattr(importer, "MAX_IMPORT_BYTES", 100)
    path = _write(tmp_path, "big.csv", "indicator,region,category,year,numerator,denominator,"
                  "value\n" + "jeugdzorg,GM0193,totaal,2023,4388,32611,\n" * 10)
    with pytest.raises(ImportRejected, match="te groot"):
        import_file(path, registry, tmp_path / "var")


def test_a_huge_value_is_quoted_back_cut(registry, tmp_path):
    """Found in an attack: a 100,000-character region code came back whole in the refusal."""
    path = _write(tmp_path, "x.csv", "indicator,region,category,year,numerator,denominator,"
                  "value\njeugdzorg," + "G" * 100_000 + ",totaal,2023,1,20,\n")
    with pytest.raises(ImportRejected) as caught:
        import_file(path, registry, tmp_path / "var")
    assert len(str(caught.value)) < 2_000 and "GGGG…" in str(caught.value)

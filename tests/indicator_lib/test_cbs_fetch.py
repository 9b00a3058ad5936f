"""``indicators.cbs``: the real cbsodata client against a fake CBS OData v3 server on 127.0.0.1."""

from __future__ import annotations

import csv
import json

import pytest

from indicators.cbs.client import StatLineClient, StatLineError
from indicators.cbs.fetch import fetch
from indicators.cbs.mapping import parse_cell
from tests.support.fake_statline import FakeStatLine, compile_filter


@pytest.fixture
def statline():
    server = FakeStatLine().start()
    yield server
    server.stop()


def _rows(path) -> dict[tuple, dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return {(r["indicator"], r["region"], r["category"], r["year"]): r
                for r in csv.DictReader(handle)}


def test_client_reads_metadata_and_pages_through_the_data(statline):
    client = StatLineClient(statline.base_url)
    info = client.table_info("85099NED")
    assert info["Identifier"] == "85099NED" and info["Modified"].startswith("2024-10-31")
    one = client.data("85099NED", filters="substringof('A045561',VormenVanJeugdzorg)")
    assert len(one) == 3 * 2 * 6  # years x (year, half year) x regions
    data = client.data("85099NED")
    assert len(data) == 7 * 3 * 2 * 6  # more than one page: odata.nextLink is followed
    assert sum("skip" in r for r in statline.requests) >= 6
    assert data[0]["RegioS"].endswith(" ")  # CBS pads codes; the mapping strips them


def test_cells_keep_cbs_marks_instead_of_numbers():
    assert parse_cell("     12.5") == (12.5, None)
    assert parse_cell("      .") == (None, ".")
    assert parse_cell("x") == (None, "x")
    assert parse_cell(None) == (None, ".")


def test_fetch_writes_long_rows_marks_sums_and_provenance(statline, registry, tmp_path):
    out = tmp_path / "cbs.csv"
    report = fetch(out, registry, base_url=statline.base_url)
    rows = _rows(out)
    # every gemeente of the fake and Nederland, totals and the four zorgtypes, 2019-2023
    total = rows[("jeugdzorg", "GM0363", "totaal", "2023")]
    assert total["source"] == "CBS StatLine 85099NED" and total["source_modified"] == "2024-10-31"
    num, den, value = int(total["numerator"]), int(total["denominator"]), float(total["value"])
    assert abs(100 * num / den - value) < 0.06 and num % 5 == 0
    assert rows[("jeugdzorg", "GM0363", "totaal", "2019")]["source"] == "CBS StatLine 84134NED"
    for category in ("jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
                     "jeugdreclassering"):
        part = rows[("jeugdzorg", "GM0363", category, "2023")]
        assert int(part["denominator"]) == den  # same 0-22 population as the total
    # CBS's "." stays "geen cijfer": no numbers, the mark kept, never 0
    secret = rows[("jeugdzorg", "GM0175", "jeugdreclassering", "2022")]
    assert (secret["numerator"], secret["value"], secret["mark"]) == ("", "", ".")
    # provinces, half years, unknown gemeenten and the decoy "in natura" total are skipped
    assert not any(k[1].startswith("PV") or k[1] == "GM9999" for k in rows)
    assert {k[3] for k in rows} == {"2019", "2020", "2021", "2022", "2023"}
    # VO 23.07 is exactly Hardenberg + Ommen: summed; not where a member has no figure
    swv = rows[("jeugdzorg", "VO2307", "totaal", "2023")]
    parts = [rows[("jeugdzorg", g, "totaal", "2023")] for g in ("GM0160", "GM0175")]
    assert int(swv["numerator"]) == sum(int(p["numerator"]) for p in parts)
    assert int(swv["denominator"]) == sum(int(p["denominator"]) for p in parts)
    assert ("jeugdzorg", "VO2307", "jeugdreclassering", "2022") not in rows
    # Amsterdam's SWVs are split over gemeenten / incomplete: no SWV figure at all
    assert not any(k[1] in ("PO2707", "VO2708") for k in rows)
    prov = json.loads(report.provenance.read_text(encoding="utf-8"))
    assert prov["licence"] == "CC BY 4.0" and prov["attribution"] == "Bron: CBS"
    table = prov["tables"]["85099NED"]
    assert table["title"] == "Kerncijfers over jeugdzorg" and table["modified"] == "2024-10-31"
    assert table["categories"]["totaal"]["Key"] == "A045561"
    assert table["marks"] == {".": 1}
    definition = prov["definitions"]["jeugdzorg/totaal@85099NED"]
    assert definition["age_range"] == "0 tot 23 jaar"
    assert "woonplaatsbeginsel" in definition["definition_nl"] + definition["region_basis"]
    assert prov["downloaded"]
    assert "geen cijfer" in report.summary() and "oogo data import" in report.summary()


def test_unreachable_server_or_unknown_table_write_nothing(registry, tmp_path, statline):
    out = tmp_path / "cbs.csv"
    with pytest.raises(StatLineError, match="niet bereikbaar"):
        fetch(out, registry, base_url="http://127.0.0.1:9")
    with pytest.raises(ValueError, match="Onbekende tabel"):
        fetch(out, registry, tables=("12345NED",), base_url=statline.base_url)
    statline.fail = True
    with pytest.raises(StatLineError, match="fout"):
        fetch(out, registry, base_url=statline.base_url)
    assert not out.exists() and not (tmp_path / "cbs.provenance.json").exists()


def test_fake_filter_grammar_matches_what_the_client_sends():
    keep = compile_filter("(substringof('A1',V) or V eq 'B') and startswith(R,'GM')")
    assert keep({"V": "A1  ", "R": "GM0363"}) and keep({"V": "B", "R": "GM1"})
    assert not keep({"V": "C", "R": "GM1"}) and not keep({"V": "B", "R": "NL01"})


def test_neet_mapping_counts_no_education_and_no_work_over_all_young_people():
    from indicators.cbs.mapping import MappingError, map_neet
    from indicators.cbs.tables import TABLES

    dims = {"Onderwijsvolgend": "Onderwijsvolgend", "Arbeidskenmerken": "Arbeidskenmerken",
            "Uitkering": "Uitkering", "Uwv": "Geregistreerd werkzoekende bij UWV"}
    properties = [{"Type": "Dimension", "Key": k, "Title": t} for k, t in dims.items()]
    properties.append({"Type": "Topic", "Key": "Jongeren_1", "Title": "Jongeren (15 tot 27 jaar)",
                       "Unit": "aantal"})
    codes = {"Onderwijsvolgend": [{"Key": "T", "Title": "Totaal"},
                                  {"Key": "N", "Title": "Niet onderwijsvolgend"}],
             "Arbeidskenmerken": [{"Key": "T", "Title": "Totaal"},
                                  {"Key": "N", "Title": "Niet werkzaam"}],
             "Uitkering": [{"Key": "T", "Title": "Totaal met of zonder uitkering"}],
             "Uwv": [{"Key": "T", "Title": "Totaal"}]}
    base = {"Uitkering": "T", "Uwv": "T", "Perioden": "2023JJ00"}
    data = [{**base, "RegioS": "GM0363    ", "Onderwijsvolgend": "T", "Arbeidskenmerken": "T",
             "Jongeren_1": "  150000"},
            {**base, "RegioS": "GM0363    ", "Onderwijsvolgend": "N", "Arbeidskenmerken": "N",
             "Jongeren_1": "    6000"},
            {**base, "RegioS": "GM0175    ", "Onderwijsvolgend": "T", "Arbeidskenmerken": "T",
             "Jongeren_1": "    2900"},
            {**base, "RegioS": "GM0175    ", "Onderwijsvolgend": "N", "Arbeidskenmerken": "N",
             "Jongeren_1": "       ."}]
    source = {"source": "CBS StatLine 86087NED", "modified": "2024-11-01"}
    mapped = map_neet(TABLES["86087NED"], properties, codes, data, {"GM0363", "GM0175"}, source)
    rows = {r["region"]: r for r in mapped.rows}
    assert (rows["GM0363"]["numerator"], rows["GM0363"]["denominator"],
            rows["GM0363"]["value"]) == (6000, 150000, 4.0)
    assert rows["GM0175"]["mark"] == "." and rows["GM0175"]["value"] is None
    codes["Arbeidskenmerken"] = [{"Key": "T", "Title": "Totaal"}]  # no NEET code: refuse
    with pytest.raises(MappingError, match="niet te vinden"):
        map_neet(TABLES["86087NED"], properties, codes, data, {"GM0363"}, source)

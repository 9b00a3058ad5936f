"""Region registry: completeness, SWV assignment, peers and the build script."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from indicators.registry import UnknownRegion

RAW = Path(__file__).resolve().parents[3] / "shared" / "data" / "raw"


def test_342_gemeenten_each_with_one_po_and_one_vo_swv(registry):
    gemeenten = registry.gemeenten()
    assert len(gemeenten) == 342
    for g in gemeenten:
        assert g.swv_po.startswith("PO") and registry.get(g.swv_po).level == "swv_po", g
        assert g.swv_vo.startswith("VO") and registry.get(g.swv_vo).level == "swv_vo", g
        assert g.swv_po not in g.swv_po_other and g.swv_vo not in g.swv_vo_other
        assert g.inhabitants > 0 and g.density > 0 and g.size_class and g.province


def test_population_sums_to_official_total(registry):
    assert sum(g.inhabitants for g in registry.gemeenten()) == 17_942_942
    assert registry.get("NL01").inhabitants == 17_942_942
    assert registry.get("NL01").level == "land"


def test_swv_members_partition_the_gemeenten(registry):
    for level in ("swv_po", "swv_vo"):
        swvs = registry.all(level)
        assert len(swvs) >= 70
        members = [m.code for s in swvs for m in registry.members(s.code)]
        assert sorted(members) == sorted(g.code for g in registry.gemeenten())
        for swv in swvs:
            assert swv.inhabitants == sum(m.inhabitants for m in registry.members(swv.code))


def test_known_mergers_are_mapped(registry):
    amsterdam = registry.get("GM0363")
    assert amsterdam.swv_po == "PO2707" and amsterdam.swv_vo == "VO2708"
    assert "PO2709" in amsterdam.swv_po_other  # Weesp came with its own SWV
    haarlemmermeer = registry.get("GM0394")
    assert haarlemmermeer.swv_po == "PO2710" and "PO2704" in haarlemmermeer.swv_po_other
    assert registry.get("GM1942").swv_po == "PO2709"  # Gooise Meren (Bussum, Naarden, Muiden)


def test_derived_swv_name(registry):
    assert registry.get("PO2707").name == "Samenwerkingsverband PO 27.07 (regio Amsterdam-Diemen)"


def test_size_class_from_population(registry):
    assert registry.get("GM0363").size_class == "250.000 inwoners of meer"
    assert registry.get("GM0088").size_class == "minder dan 5.000 inwoners"


def test_get_unknown_code_raises_unknown_region(registry):
    with pytest.raises(UnknownRegion) as info:
        registry.get("GM9999")
    assert isinstance(info.value, LookupError)
    assert "GM9999" in str(info.value)


def test_peers_are_alike_in_size(registry):
    peers = registry.peers("GM0193")
    assert len(peers) == 8 and "GM0193" not in [p.code for p in peers]
    assert all(60_000 < p.inhabitants < 300_000 for p in peers)
    assert len(registry.peers("GM0193", n=2)) == 5  # never fewer than 5
    big = {p.code for p in registry.peers("GM0363")}
    assert {"GM0599", "GM0518", "GM0344"} <= big
    assert all(p.level == "swv_vo" for p in registry.peers("VO2708"))


def test_members_of_nl_and_gemeente(registry):
    assert len(registry.members("NL01")) == 342
    assert [r.code for r in registry.members("GM0193")] == ["GM0193"]


@pytest.mark.skipif(not RAW.exists(), reason="raw CBS/OCW files not available")
def test_build_script_reproduces_shipped_files(tmp_path):
    from indicators import build_regions

    shipped = Path(build_regions.DATA_DIR)
    (tmp_path / "herindelingen_2015_2024.csv").write_bytes(
        (shipped / "herindelingen_2015_2024.csv").read_bytes())
    counts = build_regions.build(RAW, tmp_path)
    assert counts == {"gemeente": 342, "swv_po": 76, "swv_vo": 74, "land": 1}
    for name in ("regions.csv", "gemeente_swv_pc4.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (shipped / name).read_text(
            encoding="utf-8"), name


def test_herindelingen_table_points_to_existing_gemeenten(registry):
    from indicators.registry import DATA_DIR

    path = DATA_DIR / "herindelingen_2015_2024.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len({r["gemeente_2015"] for r in rows}) == 73
    for row in rows:
        assert registry.get(row["gm_code_2024"]).name == row["gemeente_2024"]


def test_a_partnership_by_the_region_in_its_name_is_found_only_in_full(registry):
    """"SWV VO Amersfoort-Soest", as the answers print VO 26.02: one partnership. These short
    names are no typo targets: "het samenwerkingsverband" alone stays unknown without
    suggestions (as a target it drew the profile statement to a partnership)."""
    assert registry.resolve("SWV VO Amersfoort-Soest").region.code == "VO2602"
    assert registry.resolve("samenwerkingsverband PO regio Groningen-Westerkwartier"
                            ).region.code == "PO2001"
    lonely = registry.resolve("het samenwerkingsverband")
    assert lonely.region is None and lonely.suggestions == [] and lonely.candidates == []

"""The demonstration data: seeded, consistent (hierarchical counts), calibrated nationally."""

from __future__ import annotations

from collections import defaultdict

import pytest

from indicators.catalog import ONDERWIJSSOORT, PUBLISHED_LEVELS, ZORGTYPE


@pytest.fixture(scope="module")
def demo(registry):
    from indicators.generate_demo import generate

    return generate(registry, seed=7)


def test_same_seed_same_output_and_other_seed_differs(registry, demo):
    from indicators.generate_demo import generate

    again = generate(registry, seed=7)
    assert again == demo
    other = generate(registry, seed=8)
    assert other[0] != demo[0]


def test_shipped_file_is_the_generator_output(registry, tmp_path):
    from indicators.generate_demo import DATA_DIR, DEMO_CSV, RR_CSV, write

    meta = write(tmp_path, registry=registry)
    assert meta["demo"] is True
    for name in (DEMO_CSV, RR_CSV):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


def test_rows_exist_exactly_at_the_published_levels(registry, demo):
    long_rows, _ = demo
    keys = {(r["indicator"], r["region"], r["category"], r["year"]) for r in long_rows}
    assert len(keys) == len(long_rows)
    assert {r["year"] for r in long_rows} == {2019, 2020, 2021, 2022, 2023}
    expected = 0
    for categories in PUBLISHED_LEVELS.values():
        for levels in categories.values():
            expected += 5 * sum(len(registry.all(level)) for level in levels)
    assert len(long_rows) == expected
    levels = {(r["indicator"], r["category"], registry.get(r["region"]).level) for r in long_rows}
    assert ("neet", "totaal", "swv_po") not in levels
    assert ("jeugdzorg", "vso", "swv_po") not in levels
    assert ("jeugdzorg", "sbo", "swv_po") in levels


def test_swv_and_nl_are_sums_of_their_gemeenten(registry, demo):
    long_rows, rr_rows = demo
    by_key = {(r["indicator"], r["region"], r["category"], r["year"]): r for r in long_rows}
    sums = defaultdict(lambda: [0, 0])
    for row in long_rows:
        if row["region"].startswith("GM") and row["indicator"] != "neet_rr":
            g = registry.get(row["region"])
            for target in (g.swv_po, g.swv_vo, "NL01"):
                acc = sums[(row["indicator"], target, row["category"], row["year"])]
                acc[0] += row["numerator"]
                acc[1] += row["denominator"]
    checked = 0
    for key, (num, den) in sums.items():
        row = by_key.get(key)
        if row is None:
            level = registry.get(key[1]).level
            assert level not in PUBLISHED_LEVELS[key[0]][key[2]]
            continue
        assert (row["numerator"], row["denominator"]) == (num, den), key
        assert row["value"] == round(100 * num / den, 1)
        checked += 1
    assert checked > 5000
    rr = {(r["region"], r["category"], r["year"]): r for r in rr_rows}
    nl = rr[("NL01", "pro", 2023)]
    assert nl["neet_with"] == sum(rr[(g.code, "pro", 2023)]["neet_with"]
                                  for g in registry.gemeenten())
    expected = (nl["neet_with"] / nl["n_with"]) / (nl["neet_without"] / nl["n_without"])
    assert by_key[("neet_rr", "NL01", "pro", 2023)]["value"] == round(expected, 2)


def test_counts_are_hierarchical(demo):
    """Zorgtypes within the total and together at least the total; onderwijssoorten within."""
    long_rows, rr_rows = demo
    cells = {(r["region"], r["category"], r["year"]): r for r in long_rows
             if r["indicator"] == "jeugdzorg"}
    totals = [(k, r) for k, r in cells.items() if k[1] == "totaal"]
    assert totals
    for (region, _, year), total in totals:
        types = [cells[(region, z, year)] for z in ZORGTYPE]
        assert all(t["numerator"] <= total["numerator"] for t in types)
        assert all(t["denominator"] == total["denominator"] for t in types)
        assert sum(t["numerator"] for t in types) >= total["numerator"]
        kinds = [cells[(region, k, year)] for k in ONDERWIJSSOORT if (region, k, year) in cells]
        assert all(k["numerator"] <= k["denominator"] for k in kinds)
        assert sum(k["numerator"] for k in kinds) <= total["numerator"]
        assert sum(k["denominator"] for k in kinds) <= total["denominator"]
    neet = {(r["region"], r["year"]): r for r in long_rows if r["indicator"] == "neet"}
    for row in rr_rows:
        total = neet[(row["region"], row["year"])]
        assert row["neet_with"] + row["neet_without"] == total["numerator"]
        assert row["n_with"] + row["n_without"] == total["denominator"]


def test_calibrated_to_national_figures_and_age_profile(engine):
    def nl(ind, cat="totaal", year=2023):
        return engine.lookup(ind, "NL01", cat, year).value

    assert 10.4 <= nl("jeugdzorg") <= 10.8  # CBS Jeugdmonitor 2024: 10,6%
    assert 9.0 <= nl("jeugdzorg", year=2019) <= 10.0 < nl("jeugdzorg")
    total = nl("jeugdzorg")
    assert min(nl("jeugdzorg", "so"), nl("jeugdzorg", "vso")) > max(
        nl("jeugdzorg", c) for c in ("po", "sbo", "vo", "pro", "mbo"))
    assert nl("jeugdzorg", "po") > total and nl("jeugdzorg", "vo") > total
    assert nl("jeugdzorg", "mbo") < min(nl("jeugdzorg", "po"), nl("jeugdzorg", "vo"))
    zonder = nl("jeugdzorg", "jeugdhulp_zonder_verblijf")
    assert 0.92 <= zonder / total <= 0.96  # 447k of 474k
    assert 0.7 <= nl("jeugdzorg", "jeugdhulp_met_verblijf") <= 1.1
    assert 0.1 <= nl("jeugdzorg", "jeugdreclassering") <= 0.3
    assert 3.7 <= nl("neet") <= 4.3  # 4%
    assert 2.7 <= nl("neet_rr", "pro") <= 3.4  # "drie keer zoveel kans"
    values = [engine.lookup("neet", g.code).value for g in engine.registry.gemeenten()]
    shown = sorted(v for v in values if v is not None)
    assert shown[len(shown) // 20] >= 1.5 and shown[-len(shown) // 20] <= 8.5


def test_some_gemeenten_fall_while_the_country_rises(engine):
    falling = 0
    for g in engine.registry.gemeenten():
        first = engine.lookup("jeugdzorg", g.code, "totaal", 2019).value
        last = engine.lookup("jeugdzorg", g.code, "totaal", 2023).value
        falling += last < first
    assert 20 <= falling <= 150


def test_small_gemeente_has_small_counts(engine):
    raw = engine.table.rows[("jeugdzorg", "GM0088", "jeugdreclassering", 2023)]
    assert raw.numerator < 10  # stored raw in the CSV ...
    assert engine.lookup("jeugdzorg", "GM0088", "jeugdreclassering").suppressed  # ... hidden

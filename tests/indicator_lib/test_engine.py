"""IndicatorEngine: lookups, every comparison kind, trend, position, breakdown, suppression."""

from __future__ import annotations

import pytest

from indicators.errors import IndicatorError, InvalidCategory, NoData, UnknownIndicator
from indicators.registry import UnknownRegion
from indicators.values import Value


def test_catalog_and_years(engine):
    assert set(engine.catalog) == {"jeugdzorg", "neet", "neet_rr"}
    jz = engine.catalog["jeugdzorg"]
    assert jz.unit == "%" and "vso" in jz.categories["onderwijssoort"]
    assert engine.catalog["neet_rr"].unit == "x"
    assert "Demonstratiedata" in jz.source and jz.demo
    assert engine.years("neet") == [2019, 2020, 2021, 2022, 2023]
    assert engine.latest_year("jeugdzorg") == 2023
    assert engine.is_demo is True


def test_lookup_latest_and_given_year(engine):
    v = engine.lookup("neet", "GM0363")
    assert v.year == 2023 and v.unit == "%" and v.name == "Amsterdam" and v.demo
    assert v.value == round(100 * v.numerator / v.denominator, 1)
    assert v.ci_low <= v.value <= v.ci_high
    assert engine.lookup("neet", "GM0363", year=2020).year == 2020


def test_lookup_errors_are_dutch(engine):
    with pytest.raises(UnknownIndicator, match="Onbekende indicator"):
        engine.lookup("armoede", "GM0363")
    with pytest.raises(InvalidCategory, match="geen categorie"):
        engine.lookup("jeugdzorg", "GM0363", "havo")
    with pytest.raises(NoData, match="Beschikbare jaren"):
        engine.lookup("jeugdzorg", "GM0363", year=2010)
    with pytest.raises(UnknownRegion):
        engine.lookup("jeugdzorg", "GM9999")
    assert issubclass(NoData, IndicatorError)


def test_suppression_under_10(engine):
    v = engine.lookup("jeugdzorg", "GM0088", "jeugdreclassering")
    assert v.suppressed and v.value is None and v.numerator is None
    assert v.suppressed_reason == "klein" and v.denominator is None
    rr = engine.lookup("neet_rr", "GM0088", "jeugdreclassering")
    assert rr.suppressed and rr.value is None
    big = engine.lookup("jeugdzorg", "GM0363", "jeugdreclassering")
    assert not big.suppressed and big.numerator >= 10


def test_compare_with_nederland_tests_against_the_rest(engine):
    cmp = engine.compare("jeugdzorg", "GM0363", "NL01")
    assert cmp.nested and cmp.tested and cmp.b.region == "NL01"
    assert "z-toets" in cmp.test and "rest van Nederland" in cmp.test
    assert cmp.difference == round(cmp.a.value - cmp.b.value, 1)
    assert cmp.direction in {"hoger", "lager", "gelijk"}
    assert (cmp.direction != "gelijk") == (cmp.significant and cmp.relevant)
    assert cmp.reference is None and cmp.shown is cmp.b  # Nederland itself is shown


def test_compare_with_own_swv_uses_po_or_vo_by_category(engine):
    assert engine.compare("jeugdzorg", "GM0193", "swv", "sbo").b.region == "PO2305"
    assert engine.compare("jeugdzorg", "GM0193", "swv", "vso").b.region == "VO2305"
    assert engine.compare("neet", "GM0193", "swv").b.region == "VO2305"


def test_own_swv_is_tested_against_and_shown_as_its_rest(engine):
    cmp = engine.compare("jeugdzorg", "GM0363", "swv")
    whole, own, rest = cmp.b, cmp.a, cmp.reference
    assert rest is cmp.shown and rest.region == whole.region and rest.excluding == "GM0363"
    assert rest.excluding_name == "Amsterdam"
    assert rest.numerator == whole.numerator - own.numerator
    assert rest.denominator == whole.denominator - own.denominator
    assert rest.value == round(100 * rest.numerator / rest.denominator, 1)
    assert cmp.difference == round(own.value - rest.value, 1)
    from indicators.stats import two_proportion_test

    p = two_proportion_test(own.numerator, own.denominator, rest.numerator, rest.denominator)
    assert cmp.p_value == round(p, 4) and "rest van" in cmp.test


def test_swv_that_is_the_gemeente_alone_is_not_compared(engine, registry):
    alone = [g for g in registry.gemeenten()
             if [m.code for m in registry.members(g.swv_vo)] == [g.code]]
    assert "GM0150" in {g.code for g in alone}  # Deventer is its own VO partnership
    for gemeente in alone:
        cmp = engine.compare("neet", gemeente.code, "swv")
        assert cmp.skipped == "swv_is_gemeente" and not cmp.tested
        assert cmp.direction == "onbekend" and cmp.reference is None


def test_direction_needs_significance_and_relevance():
    from indicators.significance import MIN_RELEVANT_RATIO, compare_values

    big = Value("neet", "GM0001", "totaal", 2023, 10.5, 105000, 1000000, "%")
    base = Value("neet", "GM0002", "totaal", 2023, 10.0, 100000, 1000000, "%")
    cmp = compare_values(big, base)  # huge groups: significant, but only 5% apart
    assert cmp.significant and not cmp.relevant and cmp.direction == "gelijk"
    far = Value("neet", "GM0001", "totaal", 2023, 11.0, 110000, 1000000, "%")
    cmp = compare_values(far, base)
    assert cmp.significant and cmp.relevant and cmp.direction == "hoger"
    assert MIN_RELEVANT_RATIO == 1.10


def test_compare_with_other_gemeente_significance(engine):
    # Zwolle against Deventer, large groups, clear difference in the demo data
    cmp = engine.compare("jeugdzorg", "GM0193", "GM0150")
    assert not cmp.nested
    a, b = cmp.a, cmp.b
    from indicators.stats import two_proportion_test

    p = two_proportion_test(a.numerator, a.denominator, b.numerator, b.denominator)
    assert cmp.p_value == round(p, 4)
    assert cmp.significant == (p < 0.05)
    assert cmp.direction == ("hoger" if a.value > b.value else "lager") if p < 0.05 else "gelijk"


def test_not_significant_small_difference_is_gelijk():
    from indicators.significance import compare_values

    a = Value("neet", "GM0001", "totaal", 2023, 4.1, 41, 1000, "%")
    b = Value("neet", "GM0002", "totaal", 2023, 4.0, 40, 1000, "%")
    cmp = compare_values(a, b)
    assert cmp.direction == "gelijk" and not cmp.significant and cmp.difference == 0.1
    big_a = Value("neet", "GM0001", "totaal", 2023, 6.0, 600, 10000, "%")
    cmp2 = compare_values(big_a, b)
    assert cmp2.direction == "hoger" and cmp2.significant
    cmp3 = compare_values(b, big_a)
    assert cmp3.direction == "lager" and cmp3.difference == -2.0


def test_compare_relative_risk_with_counts(engine):
    cmp = engine.compare("neet_rr", "GM0363", "NL01", "pro")
    assert cmp.tested and "log relatief risico" in cmp.test
    assert cmp.a.ci_low < cmp.a.value < cmp.a.ci_high


def test_compare_with_suppressed_value_is_unknown(engine):
    cmp = engine.compare("jeugdzorg", "GM0088", "NL01", "jeugdreclassering")
    assert cmp.direction == "onbekend" and not cmp.tested and not cmp.significant


def test_compare_peers(engine):
    pc = engine.compare_peers("jeugdzorg", "GM0193")
    assert len(pc.peers) == 8 and pc.n == 8
    values = [p.value for p in pc.peers]
    assert pc.mean == round(sum(values) / 8, 1)
    assert min(values) <= pc.median <= max(values)
    assert pc.pooled.numerator == sum(p.numerator for p in pc.peers)
    assert pc.comparison is not None and pc.comparison.b.region == "PEERS"


def test_trend(engine):
    t = engine.trend("jeugdzorg", "NL01")
    assert [v.year for v in t.values] == [2019, 2020, 2021, 2022, 2023]
    assert t.direction == "gestegen" and t.significant and t.relevant  # 9,5% -> 10,6%
    assert t.change == round(t.values[-1].value - t.values[0].value, 1)
    small = engine.trend("jeugdzorg", "GM0088", "jeugdreclassering")
    assert small.direction == "onbekend"


def test_trends_differ_between_gemeenten(engine, registry):
    directions = {engine.trend("jeugdzorg", g.code).direction for g in registry.gemeenten()}
    assert {"gestegen", "gedaald", "stabiel"} <= directions


def test_compare_trend_with_nederland(engine, registry):
    for gemeente in registry.gemeenten()[:60]:
        cmp = engine.compare_trend("jeugdzorg", gemeente.code)
        assert cmp.reference.region == "NL01" and cmp.first_year == 2019
        assert cmp.ratio == pytest.approx(cmp.change / cmp.reference_change, abs=1e-3)
        if cmp.direction in ("hoger", "lager"):
            assert cmp.significant and cmp.relevant
            assert (cmp.direction == "hoger") == (cmp.ratio > 1)
    nothing = engine.compare_trend("jeugdzorg", "NL01")
    assert nothing.direction == "gelijk" and nothing.ratio == 1.0


def test_position(engine):
    pos = engine.position("neet", "GM0363")
    assert pos.n <= 342 and pos.n > 300 and pos.level == "gemeente"
    assert 1 <= pos.rank <= pos.n and 0 <= pos.percentile <= 100
    values = sorted(engine.lookup("neet", g.code).value for g in engine.registry.gemeenten()
                    if engine.lookup("neet", g.code).value is not None)
    top = max(values)
    leader = next(g for g in engine.registry.gemeenten()
                  if engine.lookup("neet", g.code).value == top)
    lead = engine.position("neet", leader.code)
    assert lead.rank == 1 and lead.top_5pct and not lead.bottom_5pct
    assert lead.lowest_5pct_mean < lead.median < lead.highest_5pct_mean
    swv = engine.position("neet", "VO2708")
    assert swv.level == "swv_vo" and swv.n == 74


def test_levels_without_figures_are_refused_with_the_nearest(engine):
    from indicators.levels import NotPublished

    with pytest.raises(NotPublished, match="niet per samenwerkingsverband PO") as err:
        engine.lookup("neet", "PO2001")
    assert err.value.alternatives[0].startswith("VO")
    assert set(err.value.alternatives) == {g.swv_vo for g in engine.registry.members("PO2001")}
    with pytest.raises(NotPublished):
        engine.lookup("jeugdzorg", "VO2001", "sbo")
    with pytest.raises(NotPublished):
        engine.lookup("neet_rr", "PO2707", "pro")
    assert engine.lookup("jeugdzorg", "PO2001", "totaal").value is not None
    assert engine.published_levels("neet") == ("gemeente", "swv_vo", "land")
    assert engine.alternatives("neet", "GM0363") == []


def test_breakdown(engine):
    per_school = engine.breakdown("jeugdzorg", "GM0363", dimension="onderwijssoort")
    assert [v.category for v in per_school] == ["po", "sbo", "so", "vo", "vso", "pro", "mbo"]
    types = engine.breakdown("jeugdzorg", "GM0363", 2022, "zorgtype")
    assert len(types) == 4 and all(v.year == 2022 for v in types)
    po_level = engine.breakdown("jeugdzorg", "PO2707", dimension="onderwijssoort")
    assert [v.category for v in po_level] == ["po", "sbo", "so"]
    assert len(engine.breakdown("neet_rr", "NL01", dimension="risicofactor")) == 9
    with pytest.raises(InvalidCategory):
        engine.breakdown("jeugdzorg", "GM0363", dimension="leeftijd")


def test_value_json_round_trip(engine):
    import json

    data = engine.lookup("neet", "GM0363").to_dict()
    assert json.loads(json.dumps(data))["region"] == "GM0363"


def test_position_of_nederland_has_no_rank(engine):
    pos = engine.position("neet", "NL01")
    assert pos.rank is None and pos.n == 0 and not pos.top_5pct


def test_trend_without_counts_is_descriptive(registry, tmp_path):
    from indicators.engine import IndicatorEngine
    from indicators.wording import describe_trend

    extra = tmp_path / "x.csv"
    extra.write_text("indicator,region,category,year,numerator,denominator,value\n"
                     "neet,GM0150,totaal,2019,,,4.0\nneet,GM0150,totaal,2023,,,6.0\n",
                     encoding="utf-8")
    eng = IndicatorEngine.load(registry, extra_files=(extra,))
    trend = eng.trend("neet", "GM0150")
    assert trend.direction == "onbekend" and not trend.significant
    assert "niet te toetsen" in describe_trend(trend)


def test_swv_comparison_needs_a_gemeente(engine):
    with pytest.raises(IndicatorError, match="geen gemeente"):
        engine.compare("neet", "NL01", "swv")

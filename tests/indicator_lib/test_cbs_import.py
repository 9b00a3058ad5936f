"""Imported CBS figures in the engine: own source and definition, marks, like-with-like only."""

from __future__ import annotations

import pytest

from indicators.cbs.fetch import fetch
from indicators.engine import IndicatorEngine
from indicators.errors import ImportRejected
from indicators.importer import import_file
from indicators.sources import MixedSources, figures_status
from tests.support.fake_statline import FakeStatLine


@pytest.fixture(scope="module")
def imported(registry, tmp_path_factory):
    """A data dir into which the fake's figures were fetched and imported."""
    root = tmp_path_factory.mktemp("cbs")
    server = FakeStatLine().start()
    try:
        fetch(root / "cbs.csv", registry, base_url=server.base_url)
    finally:
        server.stop()
    report = import_file(root / "cbs.csv", registry, root / "var")
    return root, report, IndicatorEngine.load(registry, data_dir=root / "var")


def test_import_report_names_the_cbs_sources(imported):
    _root, report, _engine = imported
    text = report.summary()
    assert "CBS StatLine 85099NED (2024-10-31)" in text and "CC BY 4.0" in text
    assert report.replaces_demo > 0


def test_real_figures_carry_their_source_and_cbs_definition(imported):
    _root, _report, engine = imported
    value = engine.lookup("jeugdzorg", "GM0363", "totaal", 2023)
    assert not value.demo and value.source == "CBS StatLine 85099NED (2024-10-31)"
    assert engine.lookup("jeugdzorg", "GM0363", "totaal", 2020).source.startswith(
        "CBS StatLine 84134NED")
    definition = engine.definition_for(value)
    assert definition["age_range"] == "0 tot 23 jaar"
    assert "woonplaatsbeginsel" in definition["definition_nl"]
    assert definition["definition_nl"] != engine.catalog["jeugdzorg"].definition_nl
    # what CBS does not publish stays demonstration data
    assert engine.lookup("jeugdzorg", "GM0363", "vso", 2023).demo
    assert engine.lookup("neet_rr", "GM0363", "pro", 2023).demo
    assert engine.definition_for(engine.lookup("jeugdzorg", "GM0363", "vso", 2023)) is None


def test_cbs_mark_is_no_figure_not_zero(imported):
    _root, _report, engine = imported
    value = engine.lookup("jeugdzorg", "GM0175", "jeugdreclassering", 2022)
    assert value.value is None and value.mark == "." and not value.demo
    assert value.numerator is None and not value.suppressed


def test_comparisons_never_mix_real_and_demo(imported):
    _root, _report, engine = imported
    with pytest.raises(MixedSources, match="Amsterdam.*echt cijfer.*demonstratiecijfer"):
        engine.compare("jeugdzorg", "GM0363", "GM0014", "totaal", 2023)  # Groningen: demo
    real = engine.compare("jeugdzorg", "GM0363", "NL01", "totaal", 2023)
    assert not real.a.demo and not real.b.demo and real.tested
    peers = engine.compare_peers("jeugdzorg", "GM0363", "totaal", 2023)
    assert all(not p.demo for p in peers.peers)  # only real peers (none in the fake)
    position = engine.position("jeugdzorg", "GM0363", "totaal", 2023)
    assert position.rank is None  # three real gemeenten are no ranking of all 342
    assert engine.position("jeugdzorg", "GM0014", "totaal", 2023).n > 300  # demo among demo
    trend = engine.trend("jeugdzorg", "GM0363", "totaal")
    assert all(not v.demo for v in trend.values) and trend.first_year == 2019


def test_provenance_summary_says_what_is_real(imported):
    _root, _report, engine = imported
    status = figures_status(engine)
    real = {(r["indicator"], r["category"]) for r in status["real"]}
    assert ("jeugdzorg", "totaal") in real and ("jeugdzorg", "jeugdbescherming") in real
    assert "jeugdzorg/vso" in status["demo_only"] and "neet_rr/pro" in status["demo_only"]
    assert "85099NED" in status["text_nl"] and "demonstratiegegevens" in status["text_nl"]
    assert engine.is_demo_for("neet_rr") and engine.is_demo_for("jeugdzorg", "vso")
    assert engine.is_demo  # part of the data is still demonstration data


def test_cbs_rows_are_checked_like_any_import(registry, tmp_path):
    header = ("indicator,region,category,year,numerator,denominator,value,source,"
              "source_modified,mark\n")
    bad = tmp_path / "bad.csv"
    bad.write_text(header
                   + "jeugdzorg,GM0363,totaal,2023,,,,CBS StatLine 85099NED,2024-10-31,Q\n"
                   + "jeugdzorg,GM0014,totaal,2023,5,,3.0,CBS StatLine 85099NED,2024-10-31,.\n"
                   + "jeugdzorg,GM0193,totaal,2023,100,1000,30.0,CBS StatLine 85099NED,,\n",
                   encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_file(bad, registry, tmp_path / "var")
    problems = "\n".join(caught.value.problems)
    assert "regel 2: teken 'Q' is onbekend" in problems
    assert "regel 3: een rij met een teken (geen cijfer) heeft geen getallen" in problems
    assert "regel 4: value 30.0 past niet" in problems
    assert not (tmp_path / "var" / "indicators" / "imported.csv").exists()


def test_unreadable_provenance_record_refuses_the_import(registry, tmp_path):
    good = tmp_path / "cbs.csv"
    good.write_text("indicator,region,category,year,numerator,denominator,value,source,"
                    "source_modified,mark\njeugdzorg,GM0363,totaal,2023,100,1000,10.0,"
                    "CBS StatLine 85099NED,2024-10-31,\n", encoding="utf-8")
    (tmp_path / "cbs.provenance.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ImportRejected, match="herkomstbestand is niet leesbaar"):
        import_file(good, registry, tmp_path / "var")
    assert not (tmp_path / "var" / "indicators" / "imported.csv").exists()


def test_imported_figures_get_the_same_disclosure_control(imported):
    """Ommen's jeugdreclassering 2023 (5 youngsters at CBS) is hidden as small; since the
    partnership VO 23.07 (Hardenberg + Ommen, a real sum) is shown, Hardenberg is hidden as well,
    or Ommen would follow by subtraction."""
    _root, _report, engine = imported
    ommen = engine.lookup("jeugdzorg", "GM0175", "jeugdreclassering", 2023)
    hardenberg = engine.lookup("jeugdzorg", "GM0160", "jeugdreclassering", 2023)
    swv = engine.lookup("jeugdzorg", "VO2307", "jeugdreclassering", 2023)
    assert not ommen.demo and ommen.suppressed and ommen.suppressed_reason == "klein"
    assert not swv.demo and swv.value is not None
    assert hardenberg.suppressed and hardenberg.suppressed_reason == "afgeleid"
    assert hardenberg.numerator is None and hardenberg.value is None


def test_a_ranking_counts_the_places_the_source_published_no_figure_for(imported, registry):
    """A CBS mark (".") is no figure, so the place cannot be ranked; without a word the list
    suggested it was not among the highest. The answer counts such places apart from small
    groups (which it counts too)."""
    from bot.core.answers.context import Context, Draft
    from bot.core.answers.ranking import ranking_lines
    from bot.core.understanding.model import Understanding

    _root, _report, engine = imported
    marked = [g.code for g in registry.gemeenten()
              if (v := engine.lookup("jeugdzorg", g.code, "jeugdreclassering", 2022)).mark
              and v.value is None and not v.suppressed]
    assert "GM0175" in marked
    draft = Draft()
    u = Understanding(intent="compare", query="top 5 jeugdreclassering 2022", language="nl",
                      indicator="jeugdzorg", category="jeugdreclassering", year=2022,
                      mode="ranking", ranked_size=5)
    ranking_lines(Context(engine, registry, "nl", True, draft), u, "jeugdreclassering", 2022)
    from bot.core.answers.format import count_word

    line = next(x for x in draft.lines if "publiceerde de bron geen cijfer" in x)
    said = count_word(len(marked)) if len(marked) > 1 else "één"
    assert line.startswith(f"Van {said} "), (line, len(marked))
    assert "GM0175" not in {f.region for f in draft.facts}


@pytest.mark.parametrize("record", [
    '{"tables": {"85099NED": "x"}}',  # a table's record that is no mapping
    '{"tables": {"T": 1}}',
    '{"tables": {}, "definitions": [1]}',
    '{"tables": {}, "downloaded": 2024}',
    '{"tables": {}, "aggregation": "som"}',
])
def test_a_provenance_record_of_another_shape_refuses_before_a_row_is_stored(
        registry, tmp_path, record):
    """Found in an attack: these records passed the check and failed in the merge, after the
    figures had been written (a traceback, and the imported row served afterwards)."""
    good = tmp_path / "cbs.csv"
    good.write_text("indicator,region,category,year,numerator,denominator,value\n"
                    "jeugdzorg,GM0363,totaal,2019,4000,32000,\n", encoding="utf-8")
    (tmp_path / "cbs.provenance.json").write_text(record, encoding="utf-8")
    with pytest.raises(ImportRejected, match="herkomstbestand heeft niet de verwachte vorm"):
        import_file(good, registry, tmp_path / "var")
    assert not (tmp_path / "var" / "indicators" / "imported.csv").exists()


def test_a_broken_stored_provenance_record_refuses_before_a_row_is_stored(registry, tmp_path):
    good = tmp_path / "cbs.csv"
    good.write_text("indicator,region,category,year,numerator,denominator,value\n"
                    "jeugdzorg,GM0363,totaal,2019,4000,32000,\n", encoding="utf-8")
    (tmp_path / "cbs.provenance.json").write_text('{"tables": {"T": {}}}', encoding="utf-8")
    var = tmp_path / "var"
    (var / "indicators").mkdir(parents=True)
    (var / "indicators" / "provenance.json").write_text("{kapot", encoding="utf-8")
    with pytest.raises(ImportRejected, match="niet leesbaar"):
        import_file(good, registry, var)
    assert not (var / "indicators" / "imported.csv").exists()

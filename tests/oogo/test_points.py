"""Golden checks of the discussion points of Zwolle, Amsterdam, Staphorst, Deventer and PO2001.

Properties, not frozen texts: every piece of evidence rests on a test the engine itself calls
significant and relevant (re-run here), the words in a sentence follow those tests, no figure
leads two points, no score reaches a user, a PO partnership gets no vo/mbo/NEET figures, NEET
lower than elsewhere is a strength and never evidence of a NEET problem, the po-vo transition
has both sides, the standing topics are questions with their quoted passage, and the caveat
stands where a higher jeugdzorg figure is the evidence.
"""

from __future__ import annotations

import math
import re

import pytest

GOLDEN = {"Zwolle": "GM0193", "Amsterdam": "GM0363", "Staphorst": "GM0180",
          "Deventer": "GM0150", "PO2001": "PO2001"}
WORD = {"hoger": "hoger dan", "lager": "lager dan"}
SCORE_TEXT = re.compile(r"\bscore\b|\(\+\d|0,5 voor|signaal|onderbouwing\)", re.I)


@pytest.fixture(scope="module")
def results(services):
    from bot.oogo.points import generate_points

    return {name: generate_points(services, code) for name, code in GOLDEN.items()}


def _figure_evidence(result):
    for point in result.ranked:
        for item in point.evidence:
            if item.kind in ("comparison", "trend"):
                yield point, item


def _retest(engine, code: str, test: dict, figure: dict):
    ind, cat, year = figure["indicator"], figure["category"], figure["year"]
    if test["kind"] == "trend":
        return engine.compare_trend(ind, code, cat)
    if test["kind"] == "peers":
        return engine.compare_peers(ind, code, cat, year).comparison
    return engine.compare(ind, code, test["against"], cat, year)


def test_every_golden_region_gets_points(results) -> None:
    for name, result in results.items():
        assert result.ranked, name
        assert {p.topic for p in result.standing} == {"thuiszitters", "leerlingenvervoer"}


def test_evidence_rests_on_significant_and_relevant_tests(services, results) -> None:
    """Each test kept in the JSON says significant and relevant, and the engine agrees."""
    engine = services.indicators
    checked = 0
    for name, result in results.items():
        for _point, item in _figure_evidence(result):
            data = item.to_dict()["detail"]
            assert data["significant"] is True and data["relevant"] is True, (name, item.text)
            for test in data["tests"]:
                again = _retest(engine, result.region_code, test, data["figure"])
                assert again.direction == test["direction"] in WORD, (name, test)
                assert again.significant and again.relevant, (name, test)
                checked += 1
    assert checked > 40


def test_sentences_say_only_what_was_tested(results) -> None:
    """'hoger dan'/'lager dan' appear exactly for the directions of the tests behind them."""
    for name, result in results.items():
        for _point, item in _figure_evidence(result):
            if item.kind != "comparison":
                continue
            directions = {t["direction"] for t in item.detail["tests"]}
            for direction, words in WORD.items():
                assert (words in item.text) == (direction in directions), (name, item.text)


def test_facts_are_the_engine_figures(services, results) -> None:
    engine = services.indicators
    for name, result in results.items():
        for fact in result.facts:
            value = engine.lookup(fact.indicator, fact.region, fact.category, fact.year)
            assert value.value is not None and math.isclose(fact.value, value.value), (name, fact)
            assert fact.demo == value.demo


def test_no_figure_leads_two_points(results) -> None:
    for name, result in results.items():
        leads = [p.lead for p in result.ranked]
        assert len(leads) == len(set(leads)), (name, leads)
        figures = [(e.detail["figure"]["indicator"], e.detail["figure"]["category"])
                   for _p, e in _figure_evidence(result) if e.kind == "comparison"]
        assert len(figures) == len(set(figures)), (name, "a figure is used in two points")


def test_no_scores_in_user_text(results) -> None:
    from bot.oogo.render import explain_point, render_points

    for name, result in results.items():
        texts = [render_points(result)] + [explain_point(result, n)
                                           for n in range(1, len(result.points) + 1)]
        for text in texts:
            assert not SCORE_TEXT.search(text), (name, SCORE_TEXT.search(text).group(0))
        data = result.to_dict()
        assert all("score" in p and "score_parts" in p for p in data["points"])  # JSON keeps them


def test_meaning_follows_the_direction(results) -> None:
    """Higher: attention; NEET or a relative risk lower: a strength; jeugdzorg lower: a
    question. A NEET figure significantly lower than Nederland never supports a NEET problem."""
    for name, result in results.items():
        for point, item in _figure_evidence(result):
            figure = item.detail["figure"]
            assert item.detail["meaning"] == point.kind, (name, point.title)
            lead_direction = item.detail["direction"]
            if point.evidence.index(item) == 0 or item.kind == "comparison":
                if figure["indicator"] in ("neet", "neet_rr") and lead_direction == "lager":
                    assert point.kind == "sterk", (name, item.text)
                if figure["indicator"] == "jeugdzorg" and lead_direction == "lager":
                    assert point.kind == "vraag", (name, item.text)
            if point.kind == "aandacht" and figure["indicator"] == "neet" \
                    and item.kind == "comparison":
                nl = [t for t in item.detail["tests"] if t["kind"] == "nl"]
                assert not nl or nl[0]["direction"] == "hoger", (name, item.text)


def test_titles_and_why_follow_the_meaning(results) -> None:
    for name, result in results.items():
        for point in result.ranked:
            if point.kind == "sterk":
                assert "vasthouden" in point.title and "naar beneden" in point.why, name
            elif point.kind == "vraag":
                assert "lager" in point.title and "vraag" in point.why, name
            elif point.kind == "aandacht":
                assert "naar boven" in point.why, name


def test_po_partnership_gets_only_published_figures(services, results) -> None:
    engine = services.indicators
    result = results["PO2001"]
    assert result.facts
    for fact in result.facts:
        if fact.region == "PO2001":
            assert "swv_po" in engine.published_levels(fact.indicator, fact.category), fact
        assert fact.indicator == "jeugdzorg", fact
        assert fact.category not in ("vo", "vso", "pro", "mbo"), fact
    for point in result.ranked:
        for item in point.evidence:
            assert "NEET" not in item.text and "voortgezet" not in item.text, item.text
    assert any("Niet gepubliceerd per samenwerkingsverband PO" in n for n in result.notes)


def test_po_vo_transition_has_both_sides(results) -> None:
    seen = 0
    for name, result in results.items():
        for point in result.ranked:
            cats = {e.detail["figure"]["category"] for e in point.evidence if e.facts}
            if point.topic == "overgang_po_vo":
                seen += 1
                assert "vo" in cats and cats & {"po", "sbo"}, (name, cats)
            elif "vo" in cats and point.topic != "voortgezet":
                raise AssertionError((name, point.topic, "vo outside its own topics"))
    assert seen, "no golden region shows the po-vo point (the rule is not exercised)"


def test_standing_topics_are_questions_with_their_passage(results) -> None:
    for name, result in results.items():
        for point in result.standing:
            assert not point.evidence and point.kind == "vast", name
            assert point.questions and all(q.endswith("?") for q in point.questions)
            (passage,) = point.passages
            assert "vast onderwerp" in passage.text and passage.source == "oogo.md"
        every_text = " ".join(e.text for p in result.points for e in p.evidence)
        assert "thuis te zitten" not in every_text and "inwoners per km" not in every_text
        assert not any(p.topic in ("thuiszitters", "leerlingenvervoer") for p in result.ranked)


def test_caveat_where_a_higher_jeugdzorg_figure_is_the_evidence(results) -> None:
    seen = 0
    for name, result in results.items():
        for point in result.ranked:
            higher_care = point.kind == "aandacht" and any(
                e.facts and e.facts[0].indicator == "jeugdzorg" for e in point.evidence)
            assert bool(point.caveats) == higher_care, (name, point.title)
            for caveat in point.caveats:
                seen += 1
                assert "niet altijd een slecht teken" in caveat.text
                assert caveat.source == "indicatoren.md" and caveat.heading
    assert seen


def test_passages_are_quoted_whole_from_the_documents(results) -> None:
    from bot.oogo.passages import docs_dir

    def plain(text: str) -> str:
        text = re.sub(r"\*\*(.*?)\*\*", r"\1", text)
        return " ".join(re.sub(r"\[(.*?)\]\([^)]*\)", r"\1", text).split())

    docs = {p.name: plain(p.read_text(encoding="utf-8")) for p in docs_dir().glob("*.md")}
    for name, result in results.items():
        for passage in result.passages:
            for paragraph in passage.text.split("\n\n"):
                assert plain(paragraph) in docs[passage.source], (name, paragraph[:60])
                assert paragraph.rstrip().endswith((".", ":", "?", "!")), paragraph[-40:]


def test_questions_are_questions(results) -> None:
    for name, result in results.items():
        for point in result.ranked:
            if point.kind != "scan":
                assert point.questions and all(q.endswith("?") for q in point.questions), name


def test_deventer_partnerships_are_the_gemeente_alone(results) -> None:
    result = results["Deventer"]
    assert sorted(result.swv_alone) == ["PO2303", "VO2303"]
    assert any("alleen uit Deventer" in n for n in result.notes)
    for _point, item in _figure_evidence(result):
        assert all(t["against"] not in ("PO2303", "VO2303") for t in item.detail["tests"])
        assert "buiten Deventer" not in item.text


def test_swv_comparison_names_the_rest_and_the_right_partnership(services, results) -> None:
    engine = services.indicators
    for name in ("Zwolle", "Amsterdam", "Staphorst"):
        result = results[name]
        for _point, item in _figure_evidence(result):
            for test in item.detail["tests"]:
                if test["kind"] == "swv":
                    figure = item.detail["figure"]
                    assert test["against"] == engine.swv_for(result.region_code,
                                                             figure["category"])
                    assert test["excluding"] == result.region_code
                    assert f"buiten {result.region_name}" in item.text


def test_trends_count_only_against_the_national_trend(results) -> None:
    for name, result in results.items():
        for _point, item in _figure_evidence(result):
            if item.kind == "trend":
                (test,) = item.detail["tests"]
                assert test["against"] == "NL01" and test["direction"] in WORD, name
                assert "In Nederland ging het van" in item.text


def test_english_points(services) -> None:
    from bot.oogo.points import generate_points
    from bot.oogo.render import explain_point, render_points

    result = generate_points(services, "GM0193", language="en")
    text = render_points(result, "en")
    assert "Proposed OOGO discussion points" in text and "Vraag:" not in text
    assert "than in the Netherlands" in text
    assert not SCORE_TEXT.search(explain_point(result, 1, "en"))


def test_unknown_region_raises_with_candidates(services) -> None:
    from bot.oogo.points import RegionNotFound, generate_points

    with pytest.raises(RegionNotFound) as caught:
        generate_points(services, "Bergen")
    assert {code for code, _ in caught.value.candidates} >= {"GM0373", "GM0893"}
    with pytest.raises(RegionNotFound):
        generate_points(services, "Atlantis")


def test_nederland_gets_no_hint_to_a_point_it_does_not_have(services) -> None:
    """Nederland has no ranked points: no "waarom staat punt 2 erop?" and no empty paragraphs."""
    from bot.oogo.points import generate_points
    from bot.oogo.render import render_points

    for lang in ("nl", "en"):
        text = render_points(generate_points(services, "NL01", language=lang), lang)
        assert "punt 2" not in text and "point 2" not in text, lang
        assert "\n\n\n" not in text, lang


def test_the_hint_names_a_point_that_exists(results) -> None:
    from bot.oogo.render import render_points

    for name, result in results.items():
        text = render_points(result)
        if len(result.ranked) >= 2:
            assert "waarom staat punt 2 erop?" in text, name
        elif len(result.ranked) == 1:
            assert "waarom staat punt 1 erop?" in text, name


@pytest.mark.parametrize("code", ["GM0153", "GM0307", "GM0193", "GM0363"])
def test_no_two_points_open_with_the_same_question(services, code):
    """Two points of one topic (one to keep, one to discuss) asked the same question, which
    read as a machine repeating itself (user10: Enschede, "Kwetsbare jongeren op weg naar mbo
    en werk" twice)."""
    from bot.oogo.points import generate_points

    result = generate_points(services, code)
    firsts = [p.questions[0] for p in result.points if p.questions]
    assert len(firsts) == len(set(firsts)), firsts


def test_quotes_in_the_points_are_cited_by_title_not_by_file_name(services):
    """"(oogo.md)" after a quote named a file the reader cannot open (user10)."""
    from bot.oogo.points import generate_points
    from bot.oogo.render import render_points

    text = render_points(generate_points(services, "GM0153"))
    assert "«" in text and ".md" not in text


def test_strengths_come_after_what_asks_for_attention(services, results) -> None:
    """Found in a user trial: "vasthouden wat goed gaat" (Enschede's falling vso risk) stood
    above vso jeugdzorg of 74% against 57%, and read as the region's first concern."""
    from bot.oogo.points import generate_points

    everything = [*results.values(), generate_points(services, "GM0153")]
    assert any(p.kind == "sterk" for r in everything for p in r.ranked)
    for result in everything:
        kinds = [p.kind == "sterk" for p in result.ranked]
        assert kinds == sorted(kinds), (result.region_name, [p.kind for p in result.ranked])
        for group in (True, False):  # within each group, by the score as before
            scores = [p.score for p in result.ranked if (p.kind == "sterk") is group]
            assert scores == sorted(scores, reverse=True)

"""The discussion points: different regions get different points, and every piece of evidence
is exactly what the indicator engine says (assertions on numbers and flags, not on wording)."""

from __future__ import annotations

import math

import pytest

from tests.oogo.conftest import CONTRASTING


def _engine_value(engine, fact):
    value = engine.lookup(fact.indicator, fact.region, fact.category, fact.year)
    return None if value.suppressed else value.value


@pytest.fixture(scope="module")
def results(services):
    from bot.oogo.points import generate_points

    return {code: generate_points(services, code) for code in CONTRASTING}


def test_points_differ_between_contrasting_gemeenten(results) -> None:
    signatures = {code: tuple(p.topic for p in r.points) for code, r in results.items()}
    assert len(set(signatures.values())) == len(CONTRASTING), signatures
    evidence = {code: {(f.indicator, f.category) for f in r.facts if f.region == code}
                for code, r in results.items()}
    assert all(evidence.values()), "each region has evidence from its own figures"
    assert len({frozenset(v) for v in evidence.values()}) == len(CONTRASTING)


def test_every_point_has_evidence_and_facts_match_engine(services, results) -> None:
    engine = services.indicators
    for code, result in results.items():
        assert result.points, code
        assert result.demo_data is engine.is_demo
        for point in result.points:
            assert point.evidence, f"{code}: '{point.title}' has no evidence"
            for item in point.evidence:
                assert item.source
                for fact in item.facts:
                    expected = _engine_value(engine, fact)
                    assert fact.value == expected or (
                        fact.value is not None and math.isclose(fact.value, expected)
                    ), (code, fact)


def test_comparison_evidence_is_significant_and_higher(services, results) -> None:
    engine = services.indicators
    checked = 0
    for code, result in results.items():
        for point in result.points:
            for item in point.evidence:
                if item.kind != "comparison" or item.detail.get("standing"):
                    continue
                own = item.facts[0]
                assert own.region == code
                for against in item.detail["against"]:
                    if against == "peers":
                        comp = engine.compare_peers(own.indicator, code, own.category, own.year)
                        assert comp.comparison.significant
                        assert comp.comparison.direction == "hoger"
                        assert round(comp.mean, 1) == item.detail["peer_mean"]
                        continue
                    comp = engine.compare(own.indicator, code, against, own.category, own.year)
                    assert comp.significant and comp.direction == "hoger", (code, own, against)
                    other = next(f for f in item.facts if f.region == against)
                    assert comp.b.value == other.value
                    checked += 1
    assert checked, "at least one significant comparison among three contrasting gemeenten"


def test_trend_and_position_evidence_match_engine(services, results) -> None:
    from bot.oogo.scoring import is_rising

    engine = services.indicators
    for code, result in results.items():
        for point in result.points:
            for item in point.evidence:
                fact = item.facts[0] if item.facts else None
                if item.kind == "trend":
                    trend = engine.trend(fact.indicator, code, fact.category)
                    assert is_rising(trend)
                    assert [f.year for f in item.facts] == sorted(f.year for f in item.facts)
                elif item.kind == "position":
                    pos = engine.position(fact.indicator, code, fact.category, fact.year)
                    assert pos.top_5pct and item.detail["rank"] == pos.rank


def test_risk_evidence_stands_out_against_national(services, results) -> None:
    from bot.oogo.indicator_signals import RR_FACTOR

    engine = services.indicators
    for code, result in results.items():
        for point in result.points:
            for item in point.evidence:
                if item.kind == "risk":
                    own, national = item.facts
                    assert national.region == "NL01" and own.category == national.category
                    comp = engine.compare("neet_rr", code, "NL01", own.category, own.year)
                    significant = comp.significant and comp.direction == "hoger"
                    assert item.detail["significant"] == significant
                    assert own.value >= national.value * RR_FACTOR or significant


def test_points_are_ranked_by_score_and_explained(results) -> None:
    for result in results.values():
        scores = [p.score for p in result.points]
        assert scores == sorted(scores, reverse=True)
        assert result.points[0].title in result.ranking_explanation
        assert len(result.points) <= 7


def test_points_cite_knowledge_passages(results) -> None:
    cited = [p for r in results.values() for p in r.points if p.passages]
    assert cited
    for point in cited:
        for passage in point.passages:
            assert passage.source.endswith(".md") and passage.heading and passage.text


def test_render_and_explain_point(results) -> None:
    from bot.oogo.render import explain_point, render_points

    result = results[CONTRASTING[0]]
    text = render_points(result, "nl")
    for point in result.points:
        assert point.title in text
    detail = explain_point(result, 1, "nl")
    for item in result.points[0].evidence:
        assert item.text in detail
    assert explain_point(result, result.points[-1].title[:12], "nl").startswith(
        f"**{len(result.points)}.")
    missing = explain_point(result, 99, "nl")
    assert "kan ik niet vinden" in missing


def test_unknown_region_raises_with_candidates(services) -> None:
    from bot.oogo.points import RegionNotFound, generate_points

    with pytest.raises(RegionNotFound) as info:
        generate_points(services, "Zwolle-Noord")
    assert [code for code, _ in info.value.candidates] == ["GM0193"]
    assert "Zwolle" in info.value.message("nl")


def test_english_points(services) -> None:
    from bot.oogo.points import generate_points

    result = generate_points(services, CONTRASTING[1], language="en", max_points=3)
    assert result.language == "en" and len(result.points) <= 3
    assert all(p.evidence for p in result.points)


class _FakeModel:
    """Stands in for a LangChain chat model: returns a fixed rewrite of every sentence."""

    def __init__(self, rewrite) -> None:
        self.rewrite = rewrite

    def invoke(self, prompt: str):
        sentence = prompt.rsplit("\n\n", 1)[-1]
        return type("Message", (), {"content": self.rewrite(sentence)})()


def test_llm_may_only_rephrase_under_the_grounding_check(oogo_settings) -> None:
    from bot.oogo.points import generate_points
    from bot.services import build_services

    settings = oogo_settings.model_copy(update={"llm": "fake:model"})
    grounded = build_services(settings)
    grounded.__dict__["oogo_chat_model"] = _FakeModel(lambda s: "Kort gezegd: " + s)
    result = generate_points(grounded, CONTRASTING[0], max_points=3)
    assert all(e.text.startswith("Kort gezegd: ") for p in result.points for e in p.evidence)

    invented = build_services(settings)
    invented.__dict__["oogo_chat_model"] = _FakeModel(lambda s: s + " Dat is 99,9% meer.")
    result = generate_points(invented, CONTRASTING[0], max_points=3)
    assert not any("99,9" in e.text for p in result.points for e in p.evidence)
    assert all(p.evidence for p in result.points)

"""Property: no answer calls a figure higher, lower, risen or fallen without a significant and
relevant test behind that very sentence.

Answers are drawn for a seeded sample of gemeenten, indicators, categories and kinds of question
(value against Nederland, against the own samenwerkingsverband, against another gemeente, peers,
trend), in Dutch and English. Each reply lists the tests its sentences rest on
(``Reply.debug["tests"]``); the property recomputes every test with the engine and checks that
each claim word in the text has a test that is both significant and relevant.
"""

from __future__ import annotations

import random
import re

import pytest

from bot.core.answers.indicator import answer_indicator
from bot.core.understanding.model import Understanding

CLAIM = re.compile(r"\b(hoger|lager|higher|lower)\b")
NEUTRAL = re.compile(r"om hoger of lager te noemen|to call higher or lower")
TREND_WORDS = re.compile(r"\b(gestegen|gedaald|risen|fallen|rose|fell)\b")
CATEGORIES = {
    "jeugdzorg": ("totaal", "po", "sbo", "so", "vo", "vso", "pro", "mbo",
                  "jeugdhulp_met_verblijf", "jeugdreclassering"),
    "neet": ("totaal",),
    "neet_rr": ("pro", "vso", "vmbo_basis", "jeugdbescherming"),
}


def _questions(registry, engine):
    rng = random.Random(20240521)
    gemeenten = registry.gemeenten()
    large = sorted(gemeenten, key=lambda r: -r.inhabitants)[:40]  # where tiny gaps are significant
    out = []
    for _ in range(70):
        g = rng.choice(large if rng.random() < 0.5 else gemeenten)
        indicator = rng.choice(sorted(CATEGORIES))
        category = rng.choice(CATEGORIES[indicator])
        mode = rng.choice(["value", "national", "swv", "regions", "peers", "trend"])
        regions = [g.code]
        if mode == "swv":
            regions.append(engine.swv_for(g.code, category))
        elif mode == "regions":
            regions.append(rng.choice(gemeenten).code)
        language = rng.choice(["nl", "nl", "en"])
        out.append(Understanding(intent="trend" if mode == "trend" else "compare",
                                 indicator=indicator, category=category, regions=regions,
                                 mode=mode, language=language))
    return out


def _recheck(engine, test):
    """The engine's own verdict on a recorded test."""
    if test["kind"] == "compare":
        other = test["other"]
        if test.get("excluding"):
            cmp = engine.compare(test["indicator"], test["excluding"], other,
                                 test["category"], test["year"])
        else:
            cmp = engine.compare(test["indicator"], test["region"], other, test["category"],
                                 test["year"])
        return cmp.direction, cmp.significant, cmp.relevant
    if test["kind"] == "trend":
        trend = engine.trend(test["indicator"], test["region"], test["category"])
        return trend.direction, trend.significant, trend.relevant
    cmp = engine.compare_trend(test["indicator"], test["region"], test["category"])
    return cmp.direction, cmp.significant, cmp.relevant


def test_no_claim_without_a_significant_relevant_test(core_services):
    engine, registry = core_services.indicators, core_services.registry
    claims = answered = 0
    for u in _questions(registry, engine):
        reply = answer_indicator(u, core_services, charts=False)
        if not reply.facts:
            continue
        answered += 1
        text = NEUTRAL.sub("", reply.text)
        tests = reply.debug["tests"]
        for test in tests:
            if test["kind"] == "compare" and test["region"] == u.regions[0] and \
                    test.get("excluding") is None and test["other"] != "PEERS" and \
                    test["other"] in u.regions + ["NL01"]:
                assert _recheck(engine, test)[0] == test["direction"], (u, test)
        said = CLAIM.findall(text)
        strong = [t for t in tests if t["kind"] in ("compare",)
                  and t["direction"] in ("hoger", "lager")]
        assert len(said) == len(strong), (u.regions, u.indicator, u.category, reply.text)
        assert all(t["significant"] and t["relevant"] for t in strong), reply.text
        claims += len(said)
        trend_tests = [t for t in tests if t["kind"] in ("trend", "trend_vs")]
        if TREND_WORDS.search(text):
            moved = [t for t in trend_tests if t["direction"] in ("gestegen", "gedaald", "hoger",
                                                                  "lager")]
            assert moved and all(t["significant"] and t["relevant"] for t in moved), reply.text
            for test in moved:
                assert _recheck(engine, test)[0] == test["direction"]
    assert answered >= 50 and claims >= 10


@pytest.mark.parametrize("mode", ["value", "national"])
def test_tiny_differences_are_about_the_same(core_services, mode):
    """Large groups make small differences significant; they must still read 'ongeveer gelijk'."""
    engine = core_services.indicators
    found = 0
    for g in core_services.registry.gemeenten():
        cmp = engine.compare("jeugdzorg", g.code, "NL01")
        if cmp.significant and not cmp.relevant:
            reply = answer_indicator(Understanding(intent="indicator", indicator="jeugdzorg",
                                                   regions=[g.code], mode=mode),
                                     core_services, charts=False)
            assert "ongeveer gelijk" in reply.text and not CLAIM.search(
                NEUTRAL.sub("", reply.text))
            found += 1
            if found >= 5:
                break
    assert found >= 1

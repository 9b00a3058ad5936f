"""Understanding without an LLM: language, indicator, category, years, regions, intents."""

from __future__ import annotations

import pytest

from bot.core.state import ConversationState
from bot.core.understanding.language import detect_language
from bot.core.understanding.normalize import fold
from bot.core.understanding.parse import understand
from bot.core.understanding.slots import detect_categories, detect_indicator, detect_years


@pytest.mark.parametrize("text,lang", [
    ("How does our NEET risk compare nationally?", "en"),
    ("Which factors raise the risk of becoming NEET?", "en"),
    ("and in 2020?", "en"),
    ("Hoe hoog is de NEET in Den Haag?", "nl"),
    ("Jeugdzorg in Den Bosch?", "nl"),
    ("en in 2021?", "nl"),
])
def test_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text,indicator", [
    ("jeugdzorggebruik in het vso", "jeugdzorg"),
    ("hoeveel jongeren krijgen jeugdhulp", "jeugdzorg"),
    ("youth services in Utrecht", "jeugdzorg"),
    ("zorg voor jongeren in Zwolle", "jeugdzorg"),
    ("jongeren zonder werk en opleiding", "neet"),
    ("not in education, employment or training", "neet"),
    ("zonder baan en school", "neet"),
    ("relatief risico op NEET", "neet_rr"),
    ("hoeveel groter is de kans op NEET", "neet_rr"),
    ("which factors raise the risk of becoming NEET", "neet_rr"),
    ("wat is het weer morgen", None),
])
def test_indicator_synonyms(text, indicator):
    assert detect_indicator(fold(text)) == indicator


@pytest.mark.parametrize("text,category", [
    ("in het speciaal onderwijs", "so"),
    ("voortgezet speciaal onderwijs", "vso"),
    ("speciaal basisonderwijs", "sbo"),
    ("praktijkonderwijs", "pro"),
    ("secondary education", "vo"),
    ("primary school", "po"),
    ("jeugdhulp met verblijf", "jeugdhulp_met_verblijf"),
    ("ambulante jeugdhulp", "jeugdhulp_zonder_verblijf"),
    ("ondertoezichtstelling", "jeugdbescherming"),
    ("juvenile probation", "jeugdreclassering"),
    ("voortijdig schoolverlaten", "vsv"),
    ("mbo entree", "mbo_entree"),
])
def test_categories(text, category):
    assert detect_categories(fold(text), "nl")[0] == category


def test_years():
    assert detect_years("en in 2021?") == (2021, [], False)
    assert detect_years("sinds 2019") == (None, [2019], True)
    assert detect_years("van 2019 tot 2021") == (None, [2019, 2020, 2021], False)


@pytest.fixture(scope="module")
def registry(core_services):
    return core_services.registry


@pytest.mark.parametrize("text,intent,regions", [
    ("Vergelijk Zwolle en Deventer op jeugdzorg", "compare", ["GM0193", "GM0150"]),
    ("NEET in Súdwest-Fryslân sinds 2020", "trend", ["GM1900"]),
    ("Hoeveel jongeren in Amsterdm krijgen jeugdhulp?", "indicator", ["GM0363"]),
    ("jeugdzorg landelijk", "indicator", ["NL01"]),
    ("Welke gemeenten lijken op Deventer qua NEET?", "compare", ["GM0150"]),
    ("Wat is het OOGO?", "explain", []),
    ("Ik wil de regioscan invullen", "regioscan", []),
    ("Wat wordt het weer morgen in Utrecht?", "out_of_scope", []),
    ("'; DROP TABLE sessions; --", "out_of_scope", []),
])
def test_intents_and_regions(registry, text, intent, regions):
    u = understand(text, ConversationState(), registry)
    assert u.intent == intent
    assert u.regions == regions


def test_ambiguous_place_is_never_guessed(registry):
    u = understand("Wat is het jeugdzorggebruik in Bergen?", ConversationState(), registry)
    assert u.intent == "clarify"
    assert {"GM0373", "GM0893"} <= set(u.options)


def test_own_region_and_swv_from_profile(registry):
    state = ConversationState(profile_region="GM0772")
    u = understand("Hoe scoort onze gemeente op jeugdzorg vergeleken met ons "
                   "samenwerkingsverband?", state, registry)
    assert u.regions[0] == "GM0772" and u.regions[1].startswith("PO")
    assert u.origins["regions"] == "profile"
    u = understand("Wat is de NEET van ons samenwerkingsverband?", state, registry)
    assert u.regions == [registry.get("GM0772").swv_vo]


def test_followup_uses_context(registry):
    state = ConversationState(last_indicator="neet", last_regions=["GM0193"], last_year=2023)
    u = understand("en in 2021?", state, registry)
    assert (u.indicator, u.regions, u.year) == ("neet", ["GM0193"], 2021)
    assert u.origins == {"indicator": "context", "year": "question", "regions": "context"}
    u = understand("En hoe zit dat in Zeist?", state, registry)
    assert u.regions == ["GM0355"] and u.indicator == "neet"
    u = understand("and nationally?", state, registry)
    assert u.regions == ["GM0193", "NL01"] and u.language == "en"


@pytest.mark.parametrize("text,region", [
    ("Jeugdzorg Amsterdm?", "GM0363"),
    ("jeugdzorg amsterdm", "GM0363"),
    ("NEET Groningn", "GM0014"),
    ("jeugdzrog in Zwolle", "GM0193"),
])
def test_typos_in_places_and_indicator_words(registry, text, region):
    u = understand(text, ConversationState(), registry)
    assert u.intent == "indicator" and u.regions == [region]


def test_plain_words_are_not_taken_for_places(registry):
    u = understand("Hoe hoog is de jeugdzorg gemiddeld?", ConversationState(), registry)
    assert u.regions == ["NL01"] and u.origins["regions"] == "default"

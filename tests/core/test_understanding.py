"""Understanding without an LLM: language, slot readers, the figure frame and its follow-ups,
and every example of issue 11, through the real pipeline with the shipped intent model."""

from __future__ import annotations

import pytest

from bot.core.state import ConversationState
from bot.core.understanding.language import detect_language
from bot.core.understanding.memory import remember
from bot.core.understanding.normalize import fold
from bot.core.understanding.parse import understand
from bot.core.understanding.slots import (
    correct_typos,
    detect_categories,
    detect_indicator,
    detect_years,
)


@pytest.mark.parametrize("text,lang", [
    ("How does our NEET risk compare nationally?", "en"),
    ("Which factors raise the risk of becoming NEET?", "en"),
    ("and in 2020?", "en"),
    ("Hoe hoog is de NEET in Den Haag?", "nl"),
    ("Jeugdzorg in Den Bosch?", "nl"),
    ("en in 2021?", "nl"),
    ("trend NEET in Zwolle", "nl"),  # "trend" and "in" are Dutch words too
    ("Is de NEET hoger of lager dan landelijk?", "nl"),  # "of" is Dutch here
    ("and in English: how about NEET there?", "en"),
])
def test_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text,indicator", [
    ("jeugdzorggebruik in het vso", "jeugdzorg"),
    ("hoeveel jongeren krijgen jeugdhulp", "jeugdzorg"),
    ("youth services in Utrecht", "jeugdzorg"),
    ("jongeren zonder werk en opleiding", "neet"),
    ("not in education, employment or training", "neet"),
    ("doen niets: geen baan, geen studie", "neet"),
    ("relatief risico op NEET", "neet_rr"),
    ("hoeveel groter is de kans op NEET", "neet_rr"),
    ("which factors raise the risk of becoming NEET", "neet_rr"),
    ("wat is het weer morgen", None),
])
def test_indicator_synonyms(text, indicator):
    from indicators.catalog import catalog

    assert detect_indicator(fold(text), catalog()) == indicator


@pytest.mark.parametrize("typed,meant", [
    ("juegdzorg in zwolle", "jeugdzorg in zwolle"),
    ("amulante jeugdhulp", "ambulante jeugdhulp"),
    ("jongeren zoner werk", "jongeren zonder werk"),
    ("wat is de wachttijd", "wat is de wachttijd"),  # ordinary words stay
])
def test_typos_in_keywords_are_mended(typed, meant):
    assert correct_typos(typed) == meant


@pytest.mark.parametrize("text,category", [
    ("in het speciaal onderwijs", "so"),
    ("voortgezet speciaal onderwijs", "vso"),
    ("speciaal basisonderwijs", "sbo"),
    ("praktijkonderwijs", "pro"),
    ("secondary education", "vo"),
    ("jeugdhulp met verblijf", "jeugdhulp_met_verblijf"),
    ("ambulante jeugdhulp", "jeugdhulp_zonder_verblijf"),
    ("ondertoezichtstelling", "jeugdbescherming"),
    ("voortijdig schoolverlaten", "vsv"),
    ("mbo entree", "mbo_entree"),
])
def test_categories(text, category):
    assert detect_categories(fold(text), "nl")[0] == category


def test_years():
    assert detect_years("en in 2021?") == (2021, [], False)
    assert detect_years("sinds 2019") == (None, [2019], True)
    assert detect_years("van 2019 tot 2021") == (None, [2019, 2020, 2021], False)


def test_a_year_far_outside_the_figures_is_read_when_named_as_a_year():
    """"NEET in Zwolle in 1850" used to get the 2023 figure without a word (found in an
    attack); named as a year, it is read, and the answer says there are no figures for it. A
    bare number that far out stays a number ("1850 jongeren")."""
    assert detect_years("neet in zwolle in 1850") == (1850, [], False)
    assert detect_years("jeugdzorg in het jaar 2100") == (2100, [], False)
    assert detect_years("zwolle heeft 1850 neet-jongeren") == (None, [], False)


@pytest.fixture(scope="module")
def registry(core_services):
    return core_services.registry


def ask(registry, text, state=None, **kw):
    return understand(text, state or ConversationState(), registry,
                      latest_year=lambda: 2023, **kw)


def conversation(registry, *texts, profile=None):
    """Understand messages one after the other, remembering as the assistant does."""
    state = ConversationState(profile_region=profile)
    out = []
    for text in texts:
        u = ask(registry, text, state)
        remember(state, u, answered=True)
        state.turns += 1
        out.append(u)
    return out


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
    u = ask(registry, text)
    assert u.intent == intent
    assert u.regions == regions


def test_ambiguous_and_unknown_places_are_never_guessed(registry):
    u = ask(registry, "Wat is het jeugdzorggebruik in Bergen?")
    assert u.intent == "clarify" and {"GM0373", "GM0893"} <= set(u.options)
    u = ask(registry, "Wat is het jeugdzorggebruik in Parijs?")
    assert u.intent == "out_of_scope" and u.clarify_kind == "unknown" and not u.regions
    u = ask(registry, "jeugdzorg uitgesplitst naar zorgtype in Zwolle")
    assert u.intent == "indicator" and u.dimension == "zorgtype"  # "zorgtype" is no place
    # a typo one slip from two names: asked as an unknown name with both as suggestions
    u = ask(registry, "hoeveel jeugdzorg in Roozendaal")
    assert (u.intent, u.clarify_kind) == ("clarify", "unknown")
    assert set(u.suggestions) == set(u.options) == {"GM0277", "GM1674"}
    u = ask(registry, "ik werk bij de gemeente Roozendaal")  # also in a profile statement
    assert (u.intent, u.clarify_kind) == ("clarify", "unknown")
    assert set(u.suggestions) == {"GM0277", "GM1674"}


def test_own_region_and_own_swv(registry):
    state = ConversationState(profile_region="GM0772")
    u = ask(registry, "Hoe scoort onze gemeente op jeugdzorg vergeleken met ons "
                      "samenwerkingsverband?", state)
    # jeugdzorg of all young people: the partnership the engine compares with (swv_for: VO)
    assert u.regions == ["GM0772", registry.get("GM0772").swv_vo]
    assert u.origins["regions"] == "profile" and u.target == "swv"
    u = ask(registry, "Wat is de NEET van ons samenwerkingsverband?", state)
    assert u.regions == [registry.get("GM0772").swv_vo]
    # po/sbo/so go with the PO partnership, vo/vso/pro/mbo and NEET with the VO partnership
    u = ask(registry, "Hoe verhoudt onze jeugdzorg in het vso zich tot het "
                      "samenwerkingsverband?", state)
    assert u.regions == ["GM0772", registry.get("GM0772").swv_vo]
    u = ask(registry, "jeugdzorg in Zwolle vergeleken met het swv vo")
    assert u.target == "swv_vo" and u.regions == ["GM0193", "VO2305"]


@pytest.mark.parametrize("text", [
    "Hoe staat Almelo ervoor op jeugdzorg tegenover ons swv?",
    "neet Zwolle vergeleken met de rest van ons samenwerkingsverband",
    "How does Deventer compare with our partnership on NEET?",
])
def test_own_swv_of_a_named_place_needs_no_profile(registry, text):
    """"<gemeente> vergeleken met ons samenwerkingsverband" without a profile region: the
    partnership is the named gemeente's (as with a profile), not a question which region."""
    u = ask(registry, text)
    assert u.intent != "clarify" and u.target == "swv"
    assert len(u.regions) == 2 and u.regions[1].startswith("VO")


@pytest.mark.parametrize("text", [
    "en hoe verhoudt dat zich tot de rest van ons samenwerkingsverband?",
    "and how does that compare to the rest of our samenwerkingsverband?",
])
def test_own_swv_as_a_follow_up_takes_the_place_of_the_conversation(registry, text):
    """Found in a second user trial: "tot de rest van ons samenwerkingsverband" after a figure
    of Gouda asked which region was meant ("vergeleken met ons swv" did not)."""
    state = ConversationState()
    first = ask(registry, "jeugdzorg in het vo in Gouda", state)
    remember(state, first, answered=True)
    u = ask(registry, text, state)
    assert u.intent == "compare" and u.regions == ["GM0513", "VO2802"]


@pytest.mark.parametrize("text", [
    "Hoe scoort ons samenwerkingsverband op NEET?",
    "Hoe doet Almelo het op jeugdzorg vergeleken met onze gemeente?",
])
def test_own_place_without_profile_still_asks(registry, text):
    u = ask(registry, text)
    assert u.intent == "clarify" and u.clarify_kind == "need_region"


def test_followups_change_one_slot(registry):
    first, swv, peers, land, year = conversation(
        registry, "Hoe hoog is de NEET in Zwolle?", "vergelijk met het samenwerkingsverband",
        "en met vergelijkbare gemeenten?", "En landelijk?", "en in 2021?")
    assert (first.indicator, first.regions, first.mode) == ("neet", ["GM0193"], "value")
    assert (swv.frame.target, swv.regions) == ("swv", ["GM0193", "VO2305"])
    assert (peers.frame.mode, peers.frame.target) == ("peers", "peers")
    assert (land.frame.mode, land.frame.target, land.regions) == ("compare", "land",
                                                                   ["GM0193", "NL01"])
    assert (year.indicator, year.year, year.frame.target) == ("neet", 2021, "land")
    assert year.origins["indicator"] == "context"


def test_followup_in_english_keeps_the_place(registry):
    _, en = conversation(registry, "Wat is het jeugdzorggebruik in Gouda?",
                         "and in English: how about NEET there?")
    assert (en.label, en.language, en.indicator, en.regions[0]) == ("figure", "en", "neet",
                                                                    "GM0513")


def test_breakdowns(registry):
    u = ask(registry, "Welke onderwijssoort heeft in Zwolle de meeste jeugdzorg?")
    assert (u.mode, u.dimension) == ("breakdown", "onderwijssoort")
    _, groups = conversation(
        registry, "Wat is het relatief risico op NEET voor jongeren uit het pro in Zwolle?",
        "welke groepen lopen het meeste risico?")
    assert (groups.indicator, groups.mode, groups.dimension) == ("neet_rr", "breakdown",
                                                                 "risicofactor")
    u = ask(registry, "Wat is het NEET-risico voor jongeren uit het vso?")
    assert (u.label, u.indicator, u.category) == ("figure", "neet_rr", "vso")
    u = ask(registry, "ons relatief risico op NEET vergeleken met landelijk",
            ConversationState(profile_region="GM0193"))
    # no factor named: every factor, each set against Nederland (never one picked silently)
    assert (u.indicator, u.category, u.mode) == ("neet_rr", None, "breakdown")


def test_a_breakdown_keeps_what_it_is_set_against(registry):
    """The partnership or a second place named with a breakdown is kept as its target (it was
    dropped, and the breakdown shown against Nederland only)."""
    u = ask(registry, "Jeugdzorg per onderwijssoort in Zwolle vergeleken met het "
                      "samenwerkingsverband")
    assert (u.mode, u.regions, u.target) == ("breakdown", ["GM0193"], "swv")
    u = ask(registry, "jeugdzorg per onderwijssoort in Zwolle en Deventer")
    assert (u.mode, u.regions, u.target) == ("breakdown", ["GM0193", "GM0150"], "region")
    u = ask(registry, "Jeugdzorg per onderwijssoort in Zwolle")
    assert (u.mode, u.target) == ("breakdown", None)


def test_a_breakdown_followed_by_a_comparison_stays_a_breakdown(registry):
    """The button "En vergeleken met het samenwerkingsverband?" under a breakdown (and "en
    vergeleken met Kampen?") sets the same breakdown against the partnership or that place;
    it turned into a comparison of the totals, and the breakdown was gone."""
    _, swv, land = conversation(registry, "Jeugdzorg per onderwijssoort in Zwolle",
                                "En vergeleken met het samenwerkingsverband?", "En landelijk?")
    assert (swv.mode, swv.target, swv.regions[0], swv.dimension) == (
        "breakdown", "swv", "GM0193", "onderwijssoort")
    assert (land.mode, land.target, land.regions) == ("breakdown", None, ["GM0193"])
    _, kampen = conversation(registry, "Jeugdzorg per zorgtype in Zwolle",
                             "en vergeleken met Kampen?")
    assert (kampen.mode, kampen.target, kampen.regions, kampen.dimension) == (
        "breakdown", "region", ["GM0193", "GM0166"], "zorgtype")


def test_a_breakdown_against_the_partnership_keeps_it_for_another_dimension(registry):
    """"en per zorgtype?" after a breakdown set against the partnership: the zorgtype breakdown
    is set against it too (it fell back to Nederland without a word)."""
    _, zorgtype = conversation(registry, "Jeugdzorg per onderwijssoort in Zwolle vergeleken "
                                         "met het samenwerkingsverband", "en per zorgtype?")
    assert (zorgtype.mode, zorgtype.target, zorgtype.regions, zorgtype.dimension) == (
        "breakdown", "swv", ["GM0193"], "zorgtype")


def test_a_common_word_name_next_to_a_care_category_word_is_the_place(registry):
    """"jeugdreclassering voorst": Voorst is an ordinary word too, taken for the gemeente only
    next to a figure word; jeugdreclassering and jeugdbescherming are such words (the question
    was answered for the own region instead)."""
    voorst = registry.resolve("Voorst").region.code
    for text in ("jeugdreclassering voorst", "Voorst jeugdreclassering",
                 "jeugdbescherming voorst"):
        u = ask(registry, text, ConversationState(profile_region="GM0307"))
        assert u.regions[:1] == [voorst], text
        assert not u.profile_assumed


def test_the_own_region_standing_in_for_an_unnamed_place_is_marked(registry):
    state = ConversationState(profile_region="GM0307")
    assert ask(registry, "neet schoonhoven", state).profile_assumed
    assert ask(registry, "Hoe hoog is de NEET?", state).profile_assumed
    own = ask(registry, "Hoe verhoudt ons NEET-percentage zich tot het landelijk gemiddelde?",
              state)
    assert own.regions[0] == "GM0307" and not own.profile_assumed
    assert not ask(registry, "Hoe hoog is de NEET in Zwolle?", state).profile_assumed


def test_en_met_after_a_comparison_sets_the_next_place_against_the_subject(registry):
    """"en met zwolle?" after "vergelijk enschede met hengelo" compared Zwolle with Nederland
    (user10); the subject stays Enschede."""
    _, nxt = conversation(registry, "vergelijk enschede met hengelo qua neet", "en met zwolle?")
    zwolle = registry.resolve("Zwolle").region.code
    assert (nxt.mode, nxt.indicator) == ("regions", "neet")  # named places set side by side
    assert nxt.regions[0] == registry.resolve("Enschede").region.code and zwolle in nxt.regions
    alone = ask(registry, "en met zwolle?")
    assert alone.regions[:1] == [zwolle]  # no comparison before it: Zwolle is the subject


def test_compared_with_the_partnership_and_nederland_sets_both_against_it(registry):
    """"vergeleken met het swv en met nederland" compared with the partnership only (user10)."""
    u = ask(registry, "hoe staat het vso in amersfoort ervoor qua jeugdzorg, vergeleken met "
                      "het swv en met nederland")
    assert u.mode == "swv" and u.regions[0] == "GM0307" and u.regions[-1] == "NL01"
    assert any(c.startswith("VO") for c in u.regions)
    only = ask(registry, "Hoe doet Zwolle het op jeugdzorg vergeleken met het "
                         "samenwerkingsverband?")
    assert only.mode == "swv" and "NL01" not in only.regions


def test_peers_with_size_words(registry):
    u = ask(registry, "Welke gemeenten lijken qua grootte op Deventer en hoe doen die het "
                      "op NEET?")
    assert (u.mode, u.indicator, u.regions) == ("peers", "neet", ["GM0150"])


def test_jeugdhulp_is_the_asked_term(registry):
    assert ask(registry, "Hoeveel jongeren in Zwolle krijgen jeugdhulp?").asked_term == \
        "jeugdhulp"
    assert ask(registry, "Hoeveel jongeren in Zwolle krijgen jeugdzorg?").asked_term is None


@pytest.mark.parametrize("text,label", [
    # knowledge questions that name an indicator
    ("Welke leeftijdsgroep telt mee voor de NEET-indicator?", "knowledge"),
    ("Welke CBS-tabel heeft kerncijfers over jeugdzorg per gemeente?", "knowledge"),
    ("Tot welke leeftijd telt iemand mee in de jeugdzorgcijfers?", "knowledge"),
    ("Wat is een ontwikkelagenda?", "knowledge"),
    ("Kunnen we de regioscan samen met de schoolbesturen invullen?", "knowledge"),
    ("Ik wil met de hele regio de regioscan invullen, hoe maak ik een ronde?", "knowledge"),
    # help and the OOGO in other words
    ("wat kan ik allemaal aan je vragen?", "help"),
    ("Welke vragen kan ik aan jou stellen?", "help"),
    ("Wat moeten wij bij het volgende OOGO op tafel leggen?", "oogo_points"),
    ("Kan ik het voorbereidingsdocument downloaden?", "report"),
    ("maak het rapport als pdf", "report"),
    ("ga verder met de regioscan", "scan_resume"),
    ("Wat was de uitkomst van mijn regioscan?", "scan_result"),
    ("4C8A4CKD school", "round_join"),
])
def test_issue_examples_labels(registry, text, label):
    assert ask(registry, text).label == label


def test_messages_during_a_scan_are_not_trapped(registry):
    scan = {"scan_active": True}
    assert ask(registry, "Hoeveel jongeren in Zwolle zijn NEET?", **scan).label == "figure"
    assert ask(registry, "Welke punten moeten we agenderen?", **scan).label == "oogo_points"
    assert ask(registry, "uitslag", **scan).label == "scan_result"
    assert ask(registry, "4", **scan).label == "scan_answer"
    assert ask(registry, "eens, want we overleggen elke maand", **scan).label == "scan_answer"
    assert ask(registry, "4").label != "scan_answer"  # no open statement, no scan answer


def test_plain_words_are_not_taken_for_places(registry):
    u = ask(registry, "Hoe hoog is de jeugdzorg gemiddeld?")
    assert u.regions == ["NL01"] and u.origins["regions"] == "default"


def test_place_codes_are_not_categories(registry):
    u = ask(registry, "Wat is het jeugdzorggebruik in PO 23-05?")
    assert u.regions == ["PO2305"] and u.category is None


def test_own_swv_without_a_profile_after_a_figure_is_that_places(registry):
    """Found in a third user trial: "en hoe zit dat in ons samenwerkingsverband?" after a
    figure of Dordrecht asked which region was meant. Without a profile the partnership is the
    conversation's place's; without either it is still asked."""
    state = ConversationState()
    remember(state, ask(registry, "Hoe hoog is de NEET in Dordrecht?", state), answered=True)
    u = ask(registry, "en hoe zit dat in ons samenwerkingsverband?", state)
    assert u.intent != "clarify" and u.regions == ["VO2804"]
    assert u.origins["regions"] == "context"
    alone = ask(registry, "Hoe hoog is de NEET in ons samenwerkingsverband?")
    assert (alone.intent, alone.clarify_kind) == ("clarify", "need_region")

"""Each named stage of ``understand()`` on its own: read, commands, profile, guards, classify,
the figure frame's slots, and the answer plan. The model is a fake where the stage under test
is not the model, so a rule is tested by what it does, not by what the model happens to say."""

from __future__ import annotations

import pytest

from bot.core.state import ConversationState
from bot.core.understanding import parse
from bot.core.understanding.frame import Frame, plan
from bot.core.understanding.intent_model import Prediction
from bot.core.understanding.model import Understanding
from bot.core.understanding.reading import Reading
from bot.core.understanding.reading import read as read_against
from indicators.catalog import catalog


def read(text: str, registry) -> Reading:
    """A reading against the shipped catalog (the assistant passes its own)."""
    return read_against(text, registry, catalog())


class FakeModel:
    """Says what it is told, for every message."""

    vocabulary: frozenset[str] = frozenset()

    def __init__(self, *ranked: tuple[str, float]) -> None:
        self.ranked = ranked

    def predict(self, clean: str, flags: list[str], head: str = "intent") -> Prediction:
        if head == "lang":
            return Prediction((("nl", 0.9), ("en", 0.1)))
        return Prediction(tuple(self.ranked))


@pytest.fixture(scope="module")
def registry(core_services):
    return core_services.registry


def turn(state=None, **kw):
    return parse.Turn(state or ConversationState(), **kw)


def fresh(text="x"):
    return Understanding(intent="help", query=text)


def test_read_masks_places_mends_typos_and_delexicalises(registry):
    r = read("Wat is het juegdzorggebruik in PO 23-05 in 2021?", registry)
    assert r.indicator == "jeugdzorg" and r.categories == []  # "PO" of the code is a place
    assert [m.codes for m in r.places.mentions] == [["PO2305"]]
    assert r.year == 2021 and "<plaats>" in r.clean and "<jaar>" in r.clean
    assert read("4C8A4CKD school", registry).invite_code == "4C8A4CKD"


@pytest.mark.parametrize("text,label,mode", [
    ("/regio", "help", "profile"),
    ("/help", "help", "value"),
    ("/regioscan", "scan_start", "value"),
    ("/stop", "scan_answer", "value"),
    ("/bronnen", "knowledge", "value"),
    ("/oogo", "oogo_points", "value"),
    ("???", "out_of_scope", "value"),
])
def test_command_stage(registry, text, label, mode):
    u = fresh(text)
    assert parse.command_stage(read(text, registry), u, turn())
    assert (u.label, u.mode) == (label, mode)


def test_the_oogo_command_is_about_the_profile_or_the_named_region(registry):
    """"/oogo" (the Telegram menu) needs no Dutch sentence and keeps the conversation's
    language; a region typed after it wins over the profile."""
    state = ConversationState(profile_region="GM0193", language="en")
    u = parse.understand("/oogo", state, registry)
    assert (u.label, u.regions, u.language) == ("oogo_points", ["GM0193"], "en")
    assert parse.understand("/oogo Deventer", state, registry).regions == ["GM0150"]


def test_command_stage_leaves_questions_alone(registry):
    assert not parse.command_stage(read("Hoe hoog is de NEET?", registry), fresh(), turn())


def test_profile_stage(registry):
    u, t = fresh(), turn()
    assert parse.profile_stage(read("ik werk bij de gemeente Zwolle", registry), u, t,
                               registry) is None
    assert (u.profile_region, u.mode, u.label) == ("GM0193", "profile", "help")
    u, t = fresh(), turn()
    rest = parse.profile_stage(read("Ik werk bij Deventer. Hoe hoog is onze NEET?", registry),
                               u, t, registry)
    assert rest is not None and rest.indicator == "neet" and t.profile == "GM0150"
    u = fresh()
    assert parse.profile_stage(read("Ik werk bij de gemeente Bergen", registry), u, turn(),
                               registry) is None
    assert u.intent == "clarify" and u.clarify_kind == "ambiguous"


@pytest.mark.parametrize("text,scan,label", [
    ("4", True, "scan_answer"),
    ("eens, want het overleg loopt goed", True, "scan_answer"),
    ("wijzig 3", True, "scan_answer"),
    ("4C8A4CKD jeugdhulp", False, "round_join"),
    ("waarom?", False, "why"),
    ("wat kun je allemaal?", False, "help"),
    ("ga verder met de scan", False, "scan_resume"),
    ("mijn uitslag", False, "scan_result"),
    ("zeg dat alles goed is", False, "out_of_scope"),
])
def test_guard_stage(registry, text, scan, label):
    u = fresh(text)
    assert parse.guard_stage(read(text, registry), u, turn(scan_active=scan))
    assert u.label == label


@pytest.mark.parametrize("text", [
    "Hoe hoog is de NEET in Zwolle?",
    "Hoe wordt de uitkomst van de regioscan berekend?",  # a question about how, not "mine"
    "4",  # no open statement: not a scan answer
])
def test_guard_stage_leaves_the_rest_to_the_model(registry, text):
    assert not parse.guard_stage(read(text, registry), fresh(text), turn())


def test_classify_stage_follows_the_model_within_what_is_possible(registry):
    reading = read("Wat is dat precies?", registry)
    u = fresh()
    parse.classify_stage(reading, u, turn(model=FakeModel(("scan_answer", 0.8),
                                                          ("knowledge", 0.2))))
    assert u.label == "knowledge"  # no open statement: a scan answer is impossible
    u = fresh()
    parse.classify_stage(reading, u, turn(model=FakeModel(("figure", 0.9), ("help", 0.1))))
    assert u.label == "help"  # no indicator, no place, no previous figure


def test_classify_stage_asks_when_unsure(registry):
    u = fresh()
    parse.classify_stage(read("Hoe zit het met de jeugdzorg?", registry), u,
                         turn(model=FakeModel(("figure", 0.3), ("knowledge", 0.28),
                                              ("help", 0.22), ("why", 0.2))))
    assert u.intent == "clarify" and u.clarify_kind == "intent"
    assert u.options == ["figure", "knowledge"]


def test_forced_label_wins(registry):
    u = parse.understand("Hoe zit het met de jeugdzorg?", ConversationState(), registry,
                         forced_label="knowledge", model=FakeModel(("figure", 1.0)))
    assert u.label == "knowledge" and u.intent == "explain"


def figure(registry, text, state=None, profile=None):
    return parse.understand(text, state or ConversationState(profile_region=profile), registry,
                            model=FakeModel(("figure", 1.0)), latest_year=lambda: 2023)


def test_figure_slots(registry):
    u = figure(registry, "Jeugdzorg in het vso in Tilburg sinds 2020")
    f = u.frame
    assert (f.indicator, f.category, f.mode, f.regions, f.years) == (
        "jeugdzorg", "vso", "trend", ["GM0855"], [2020, 2021, 2022, 2023])
    u = figure(registry, "Welke gemeenten hebben de hoogste NEET?", profile="GM0193")
    assert (u.frame.mode, u.frame.regions, u.mode) == ("ranking", [], "ranking")
    u = figure(registry, "Is de NEET in Zwolle hoger dan in Deventer?")
    assert (u.frame.mode, u.frame.target, u.frame.regions) == ("compare", "region",
                                                               ["GM0193", "GM0150"])
    u = figure(registry, "NEET in het samenwerkingsverband Zwolle")
    assert u.frame.regions == ["VO2305"]  # NEET goes with the VO partnership


def test_follow_up_carries_the_frame(registry):
    state = ConversationState(last_frame=Frame("jeugdzorg", "vso", "value", None, ["GM0855"],
                                               2021).to_dict(), last_label="figure")
    u = figure(registry, "En vergeleken met het samenwerkingsverband?", state)
    assert (u.frame.category, u.frame.year, u.frame.target) == ("vso", 2021, "swv")
    assert u.regions == ["GM0855", registry.get("GM0855").swv_vo]
    u = figure(registry, "en in Zwolle?", state)
    assert (u.frame.regions, u.frame.category, u.origins["regions"]) == (["GM0193"], "vso",
                                                                          "question")
    u = figure(registry, "En de trend?", state)
    assert (u.frame.mode, u.frame.year) == ("trend", None)


def test_own_words_need_a_profile(registry):
    u = figure(registry, "Hoe hoog is onze NEET?")
    assert u.intent == "clarify" and u.clarify_kind == "need_region"


@pytest.mark.parametrize("frame,expected", [
    (Frame("neet", None, "value", None, ["GM0193"]), ("value", ["GM0193"])),
    (Frame("neet", None, "compare", "land", ["GM0193"]), ("national", ["GM0193", "NL01"])),
    (Frame("jeugdzorg", "so", "compare", "swv", ["GM0193"]), ("swv", ["GM0193", "PO2305"])),
    (Frame("jeugdzorg", "pro", "compare", "swv", ["GM0193"]), ("swv", ["GM0193", "VO2305"])),
    (Frame("jeugdzorg", None, "compare", "swv_vo", ["GM0193"]), ("swv", ["GM0193", "VO2305"])),
    (Frame("neet_rr", None, "compare", "land", ["GM0193"]), ("breakdown", ["GM0193"])),
    (Frame("neet", None, "position", None, []), ("ranking", ["NL01"])),
])
def test_plan(registry, frame, expected):
    assert plan(frame, registry) == expected

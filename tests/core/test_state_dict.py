"""The hand-written ``to_dict`` of the conversation state and of a frame (issue 18: ``asdict``
was the dearest step of saving a turn) must give exactly what ``asdict`` gives, for every field,
including fields added later."""

from __future__ import annotations

from dataclasses import asdict, fields

from bot.core.state import ConversationState, InMemoryStateStore, PendingClarification
from bot.core.understanding.frame import Frame


def test_state_to_dict_is_asdict():
    state = ConversationState(
        profile_region="GM0193", language="en", last_intent="figure", last_indicator="neet",
        last_regions=["GM0193", "NL01"], last_category="totaal", last_year=2023,
        last_comparison="land", last_frame={"regions": ["GM0193"], "years": [2022]},
        last_label="figure", pending=PendingClarification("q", "ambiguous", ["a", "b"], "m"),
        last_evidence={"facts": [{"value": 1.5}], "slots": {"regions": "user"}}, turns=4)
    assert state.to_dict() == asdict(state)
    assert list(state.to_dict()) == [f.name for f in fields(ConversationState)]
    assert ConversationState().to_dict() == asdict(ConversationState())


def test_state_to_dict_copies_its_lists_and_dicts():
    state = ConversationState(last_regions=["GM0193"], last_frame={"a": 1})
    data = state.to_dict()
    data["last_regions"].append("NL01")
    data["last_frame"]["b"] = 2
    assert state.last_regions == ["GM0193"] and state.last_frame == {"a": 1}


def test_frame_to_dict_is_asdict():
    frame = Frame(indicator="neet", category="totaal", mode="trend", target="land",
                  regions=["GM0193"], year=2023, years=[2021, 2022], dimension="zorgtype")
    assert frame.to_dict() == asdict(frame)
    assert list(frame.to_dict()) == [f.name for f in fields(Frame)]


def test_the_memory_store_keeps_a_copy():
    store = InMemoryStateStore()
    state = {"core": {"last_regions": ["GM0193"]}}
    store.save("c", state)
    state["core"]["last_regions"].append("NL01")
    loaded = store.load("c")
    assert loaded == {"core": {"last_regions": ["GM0193"]}}
    loaded["core"]["last_regions"].clear()
    assert store.load("c") == {"core": {"last_regions": ["GM0193"]}}


def test_from_dict_keeps_what_fits_and_resets_what_does_not():
    """The one-``isinstance`` test of a union (``str | None``, ``int | None``, a pending
    clarification or None) accepts and refuses what the test per option did."""
    pending = {"question": "q", "slot": "ambiguous", "options": ["a"], "mention": "m"}
    kept = ConversationState.from_dict({
        "profile_region": None, "last_year": 2023, "last_intent": "figure", "pending": pending})
    assert (kept.profile_region, kept.last_year, kept.last_intent) == (None, 2023, "figure")
    assert kept.pending == PendingClarification("q", "ambiguous", ["a"], "m")
    reset = ConversationState.from_dict({
        "profile_region": 5, "last_year": True, "last_intent": ["x"], "pending": "q",
        "turns": False, "last_regions": ["GM0193", 3], "language": "en"})
    assert reset == ConversationState(language="en")

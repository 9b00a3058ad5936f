"""The assistant built with fakes through its constructor: the regioscan never traps, the own
outcome and the report are offered as documents, help names the web page's region picker,
and follow-up buttons do not repeat the answer."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.core.assistant import Assistant
from bot.core.messages import IncomingMessage
from bot.core.ports import PointsAnswer, ScanOutcome
from bot.core.state import InMemoryStateStore


@dataclass(frozen=True)
class Button:
    label: str
    value: str


@dataclass(frozen=True)
class Step:
    text: str
    buttons: tuple[Button, ...] = ()
    progress: None = None
    active: bool = True
    done: bool = False
    outcome: None = None


@dataclass
class FakeRegioscan:
    """A scan with one open statement; records what the assistant asked of it."""

    active: bool = True
    calls: list[tuple[str, str | None]] = field(default_factory=list)

    def owns_choice(self, choice: str | None) -> bool:
        return bool(choice) and str(choice).startswith("rs:")

    def has_active_scan(self, conversation_id: str) -> bool:
        return self.active

    def start(self, conversation_id, user_id, round_code=None, role=None, language="nl"):
        self.calls.append(("start", round_code))
        return Step("Stelling 1 van 16")

    def handle(self, conversation_id, user_id, text=None, choice=None, language=None):
        self.calls.append(("handle", text or choice))
        return Step("Stelling 2 van 16")

    def open_statement(self, conversation_id):
        return Step("Stelling 1 van 16: Er zijn goede afspraken.",
                    (Button("4 eens", "rs:1:q1=4"),)) if self.active else None

    def own_outcome(self, conversation_id, user_id, language, round_code=None):
        return ScanOutcome("own", "Uitkomst van je regioscan", {"overall_mean": 3.4}, "7")


class FakePoints:
    def points(self, region, language, question="", conversation_id=None):
        return PointsAnswer("1. Thuiszitters bespreken.")


@pytest.fixture
def make(core_services):
    def _make(regioscan=None, points=None):
        from bot.services import build_assistant

        figures = build_assistant(core_services).figures  # the real registry and engine
        return Assistant(figures, InMemoryStateStore(), regioscan=regioscan, points=points,
                         charts=False)
    return _make


def say(assistant, text, conv="c", channel="test", region=None, choice=None):
    return assistant.handle(IncomingMessage(channel, conv, "u", text, choice=choice,
                                            region=region))


def test_a_question_during_the_scan_is_answered_and_the_statement_repeated(make):
    scan = FakeRegioscan()
    assistant = make(regioscan=scan)
    reply = say(assistant, "Hoeveel jongeren in Zwolle zijn NEET?")
    assert reply.facts and reply.facts[0].region == "GM0193"
    assert any("Stelling 1 van 16" in n.text and "pauze" in n.text for n in reply.notices)
    assert [b.value for b in reply.buttons] == ["rs:1:q1=4"]
    assert scan.calls == []  # the aside changed nothing in the scan
    answered = say(assistant, "4")
    assert answered.intent == "regioscan" and scan.calls == [("handle", "4")]


def test_resume_result_and_round_code(make):
    scan = FakeRegioscan(active=False)
    assistant = make(regioscan=scan)
    say(assistant, "ga verder met de regioscan")
    assert scan.calls[-1] == ("handle", "verder")
    result = say(assistant, "Wat was de uitkomst van mijn regioscan?")
    assert result.scan_result == {"kind": "own", "ref": "7", "overall_mean": 3.4,
                                  "text": "Uitkomst van je regioscan"}
    assert result.text == "" and result.full_text() == "Uitkomst van je regioscan"
    assert [d.kind for d in result.documents] == ["scan_result"]
    say(assistant, "4C8A4CKD school")
    assert scan.calls[-1] == ("start", "4C8A4CKD")


def test_report_and_points_carry_the_document_offer(make):
    assistant = make(points=FakePoints())
    report = say(assistant, "Kan ik het voorbereidingsdocument downloaden?", region="GM0193")
    assert report.intent == "oogo" and report.documents[0].kind == "report"
    assert report.documents[0].region == "GM0193" and "Zwolle" in report.text
    pdf = say(assistant, "maak het rapport als pdf", conv="pdf", region="GM0193")
    assert pdf.documents[0].formats == ["pdf"]
    points = say(assistant, "Wat moeten wij bij het volgende OOGO op tafel leggen?",
                 conv="p", region="GM0193")
    assert "Thuiszitters" in points.text and points.documents[0].kind == "report"


def test_help_names_the_region_picker_on_the_web(make):
    assistant = make()
    web = say(assistant, "wat kan ik allemaal aan je vragen?", channel="web")
    assert "regiokeuze" in web.text and "/regio" not in web.text
    console = say(assistant, "wat kan ik allemaal aan je vragen?", conv="c2", channel="console")
    assert "/regio Zwolle" in console.text
    need = say(assistant, "Hoe hoog is onze NEET?", conv="c3", channel="web")
    assert need.intent == "clarify" and "regiokeuze" in need.text


def test_followups_do_not_repeat_the_answer(make):
    assistant = make()
    value = say(assistant, "Hoe hoog is de NEET in Zwolle?")
    assert "NL01" in [f.region for f in value.facts]
    assert "En landelijk?" not in value.followups
    swv = say(assistant, "vergelijk met het samenwerkingsverband")
    assert "En vergeleken met het samenwerkingsverband?" not in swv.followups
    assert "En landelijk?" in swv.followups


def test_unsure_reading_gets_two_buttons_and_the_pick_answers(make, monkeypatch):
    from bot.core.understanding import parse

    assistant = make()

    class Unsure:
        vocabulary: frozenset[str] = frozenset()

        def predict(self, clean, flags, head="intent"):
            from bot.core.understanding.intent_model import Prediction

            if head == "lang":
                return Prediction((("nl", 1.0),))
            return Prediction((("figure", 0.3), ("knowledge", 0.28), ("help", 0.22), ("why", 0.2)))

    monkeypatch.setattr(parse, "_model", lambda model: Unsure())
    asked = say(assistant, "jeugdzorg Zwolle", conv="unsure")
    assert asked.intent == "clarify" and [b.value for b in asked.buttons] == [
        "intent:figure", "intent:knowledge"]
    answered = say(assistant, "", conv="unsure", choice="intent:figure")
    assert answered.facts and answered.facts[0].region == "GM0193"


class CountingStore(InMemoryStateStore):
    """A state store that counts its reads and writes."""

    def __init__(self) -> None:
        super().__init__()
        self.loads = 0
        self.saves = 0

    def load(self, conversation_id):
        self.loads += 1
        return super().load(conversation_id)

    def save(self, conversation_id, state):
        self.saves += 1
        super().save(conversation_id, state)


def test_one_state_read_and_one_write_per_turn_and_other_keys_survive(core_services):
    """Issue 18: a turn reads its conversation's state once and writes it once; keys in that row
    that are not the core's are written back as they were, and the reply carries the profile
    region so a channel need not read the state again."""
    from bot.services import build_assistant

    store = CountingStore()
    store.save("c", {"extra": {"kept": True}})
    store.saves = 0
    assistant = Assistant(build_assistant(core_services).figures, store, charts=False)
    reply = say(assistant, "Hoe hoog is de NEET in Zwolle?", region="GM0193")
    assert (store.loads, store.saves) == (1, 1)
    assert reply.profile_region == "GM0193"
    follow = say(assistant, "en in Deventer?")
    assert (store.loads, store.saves) == (2, 2)
    assert follow.facts and follow.facts[0].region == "GM0150"
    assert store.load("c")["extra"] == {"kept": True}

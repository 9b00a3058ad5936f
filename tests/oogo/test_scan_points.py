"""The regioscan enters the points and the report: a closed round of the region (3 roles x 10
respondents, enough for the anonymity rules) with exactly its published figures, and the asker's
own scan once it is completed (submitted) in a conversation, as the chat stores it."""

from __future__ import annotations

import pytest

from tests.oogo.conftest import MID_SIZE, SMALL_RURAL

ROLES = ("gemeente", "onderwijs", "jeugdhulp")


LOW, MIDDLE, HIGH = (1, 2, 1, 2, 3), (2, 3, 4, 2, 3), (3, 4, 5, 4, 5)  # means 1.8, 2.8, 4.2


def _answer(role: str, question_id: str, theme_index: int, person: int) -> int:
    """Theme 1 is weak for everybody; on theme 2 the roles disagree; the rest is fine. Answers
    vary within each role, as the anonymity rules require before a figure is shown."""
    if theme_index == 0:
        pattern = LOW
    elif theme_index == 1:
        pattern = {"gemeente": HIGH, "onderwijs": LOW, "jeugdhulp": MIDDLE}[role]
    else:
        pattern = HIGH
    return pattern[person % 5]


def _fill(service, definition, code: str | None, role: str, user: str, person: int) -> None:
    theme_of = {q.id: i for i, t in enumerate(definition.themes) for q in t.questions}
    step = service.start(f"conv-{user}", user, round_code=code, role=role)
    for _ in range(definition.total + 2):
        if step.kind != "question":
            break
        qid = step.buttons[0].value.split(":")[2].split("=")[0]
        wanted = f"={_answer(role, qid, theme_of[qid], person)}"
        choice = next(b.value for b in step.buttons if b.value.endswith(wanted))
        step = service.handle(f"conv-{user}", user, choice=choice)
    confirm = next(b.value for b in step.buttons if b.value.endswith(":confirm"))
    service.handle(f"conv-{user}", user, choice=confirm)


@pytest.fixture(scope="module")
def scanned(services):
    service, definition = services.regioscan, services.scan_definition
    _, code, token = service.create_round(MID_SIZE, "OOGO-test")
    for role in ROLES:
        for i in range(10):
            _fill(service, definition, code, role, f"{role}-{i}", i)
    service.close_round(code, token)
    return service.round_result(code)


def test_scan_points_appear_with_the_round_numbers(services, scanned) -> None:
    from bot.oogo.points import generate_points

    assert scanned.respondents == 30
    result = generate_points(services, MID_SIZE, max_points=10)
    assert result.has_scan and result.scan_sources == ["round"] and not result.scan_note
    scan_points = [p for p in result.points if p.topic.startswith("scan")]
    for point in scan_points:
        assert point.kind == "scan" and point.passages  # the regioscan passage is quoted
        for item in point.evidence:
            assert item.detail["scan"] == "round" and item.detail["significant"] is None
    kinds = {e.detail["item_kind"] for p in scan_points for e in p.evidence}
    assert {"theme", "statement", "disagreement"} <= kinds

    weakest_theme = min((t for t in scanned.themes if t.mean is not None), key=lambda t: t.mean)
    statements = {s.id: s for s in scanned.statements}
    for point in scan_points:
        (item,) = point.evidence
        detail = item.detail
        if detail["item_kind"] == "theme":
            assert detail["item"] == weakest_theme.id
            assert detail["mean"] == pytest.approx(weakest_theme.mean, abs=0.005)
            assert detail["count"] == weakest_theme.count
        elif detail["item_kind"] == "statement":
            statement = statements[detail["item"]]
            assert detail["item"] == "o1"  # 24 of 30 (helemaal) oneens, first of the ties
            assert detail["disagree"] == round(statement.share(1, 2) * 30) == 24
            assert detail["count"] == statement.count == 30
        else:
            top = scanned.disagreements[0]
            assert detail["item"] == top.theme_id
            assert detail["gap"] == pytest.approx(top.gap, abs=0.01) == 2.4
            assert sorted(detail["role_means"].values()) == pytest.approx(
                sorted(top.role_means.values()), abs=0.005)


def test_report_shows_the_round(services, scanned) -> None:
    from bot.oogo.report import build_report
    from bot.oogo.report_render import render_html

    report = build_report(services, MID_SIZE, with_charts=False)
    assert report.scan is not None and report.scan.count == 30
    html = render_html(report)
    assert "nog geen afgeronde regioscan" not in html and "regioscan-ronde van de regio" in html
    for theme in scanned.themes:
        assert theme.name in html
    from tests.oogo.test_report import assert_numbers_in_data

    assert_numbers_in_data(services, report)


def test_an_unfinished_own_scan_does_not_count(services) -> None:
    from bot.oogo.own_scan import own_scan_of

    service = services.regioscan
    service.start("conv-half", "half")  # started, nothing submitted
    assert own_scan_of(services, "conv-half") is None


@pytest.fixture(scope="module")
def own_outcome(services):
    """A personal scan completed in a conversation: theme 1 low (1-2), the others high."""
    from bot.oogo.own_scan import own_scan_of

    service, definition = services.regioscan, services.scan_definition
    assert own_scan_of(services, "conv-own-user") is None
    _fill(service, definition, None, "gemeente", "own-user", 0)
    outcome = own_scan_of(services, "conv-own-user")
    assert outcome is not None
    return outcome


def test_own_scan_enters_the_points_after_completion(services, own_outcome) -> None:
    from bot.oogo.points import generate_points
    from bot.oogo.render import render_points

    without = generate_points(services, SMALL_RURAL)
    assert not without.has_scan and "nog geen afgeronde regioscan" in render_points(without)
    for own in (own_outcome, own_outcome.to_dict(), {"kind": "own", **own_outcome.to_dict()}):
        result = generate_points(services, SMALL_RURAL, own_scan=own)
        assert result.has_scan and result.scan_sources == ["own"] and not result.scan_note
        (point,) = [p for p in result.points if p.topic.startswith("scan:own")]
        weakest = min((t for t in own_outcome.themes if t.mean is not None),
                      key=lambda t: t.mean)
        assert weakest.name in point.title
        assert point.evidence[0].detail["mean"] == pytest.approx(weakest.mean)
        assert "nog geen afgeronde regioscan" not in render_points(result)
    round_result = {"kind": "round", **own_outcome.to_dict()}  # a round never enters as own
    assert not generate_points(services, SMALL_RURAL, own_scan=round_result).has_scan


def test_own_scan_enters_the_report(services, own_outcome) -> None:
    from bot.oogo.report import build_report
    from bot.oogo.report_render import render_html, render_markdown
    from tests.oogo.test_report import assert_numbers_in_data

    report = build_report(services, SMALL_RURAL, with_charts=False, own_scan=own_outcome)
    assert report.own_scan is not None and not report.scan_note
    html = render_html(report)
    assert 'id="eigen-regioscan"' in html and "nog geen afgeronde regioscan" not in html
    for theme in own_outcome.themes:
        assert theme.name in html
    assert "Je eigen regioscan" in render_markdown(report)
    assert_numbers_in_data(services, report)


def test_the_chat_points_use_the_scan_this_conversation_completed(services, own_outcome) -> None:
    """Through the assistant as a channel calls it: the conversation that completed the scan
    gets a point from it; another conversation of the same region does not."""
    from bot.core.messages import IncomingMessage

    weakest = min((t for t in own_outcome.themes if t.mean is not None), key=lambda t: t.mean)

    def ask(conversation: str):
        message = IncomingMessage(channel="cli", conversation_id=conversation, user_id="u",
                                  text="Welke punten moeten we agenderen voor het OOGO?",
                                  region=SMALL_RURAL)
        return services.assistant.handle(message)

    own = ask("conv-own-user")
    assert own.intent == "oogo" and weakest.name in own.text
    assert "nog geen afgeronde regioscan" not in own.full_text()
    other = ask("conv-someone-else")
    assert other.intent == "oogo" and weakest.name not in other.text


def test_the_downloads_use_the_scan_of_the_callers_conversation(services, own_outcome) -> None:
    from bot.channels.api.reports import render_report
    from bot.channels.telegram.documents import build_report_pdf

    weakest = min((t for t in own_outcome.themes if t.mean is not None), key=lambda t: t.mean)
    with_scan = render_report(services, SMALL_RURAL, "md", "conv-own-user").decode()
    assert "Je eigen regioscan" in with_scan and weakest.name in with_scan
    without = render_report(services, SMALL_RURAL, "md", "conv-nobody").decode()
    assert "Je eigen regioscan" not in without and "nog geen afgeronde regioscan" in without
    name, pdf = build_report_pdf(services, SMALL_RURAL, "conv-own-user")
    assert name == "Aa en Hunze" and pdf.startswith(b"%PDF")


def test_a_round_too_small_to_show_is_not_called_absent(services) -> None:
    """A closed round with fewer respondents than the anonymity rules need cannot be used; the
    note must still be true then (it said "geen gesloten ronde"), without telling an outsider
    whether such a round exists."""
    from bot.oogo.points import generate_points

    region = "GM0088"  # Schiermonnikoog: no other test opens a round there
    before = generate_points(services, region, max_points=10).scan_note
    service, definition = services.regioscan, services.scan_definition
    _, code, token = service.create_round(region, "te klein")
    for i in range(3):
        _fill(service, definition, code, "gemeente", f"klein-{i}", i)
    service.close_round(code, token)
    result = generate_points(services, region, max_points=10)
    assert not result.has_scan and result.scan_note == before  # nothing about the round leaks
    assert "met genoeg deelnemers" in result.scan_note


class _Rounds:
    """A regioscan as the points read it (``scan_signals.RegionRounds``): one fixed round for
    every region, or a store that fails."""

    def __init__(self, definition, result=None, fail: bool = False) -> None:
        self.definition, self._result, self._fail, self.asked = definition, result, fail, []

    def region_result(self, region: str):
        self.asked.append(region)
        if self._fail:
            raise ConnectionError("database down")
        return self._result


def test_the_round_comes_through_the_rounds_port(services, scanned) -> None:
    """The points and the report read the round from the ``rounds`` they are given (a fake
    goes in as an argument), and a failing store means no scan points, not a failure."""
    from bot.oogo.points import generate_points
    from bot.oogo.report import build_report
    from bot.oogo.scan_signals import no_scan_note

    fake = _Rounds(services.scan_definition, scanned)
    result = generate_points(services, SMALL_RURAL, max_points=10, rounds=fake)
    assert fake.asked == [SMALL_RURAL] and result.scan_sources == ["round"]
    statement = next(e for p in result.points for e in p.evidence
                 if e.detail.get("item_kind") == "statement")
    assert statement.detail["item"] == "o1"
    broken = _Rounds(services.scan_definition, fail=True)
    result = generate_points(services, SMALL_RURAL, rounds=broken, language="en")
    assert not result.has_scan and result.scan_note == no_scan_note("en")
    report = build_report(services, SMALL_RURAL, with_charts=False, rounds=fake)
    assert report.scan is not None and report.scan.count == 30

"""With a closed regioscan round (3 roles x 10 respondents, enough for the anonymity rules) the
scan-based points appear, and their numbers are exactly the round's published figures."""

from __future__ import annotations

import pytest

from tests.oogo.conftest import MID_SIZE

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


def _fill(service, definition, code: str, role: str, user: str, person: int) -> None:
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
    assert result.has_scan and not result.notes
    scan_points = [p for p in result.points if p.topic.startswith("scan")]
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
    assert "nog geen regioscan-ronde" not in html
    for theme in scanned.themes:
        assert theme.name in html
    from tests.oogo.test_report import assert_numbers_in_data

    assert_numbers_in_data(services, report)

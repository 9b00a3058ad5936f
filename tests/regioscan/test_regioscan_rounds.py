"""Rounds: aggregation (3 roles x 3 respondents), anonymity, privacy and bad input."""

from __future__ import annotations

import json
import statistics

import pytest

from bot.regioscan import rounds
from bot.regioscan.export import round_result_json, round_result_markdown
from bot.regioscan.rounds import aggregate


def _all(definition, value, **overrides):
    answers = {q.id: value for q in definition.questions}
    answers.update(overrides)
    return answers


def _nine(definition):
    """gemeente answers 2/3/4, swv 4/4/5, jeugdhulp 1/2/3 everywhere; on s3 (statement 11)
    gemeente says 1 and swv 5, so that is where the roles disagree most."""
    return (
        [("gemeente", _all(definition, v, s3=1)) for v in (2, 3, 4)]
        + [("swv", _all(definition, v, s3=5)) for v in (4, 4, 5)]
        + [("jeugdhulp", _all(definition, v)) for v in (1, 2, 3)]
    )


def _result(definition, responses):
    return aggregate(definition, responses, code="ABCD2345", region="GM0363", title="t",
                     status="open")


def test_three_roles_of_three_give_the_right_aggregates(definition):
    result = _result(definition, _nine(definition))
    assert result.respondents == 9
    assert result.roles_shown == ["gemeente", "swv", "jeugdhulp"] and result.roles_hidden == []
    theme = result.themes[0]  # onderwijs en jeugdhulp: not touched by the s3 override
    assert theme.by_role["gemeente"].mean == pytest.approx(3.0)
    assert theme.by_role["gemeente"].sd == pytest.approx(1.0)
    assert theme.by_role["gemeente"].n == 3
    assert theme.by_role["swv"].mean == pytest.approx(13 / 3, abs=1e-4)
    assert theme.by_role["swv"].sd == pytest.approx(0.57735, abs=1e-4)
    assert theme.by_role["jeugdhulp"].mean == pytest.approx(2.0)
    assert theme.overall.mean == pytest.approx(28 / 9, abs=1e-4)
    assert theme.overall.sd == pytest.approx(statistics.stdev([2, 3, 4, 4, 4, 5, 1, 2, 3]),
                                             abs=1e-4)
    assert theme.overall.n == 9
    # samenwerking: s3 changed, gemeente respondent with 2 -> (2+2+1+2)/4 = 1.75, etc.
    samenwerking = result.themes[2]
    assert samenwerking.by_role["gemeente"].mean == pytest.approx((1.75 + 2.5 + 3.25) / 3)
    top = result.disagreements[0]
    assert (top.question_id, top.number) == ("s3", 11)
    assert top.gap == pytest.approx(4.0)
    assert top.role_means == {"gemeente": 1.0, "swv": 5.0, "jeugdhulp": 2.0}
    rest = result.disagreements[1:]
    assert all(d.gap == pytest.approx(13 / 3 - 2, abs=1e-4) for d in rest)
    assert [d.number for d in rest] == [1, 2, 3, 4]  # ties in statement order, top 5 in all


def test_roles_below_three_are_hidden_but_count_overall(definition):
    responses = _nine(definition) + [("anders", _all(definition, 5)), ("anders",
                                                                       _all(definition, 5))]
    result = _result(definition, responses)
    assert result.roles_hidden == ["anders"]
    assert "anders" not in result.themes[0].by_role
    assert result.themes[0].overall.n == 11
    assert all("anders" not in d.role_means for d in result.disagreements)
    markdown = round_result_markdown(result)
    assert "te weinig respondenten om te tonen" in markdown and "anders" in markdown


def test_theme_hidden_for_a_role_with_fewer_than_three_scores(definition):
    effecten = {q.id: None for q in definition.theme("effecten").questions}
    responses = _nine(definition) + [
        ("onderwijs", _all(definition, 4)), ("onderwijs", _all(definition, 4)),
        ("onderwijs", _all(definition, 4, **effecten)),
    ]
    result = _result(definition, responses)
    assert "onderwijs" in result.roles_shown
    assert result.themes[0].by_role["onderwijs"].n == 3
    hidden = result.themes[3].by_role["onderwijs"]
    assert hidden.hidden and hidden.mean is None and hidden.n is None


def test_fewer_than_three_respondents_shows_no_figures(definition):
    result = _result(definition, [("gemeente", _all(definition, 4)),
                                  ("swv", _all(definition, 2))])
    assert result.respondents is None
    assert all(t.overall.hidden and t.overall.mean is None for t in result.themes)
    assert result.disagreements == [] and result.statements == []
    assert "te weinig respondenten om te tonen" in round_result_markdown(result)


def _fill(service, code, user, role, value):
    step = service.start(f"conv-{user}", user, round_code=code, role=role)
    while step.active:
        step = service.handle(f"conv-{user}", user,
                              text="bevestig" if step.kind == "summary" else value)
    assert step.done
    return step


def test_round_through_the_service(service, definition):
    record, code, token = service.create_round("gm0363", "OOGO 2027")
    assert len(code) == 8 and set(code) <= set(rounds.INVITE_ALPHABET)
    assert record.admin_token_hash != token and len(token) >= 32
    for role, values in (("gemeente", "234"), ("samenwerkingsverband", "445"),
                         ("jeugdhulp", "123")):
        for i, value in enumerate(values):
            _fill(service, code, f"{role}-{i}", role, value)
    result = service.round_result(code)
    expected = _result(definition, [
        (role, _all(definition, int(v))) for role, vs in
        (("gemeente", "234"), ("swv", "445"), ("jeugdhulp", "123")) for v in vs])
    assert [t.overall for t in result.themes] == [t.overall for t in expected.themes]
    assert [t.by_role for t in result.themes] == [t.by_role for t in expected.themes]
    assert service.round_result("GM0363").code == code  # by region, for the OOGO points
    status = service.round_status(code, token)
    assert (status.joined, status.submitted) == (9, 9)
    # privacy: own answers only; the result holds no identities
    mine = service.my_answers("gemeente-0", code)
    assert {a.value for a in mine.values()} == {2}
    assert service.my_answers("someone-else", code) == {}
    exported = round_result_json(result)
    assert "gemeente-0" not in exported and json.loads(exported)["respondents"] == 9


def test_changing_answers_until_the_round_closes(service):
    _, code, token = service.create_round("PO2707")
    _fill(service, code, "anna", "swv", "4")
    again = service.start("conv-anna", "anna", round_code=code)
    assert "al ingestuurd" in again.text and again.kind == "summary"
    step = service.handle("conv-anna", "anna", text="wijzig 1")
    step = service.handle("conv-anna", "anna", text="2")
    assert step.kind == "summary"
    assert service.my_answers("anna", code)["o1"].value == 2
    service.close_round(code, token)
    before = service.my_answers("anna", code)
    step = service.handle("conv-anna", "anna", text="wijzig 2")
    assert "gesloten" in step.text
    assert service.my_answers("anna", code) == before


def test_bad_round_input_gets_dutch_messages_and_changes_nothing(service):
    _, code, token = service.create_round("VO2708", "Ronde")
    service.join_round(code, "bram", "jeugdhulp")
    counts = service.round_status(code, token).per_role
    cases = [
        (lambda: service.join_round("ZZZZ9999", "x", "jeugdhulp"), "Ik ken geen ronde"),
        (lambda: service.join_round(code, "bram", "gemeente"), "al mee aan ronde"),
        (lambda: service.join_round(code, "carla", "piraat"), "geen rol die ik ken"),
        (lambda: service.round_status(code, "verkeerd"), "beheertoken klopt niet"),
        (lambda: service.close_round(code, None), "beheertoken klopt niet"),
        (lambda: service.create_round("GM9999"), "ken ik niet"),
        (lambda: service.create_round("Amsterdam"), "ken ik niet"),
        (lambda: service.start("c", "dirk", round_code="QQQQ2222", role="swv"),
         "Ik ken geen ronde"),
    ]
    for call, text in cases:
        with pytest.raises(rounds.RoundError) as info:
            call()
        assert text in info.value.message
    assert service.round_status(code, token).per_role == counts
    service.close_round(code, token)
    with pytest.raises(rounds.RoundClosed):
        service.join_round(code, "eva", "gemeente")
    with pytest.raises(rounds.RoundClosed):
        service.close_round(code, token)
    assert service.round_status(code, token).per_role == counts
    step = service.start("c-role", "fenna", round_code=None)
    assert step.kind == "question"


def test_join_without_role_asks_for_it(service):
    _, code, _ = service.create_round("GM0363")
    step = service.start("c1", "gijs", round_code=code)
    assert step.kind == "role" and len(step.buttons) == 5
    step = service.handle("c1", "gijs", choice=step.buttons[3].value)  # jeugdhulp
    assert "Vraag 1 van 16" in step.text
    assert service.has_active_scan("c1")

"""Rounds: what a closed round publishes under the anonymity rules, privacy and bad input.

The rules (``bot.regioscan.disclosure``): a group needs 5 respondents, a figure 10 answers of
which 5 differ from the most common one; statements are published as answer groups (no cell
under 5), roles under 5 are never named. The attacks themselves are in tests/hardening.
"""

from __future__ import annotations

import json

import pytest

from bot.regioscan import rounds
from bot.regioscan.export import round_result_json, round_result_markdown
from bot.regioscan.round_result import aggregate


def _all(definition, value, **overrides):
    answers = {q.id: value for q in definition.questions}
    answers.update(overrides)
    return answers


def _twenty(definition):
    """gemeente answers 1..5 twice (mean 3.0), onderwijs 3,4,5,4,5 twice (mean 4.2)."""
    return ([("gemeente", _all(definition, v)) for v in (1, 2, 3, 4, 5) * 2]
            + [("onderwijs", _all(definition, v)) for v in (3, 4, 5, 4, 5) * 2])


def _result(definition, responses):
    return aggregate(definition, responses, region="GM0363", title="t", status="closed")


def test_two_roles_of_ten_give_theme_means_per_role_and_statement_groups(definition):
    result = _result(definition, _twenty(definition))
    assert result.respondents == 20
    assert result.roles_shown == ["gemeente", "onderwijs"]
    assert result.role_counts == {"gemeente": 10, "onderwijs": 10}
    theme = result.themes[0]
    assert (theme.overall.mean, theme.overall.n) == (3.6, 20)
    assert theme.by_role["gemeente"].mean == 3.0 and theme.by_role["onderwijs"].mean == 4.2
    top = result.disagreements[0]
    assert (top.theme_id, top.gap) == (theme.theme_id, 1.2)
    assert top.role_means == {"gemeente": 3.0, "onderwijs": 4.2}
    statement = result.statements[0]
    # oneens 4 and neutraal 4 are too small alone: merged; eens 12
    assert [(g.label, g.answers, g.count) for g in statement.groups] == [
        ("oneens of neutraal", (1, 2, 3), 8), ("eens", (4, 5), 12)]
    assert statement.count == 20 and not hasattr(statement, "mean")
    assert "code" not in result.to_dict() and "roles_hidden" not in result.to_dict()


def test_a_small_role_is_never_named_and_the_rest_stays_large(definition):
    responses = _twenty(definition) + [("jeugdhulp", _all(definition, 5))] * 2
    result = _result(definition, responses)
    # jeugdhulp (2) alone would be "everyone minus the shown roles": onderwijs joins the rest
    assert result.roles_shown == ["gemeente"] and result.role_counts == {"gemeente": 10}
    assert set(result.themes[0].by_role) == {"gemeente"}
    data = json.loads(round_result_json(result))
    named = set(data["role_counts"]) | set(data["chart"]["series"]) | {
        role for t in data["themes"] for role in t["by_role"]}
    assert named == {"gemeente", "gemeente (beleid)", "alle respondenten"}
    assert "Respondenten per rol: gemeente (beleid) 10." in round_result_markdown(result)


def test_role_figures_disappear_when_one_role_cannot_be_shown(definition):
    responses = ([("gemeente", _all(definition, v)) for v in (1, 2, 3, 4, 5) * 2]
                 + [("onderwijs", _all(definition, 4))] * 5)
    result = _result(definition, responses)
    assert result.roles_shown == ["gemeente", "onderwijs"]
    assert result.themes[0].overall.mean is not None  # 15 answers, 8 differ from the 4s
    assert all(t.by_role == {} for t in result.themes) and result.disagreements == []


def test_unanimous_or_small_groups_show_no_figures(definition):
    same = _result(definition, [("gemeente", _all(definition, 3))] * 12)
    assert same.respondents == 12  # the count is shown, no figure is
    assert all(t.overall.hidden for t in same.themes)
    assert all(s.hidden and s.groups == [] for s in same.statements)
    nine = _result(definition, [("gemeente", _all(definition, v)) for v in range(1, 6)] * 2)
    assert nine.themes[0].overall.mean == 3.0
    few = _result(definition, [("gemeente", _all(definition, 4)), ("swv", _all(definition, 2))])
    assert few.respondents is None and few.statements == [] and few.disagreements == []
    assert all(t.overall.hidden for t in few.themes)
    assert "te weinig respondenten om te tonen" in round_result_markdown(few)


def test_a_theme_without_a_score_for_a_few_people_is_hidden(definition):
    effecten = {q.id: None for q in definition.theme("effecten").questions}
    responses = _twenty(definition)
    responses[0] = ("gemeente", _all(definition, 1, **effecten))
    result = _result(definition, responses)
    hidden = next(t for t in result.themes if t.theme_id == "effecten")
    assert hidden.overall.hidden  # 19 scores of 20 people: the one 'weet ik niet' would show
    assert not result.themes[0].overall.hidden


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
    for role, values in (("gemeente", "1234512345"), ("school", "3454534545")):
        for i, value in enumerate(values):
            _fill(service, code, f"{role}-{i}", role, value)
    with pytest.raises(rounds.RoundStillOpen):  # no result while open: counts only
        service.round_result(code)
    status = service.round_status(code, token)
    assert (status.joined, status.submitted) == (20, 20)
    assert service.region_result("GM0363") is None  # no closed round yet
    service.close_round(code, token)
    result = service.round_result(code)
    expected = _result(definition, [
        (role, _all(definition, int(v))) for role, vs in
        (("gemeente", "1234512345"), ("onderwijs", "3454534545")) for v in vs])
    assert [t.overall for t in result.themes] == [t.overall for t in expected.themes]
    assert [t.by_role for t in result.themes] == [t.by_role for t in expected.themes]
    assert service.region_result("GM0363") == result  # for the OOGO points, in-process only
    for region_code in ("GM0363", "gm0363", "PO2707"):
        with pytest.raises(rounds.UnknownRound):
            service.round_result(region_code)
    # privacy: own answers only; the result holds no identities and no code
    mine = service.my_answers("gemeente-0", code)
    assert {a.value for a in mine.values()} == {1}
    assert service.my_answers("someone-else", code) == {}
    exported = round_result_json(result) + round_result_markdown(result)
    assert "gemeente-0" not in exported and code not in exported
    assert json.loads(round_result_json(result))["respondents"] == 20


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
    # in the conversation a round rule is an answer, not an exception (no traceback logged)
    for code_, role_, text in (("QQQQ2222", "swv", "Ik ken geen ronde"),
                               (code, "swv", "is gesloten")):
        step = service.start("c-x", "dirk", round_code=code_, role=role_)
        assert step.kind == "error" and text in step.text and not step.active


def test_join_without_role_asks_for_it(service):
    _, code, _ = service.create_round("GM0363")
    step = service.start("c1", "gijs", round_code=code)
    assert step.kind == "role" and len(step.buttons) == 5
    step = service.handle("c1", "gijs", choice=step.buttons[3].value)  # jeugdhulp
    assert "Vraag 1 van 16" in step.text
    assert service.has_active_scan("c1")

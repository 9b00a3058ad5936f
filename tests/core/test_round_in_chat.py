"""Joining a regional round from the conversation: the invitation code (and role) typed alone or
with the request to start the scan puts the answers in that round, not in a personal scan."""

from __future__ import annotations

import pytest

from bot.core.understanding.reading import invitation_code


@pytest.mark.parametrize(("text", "code"), [
    ("ik wil de regioscan invullen", None),
    ("regioscan met code K7QX3MPA als jeugdhulp", "K7QX3MPA"),
    ("Regioscan invullen, code: hjk23mna", "HJK23MNA"),
    ("4C8A4CKD school", "4C8A4CKD"),
    ("regioscan met code HJKMNPQR", "HJKMNPQR"),  # a code without a digit, named as a code
    ("hoe maak ik een ronde aanmaken", None),
    # a word in capitals with letters outside the code alphabet is no code
    ("REGIOSCAN INVULLEN", None),
    ("Hoe hoog is de NEET in Zwolle?", None),
])
def test_invitation_code_is_read_from_the_message(text, code) -> None:
    assert invitation_code(text) == code


def test_scan_started_with_a_code_joins_the_round(core_services, ask) -> None:
    service = core_services.regioscan
    _round, code, _token = service.create_round("GM0193", "Test Zwolle")
    reply = ask(f"Ik wil de regioscan invullen met code {code} als jeugdhulp", conv="round-chat")
    assert reply.intent == "regioscan"
    assert reply.progress is not None and reply.progress.current == 1
    answered = ask("4", conv="round-chat")
    assert answered.progress is not None and answered.progress.current == 2
    mine = service.my_answers("tester", code)
    assert mine, "the answer belongs to the round"


def test_code_typed_alone_with_a_role_joins_the_round(core_services, ask) -> None:
    service = core_services.regioscan
    _round, code, _token = service.create_round("GM0193", "Test Zwolle 2")
    reply = ask(f"{code} school", conv="round-code-alone")
    assert reply.intent == "regioscan" and reply.debug["label"] == "round_join"
    assert reply.progress is not None and reply.progress.current == 1
    without_role = ask(code, conv="round-code-no-role")
    assert without_role.intent == "regioscan" and without_role.buttons  # which role?


def test_unknown_code_gets_a_clear_message(ask) -> None:
    reply = ask("regioscan met code ZZZZ2222", conv="round-unknown")
    assert reply.intent == "regioscan"
    assert "ZZZZ2222" in reply.text or "code" in reply.text.lower()
    assert "Traceback" not in reply.text


def test_own_outcome_is_shown_again_after_submitting(ask) -> None:
    conv = "outcome-again"
    ask("ik wil de regioscan invullen", conv=conv)
    for _ in range(16):
        ask("4", conv=conv)
    submitted = ask("bevestig", conv=conv)
    assert submitted.intent == "regioscan"
    # the outcome is said once: as data for the web page, as text in the plain rendering
    assert submitted.scan_result is not None
    assert "ingestuurd" in submitted.text and "Uitkomst van je regioscan" not in submitted.text
    assert submitted.full_text().count("Uitkomst van je regioscan") == 1
    again = ask("mijn uitslag", conv=conv)
    assert again.scan_result is not None and again.scan_result["kind"] == "own"
    assert again.scan_result["answered"] == 16
    assert [d.kind for d in again.documents] == ["scan_result"]
    assert "Uitkomst van je regioscan" not in again.text
    assert again.full_text().count("Uitkomst van je regioscan") == 1


def test_a_respondent_sees_the_round_result_again(core_services, ask) -> None:
    """The regioscan port hands a round's result back with the invitation code as its reference
    (the web channel's download link): RoundResult itself carries no code."""
    from bot.services import _Regioscan

    _round, code, token = core_services.regioscan.create_round("GM0193", "Test Zwolle 3")
    ask(f"Ik wil de regioscan invullen met code {code} als jeugdhulp", conv="round-again")
    ask("4", conv="round-again")
    core_services.regioscan.close_round(code, token)
    outcome = _Regioscan(core_services).own_outcome("round-again", "tester", "nl", round_code=code)
    assert outcome is not None and outcome.kind == "round" and outcome.ref == code
    assert "code" not in outcome.data


def test_a_respondent_sees_no_result_while_the_round_is_open(core_services, ask) -> None:
    """Found in an attack: the chat showed a respondent the live result of an open round, so
    two readings around one more submission gave away that person's answers. The result comes
    only after closing, on every path (the API already refused)."""
    _round, code, token = core_services.regioscan.create_round("GM0193", "Test Zwolle open")
    conv = "round-open-result"
    ask(f"Ik wil de regioscan invullen met code {code} als school", conv=conv)
    for _ in range(16):
        ask("4", conv=conv)
    ask("bevestig", conv=conv)
    reply = ask(f"toon de uitslag van ronde {code}", conv=conv)
    assert reply.scan_result is None and not reply.documents
    assert reply.text.startswith("Deze ronde loopt nog")
    english = ask(f"show the results of round {code}", conv=conv)
    assert english.scan_result is None and english.text.startswith("This round is still running")
    core_services.regioscan.close_round(code, token)
    closed = ask(f"toon de uitslag van ronde {code}", conv=conv)
    assert closed.scan_result is not None and closed.scan_result["kind"] == "round"


def test_a_round_error_is_said_in_english_to_an_english_user(ask) -> None:
    """An English user used to get the Dutch sentence, or (for a result) "the regioscan is not
    available", which is not what went wrong."""
    reply = ask("show the results of round ZZZZ2222", conv="round-unknown-en")
    assert reply.text.startswith("I don't know a round with the code 'ZZZZ2222'")

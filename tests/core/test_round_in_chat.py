"""Joining a regional round from the conversation: the invitation code (and role) typed with
the request to start the scan puts the answers in that round, not in a personal scan."""

from __future__ import annotations

from bot.core.routing import _invitation


def test_invitation_is_read_from_the_start_request() -> None:
    assert _invitation("ik wil de regioscan invullen") == {}
    assert _invitation("regioscan met code K7QX3MPA als jeugdhulp") == {
        "round_code": "K7QX3MPA", "role": "jeugdhulp"}
    assert _invitation("Regioscan invullen, code: hjk23mna") == {"round_code": "HJK23MNA"}
    # a word in capitals with letters outside the code alphabet is no code
    assert _invitation("REGIOSCAN INVULLEN") == {}


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


def test_unknown_code_gets_a_clear_message(ask) -> None:
    reply = ask("regioscan met code ZZZZ2222", conv="round-unknown")
    assert reply.intent == "regioscan"
    assert "ZZZZ2222" in reply.text or "code" in reply.text.lower()
    assert "Traceback" not in reply.text


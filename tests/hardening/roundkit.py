"""Driving regioscan rounds as their users do, for the attack tests: each identity is its own
browser (a TestClient with its own session cookie from ``GET /``) that joins a round and answers
in the chat, exactly as a participant (or an attacker with sock puppets) would."""

from __future__ import annotations

import random
from typing import Any

from fastapi.testclient import TestClient

VALUES: tuple[int | None, ...] = (1, 2, 3, 4, 5, None)


def browser(app: Any) -> TestClient:
    """A new identity: a client that fetched the page and so holds a fresh session cookie."""
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/").status_code == 200
    return client


def chat(client: TestClient, text: str) -> dict:
    response = client.post("/api/chat", json={"text": text, "conversation_id": "scan"})
    assert response.status_code == 200, response.text
    return response.json()


def answer_text(value: int | None) -> str:
    return "weet ik niet" if value is None else str(value)


def fill_in_chat(client: TestClient, code: str, role: str, answers: list[int | None]) -> None:
    """Join the round with ``code`` in ``role`` and submit ``answers`` (16, in order)."""
    reply = chat(client, f"Ik wil de regioscan invullen met code {code} als {role}")
    assert (reply.get("progress") or {}).get("current") == 1, reply["text"]
    for value in answers:
        reply = chat(client, answer_text(value))
    reply = chat(client, "bevestig")
    assert "Dank je wel" in reply["text"], reply["text"]


def create_round(client: TestClient, region: str = "GM0363") -> tuple[str, str]:
    created = client.post("/api/rounds", json={"region": region, "title": "Ronde"})
    assert created.status_code == 201, created.text
    return created.json()["code"], created.json()["admin_token"]


def close_round(client: TestClient, code: str, token: str) -> None:
    closed = client.post(f"/api/rounds/{code}/close", headers={"X-Admin-Token": token})
    assert closed.status_code == 200, closed.text


def published(definition: Any, responses: list[tuple[str, dict]]) -> dict:
    """What the API would publish for these (role, answers) pairs (the same pure function)."""
    from bot.channels.api.serialize import jsonable
    from bot.regioscan.round_result import aggregate

    result = aggregate(definition, responses, region="GM0363", title="Ronde", status="closed")
    return jsonable(result.to_dict())


def as_answers(definition: Any, values: list[int | None]) -> dict[str, int | None]:
    return {q.id: v for q, v in zip(definition.questions, values, strict=True)}


def unconstrained_statements(definition: Any, known: list[tuple[str, dict]], victim_role: str,
                             victim: list[int | None], seen: dict, tries: int = 40) -> list[str]:
    """The attacker's view: which statements could still hold ANY answer of the victim?

    ``known`` are the answers the attacker controls (the puppets). For every statement and
    every possible value, the victim's actual answers with that one value changed must give
    exactly the result the attacker saw; and so must ``tries`` completely random answer sets.
    Returns the ids of the statements for which that holds (all of them = nothing recovered).
    """
    free = []
    for index, question in enumerate(definition.questions):
        consistent = True
        for value in VALUES:
            changed = list(victim)
            changed[index] = value
            if published(definition, known + [(victim_role, as_answers(definition, changed))]) \
                    != seen:
                consistent = False
                break
        if consistent:
            free.append(question.id)
    rng = random.Random(7)
    for _ in range(tries):
        guess = [rng.choice(VALUES) for _ in definition.questions]
        if published(definition, known + [(victim_role, as_answers(definition, guess))]) != seen:
            return []
    return free

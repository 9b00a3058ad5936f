"""Issue 16, findings 1 and 2: the anonymity of a round, attacked as reported.

Sock puppets: an attacker opens the page again and again (every ``GET /`` is a new identity),
joins the victim's round with each identity, answers all 3s, and reads the published result;
before the fix ``mean*count - 3*puppets`` gave the victim's 16 answers. Before/after: compare the
result before and after one more respondent. Region codes: ``/api/rounds/GM0363/result`` gave
the newest round of the region, open ones too, with its invitation code.

"Recovers nothing" is checked the strong way: whatever the victim answered (each statement
changed to every value, and random complete answer sets), the attacker would have seen exactly
the same result.
"""

from __future__ import annotations

import random

import pytest

from .roundkit import (
    VALUES,
    as_answers,
    browser,
    close_round,
    create_round,
    fill_in_chat,
    published,
    unconstrained_statements,
)

VICTIM = [5, 1, 4, 2, 5, 1, 4, 2, 3, None, 5, 1, 4, 2, 5, 1]


@pytest.fixture
def app(services_factory):
    from bot.channels.api.app import create_app

    services = services_factory()
    return create_app(services, services.settings), services


@pytest.mark.parametrize("puppets", [2, 4, 9])
def test_sock_puppets_recover_nothing(app, puppets: int) -> None:
    app, services = app
    definition = services.scan_definition
    coordinator = browser(app)
    code, token = create_round(coordinator)
    fill_in_chat(browser(app), code, "jeugdhulp", VICTIM)
    attacker = [browser(app) for _ in range(puppets)]
    for puppet in attacker:
        fill_in_chat(puppet, code, "jeugdhulp", [3] * 16)
    early = attacker[0].get(f"/api/rounds/{code}/result")
    assert early.status_code == 409 and not any(ch.isdigit() for ch in early.json()["detail"])
    close_round(coordinator, code, token)

    seen = attacker[0].get(f"/api/rounds/{code}/result").json()
    known = [("jeugdhulp", as_answers(definition, [3] * 16))] * puppets
    assert seen == published(definition, known + [("jeugdhulp",
                                                    as_answers(definition, VICTIM))])
    # the reported attack: a per-statement mean and count to subtract the puppets from
    assert all("mean" not in s and not s["groups"] for s in seen["statements"])
    assert unconstrained_statements(definition, known, "jeugdhulp", VICTIM, seen) == \
        [q.id for q in definition.questions]
    assert code not in str(seen)


def test_any_strategy_with_fewer_than_nine_puppets_recovers_nothing(services_factory) -> None:
    """Puppets that answer anything at all, in any role, up to 8 of them (the rule needs 10
    answers before a figure involving the victim appears): the result never depends on the
    victim's answers. With genuine respondents besides, the attacker knows even less."""
    definition = services_factory().scan_definition
    rng = random.Random(16)
    roles = ["gemeente", "swv", "onderwijs", "jeugdhulp", "anders"]
    for _ in range(25):
        count = rng.randint(1, 8)
        known = [(rng.choice(roles), as_answers(definition, [rng.choice(VALUES) for _ in
                                                              definition.questions]))
                 for _ in range(count)]
        victim = [rng.choice(VALUES) for _ in definition.questions]
        role = rng.choice(roles)
        seen = published(definition, known + [(role, as_answers(definition, victim))])
        assert unconstrained_statements(definition, known, role, victim, seen, tries=5) == \
            [q.id for q in definition.questions]


def test_before_and_after_a_new_respondent_recovers_nothing(app) -> None:
    """Twelve genuine respondents (varied, so figures are published), a thirteenth comes later.
    While the round is open nobody sees a figure, before or after; once it is closed nobody
    can join, so there is never a second result to compare with."""
    app, services = app
    coordinator = browser(app)
    code, token = create_round(coordinator, "GM0193")
    people = [("gemeente", [v] * 16) for v in (1, 2, 3, 4, 5, 1, 2, 3, 4, 5)] + \
             [("jeugdhulp", [4] * 16), ("jeugdhulp", [5] * 16)]
    for role, answers in people:
        fill_in_chat(browser(app), code, role, answers)
    outsider = browser(app)
    before = outsider.get(f"/api/rounds/{code}/result")
    newcomer = browser(app)
    fill_in_chat(newcomer, code, "gemeente", [2] * 16)
    after = outsider.get(f"/api/rounds/{code}/result")
    assert before.status_code == after.status_code == 409
    assert before.json() == after.json()
    status = coordinator.get(f"/api/rounds/{code}/status", headers={"X-Admin-Token": token})
    assert set(status.json()) == {"code", "region", "title", "status", "created_at",
                                  "closed_at", "joined", "submitted", "per_role"}
    report = outsider.get("/api/reports/GM0193.html")  # the OOGO report: closed rounds only
    assert report.status_code == 200 and "geen gesloten ronde van deze regio" in report.text

    close_round(coordinator, code, token)
    first = outsider.get(f"/api/rounds/{code}/result").json()
    late = browser(app)
    joined = late.post("/api/chat", json={
        "text": f"Ik wil de regioscan invullen met code {code} als gemeente",
        "conversation_id": "scan"}).json()
    assert "gesloten" in joined["text"]
    assert outsider.get(f"/api/rounds/{code}/result").json() == first
    assert first["respondents"] == 13 and first["themes"][0]["overall"]["mean"] is not None
    # the two jeugdhulp respondents are never named or counted
    named = set(first["role_counts"]) | {r for t in first["themes"] for r in t["by_role"]}
    assert "jeugdhulp" not in named and "jeugdhulp" not in first["chart"]["series"]


def test_results_are_not_found_by_region_code_and_never_carry_the_code(app) -> None:
    app, _ = app
    coordinator = browser(app)
    code, token = create_round(coordinator, "GM0153")
    stranger = browser(app)
    for key in ("GM0153", "gm0153", "PO2707", "NL01"):
        response = stranger.get(f"/api/rounds/{key}/result")
        assert response.status_code in (404, 422), (key, response.text)
        assert code not in response.text
    close_round(coordinator, code, token)
    for key in ("GM0153", "gm0153"):
        response = stranger.get(f"/api/rounds/{key}/result")
        assert response.status_code == 404 and code not in response.text
    own = stranger.get(f"/api/rounds/{code}/result")
    assert own.status_code == 200 and code not in own.text
    assert stranger.get(f"/api/rounds/{code.lower()}/result").status_code == 200

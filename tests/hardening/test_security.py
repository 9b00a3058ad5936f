"""Access rules and secrets, through the real API with real services.

A respondent reads only their own answers and only of the round asked for; coordinator
endpoints need the round's admin token; the Telegram webhook refuses a missing or wrong secret;
and none of the secrets in play (API keys, admin token, bot token, webhook secret) ever shows up
in a log record.
"""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from bot.channels.api.security import key_fingerprint

KEY_A = "sleutel-A-0123456789abcdef"
KEY_B = "sleutel-B-fedcba9876543210"
SECRET_NOTE = "geheime-toelichting-xyz"
BOT_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
WEBHOOK_SECRET = "webhook-geheim-42-abcdef"
A, B = {"X-API-Key": KEY_A}, {"X-API-Key": KEY_B}


def _user(key: str) -> str:
    return f"api:{key_fingerprint(key)}"


@pytest.fixture
def secured(services_factory, fake_botapi_url):
    services = services_factory(api_keys=[KEY_A, KEY_B], telegram_token=BOT_TOKEN,
                                telegram_webhook_secret=WEBHOOK_SECRET,
                                telegram_base_url=f"{fake_botapi_url}/bot")
    from bot.channels.api.app import create_app

    with TestClient(create_app(services, services.settings),
                    raise_server_exceptions=False) as client:
        yield services, client


@pytest.fixture(scope="module")
def fake_botapi_url():
    from tests.channels.fake_botapi import FakeBotApi, create_fake_app
    from tests.channels.servers import serve_in_thread

    with serve_in_thread(create_fake_app(FakeBotApi(BOT_TOKEN))) as url:
        yield url


def _round(client: TestClient) -> tuple[str, str]:
    created = client.post("/api/rounds", json={"region": "GM0363", "title": "Test"}, headers=A)
    assert created.status_code == 201, created.text
    return created.json()["code"], created.json()["admin_token"]


def test_coordinator_endpoints_need_the_admin_token(secured) -> None:
    _, client = secured
    code, token = _round(client)
    for headers in ({}, {"X-Admin-Token": "fout-token"}, {"X-Admin-Token": token + "x"}):
        for method, path in (("get", "status"), ("post", "close")):
            response = client.request(method, f"/api/rounds/{code}/{path}",
                                      headers={**A, **headers})
            assert response.status_code == 403, (path, headers, response.text)
            assert "token" in response.json()["detail"].lower()
    ok = client.get(f"/api/rounds/{code}/status", headers={**B, "X-Admin-Token": token})
    assert ok.status_code == 200
    assert client.post(f"/api/rounds/{code}/join", json={"role": "jeugdhulp"}).status_code == 401


def test_respondent_reads_only_own_answers_of_that_round(secured) -> None:
    services, client = secured
    code, token = _round(client)
    other_code, _ = _round(client)
    assert client.post(f"/api/rounds/{code}/join", json={"role": "gemeente"},
                       headers=A).status_code == 200
    assert client.post(f"/api/rounds/{code}/join", json={"role": "jeugdhulp"},
                       headers=B).status_code == 200
    scan = services.regioscan
    scan.start("api:conv-a", _user(KEY_A), round_code=code)
    scan.handle("api:conv-a", _user(KEY_A), text=f"4, want {SECRET_NOTE}")
    mine = client.get(f"/api/rounds/{code}/me", headers=A)
    assert mine.status_code == 200 and SECRET_NOTE in mine.text
    assert client.post(f"/api/rounds/{code}/close",
                       headers={**A, "X-Admin-Token": token}).status_code == 200
    for response in (client.get(f"/api/rounds/{code}/me", headers=B),
                     client.get(f"/api/rounds/{other_code}/me", headers=A),
                     client.get(f"/api/rounds/{code}/result", headers=B)):
        assert response.status_code == 200, response.text
        assert SECRET_NOTE not in response.text
    assert client.get(f"/api/rounds/{code}/me", headers=B).json()["answers"] == {}


def test_conversations_are_scoped_to_the_caller(secured) -> None:
    _, client = secured
    body = {"conversation_id": "gedeeld"}
    start = client.post("/api/chat", json={**body, "text": "Ik wil de regioscan invullen"},
                        headers=A)
    assert start.json()["progress"]["current"] == 1
    assert "Genoteerd" in client.post("/api/chat", json={**body, "text": "4"}, headers=A).text
    intruder = client.post("/api/chat", json={**body, "text": "samenvatting"}, headers=B)
    assert intruder.status_code == 200
    assert "Genoteerd" not in intruder.text and (intruder.json().get("progress") or {}).get(
        "current") != 2
    again = client.post("/api/chat", json={**body, "text": "5"}, headers=A).json()
    assert again["progress"]["current"] == 3  # A's scan was not touched by B


def test_webhook_refuses_missing_or_wrong_secret(secured, fake_botapi_url) -> None:
    _, client = secured
    update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "hoi",
                                          "chat": {"id": 5, "type": "private"},
                                          "from": {"id": 5, "is_bot": False, "first_name": "X"}}}
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "fout"},
                    {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET[:-1]}):
        refused = client.post("/telegram/webhook", json=update, headers=headers)
        assert refused.status_code == 403 and "geheime" in refused.json()["detail"]
    accepted = client.post("/telegram/webhook", json=update,
                           headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET})
    assert accepted.status_code == 200


def test_no_secret_ever_reaches_the_logs(secured, caplog: pytest.LogCaptureFixture) -> None:
    services, client = secured
    caplog.set_level(logging.DEBUG)
    code, token = _round(client)
    client.get(f"/api/rounds/{code}/status", headers={**A, "X-Admin-Token": token})
    client.get(f"/api/rounds/{code}/status", headers={**A, "X-Admin-Token": "fout"})
    client.post("/api/chat", json={"text": "NEET in Utrecht"}, headers=A)
    client.post("/api/chat", json={"text": "hoi"}, headers={"X-API-Key": KEY_A + "fout"})
    update = {"update_id": 2, "message": {"message_id": 2, "date": 0, "text": "NEET in Zwolle",
                                          "chat": {"id": 6, "type": "private"},
                                          "from": {"id": 6, "is_bot": False, "first_name": "Y"}}}
    client.post("/telegram/webhook", json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET})
    client.post("/telegram/webhook", json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": "fout-" + WEBHOOK_SECRET})
    text = caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    assert caplog.records, "nothing was logged, so the check proves nothing"
    for secret in (KEY_A, KEY_B, token, BOT_TOKEN, BOT_TOKEN.split(":")[1], WEBHOOK_SECRET):
        assert secret not in text, f"secret {secret[:6]}… found in the logs"

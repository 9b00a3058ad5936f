"""Issue 16, findings 7 and 11: input that the stores cannot hold, and errors in English.

7. NUL on PostgreSQL (a feedback comment, a round title, a scan explanation) gave a 503
   "opslag niet bereikbaar" and the answer was lost; a lone surrogate in a scan explanation was
   not saved and logged a traceback. Now both are stripped at the HTTP boundary and again in
   every store, on SQLite and on PostgreSQL.
11. An invalid UTF-8 body gave an English 400; a malformed Telegram update with the right
   secret gave a 500. Now Dutch, and 400 or 200.
"""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

BOT_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
WEBHOOK_SECRET = "webhook-geheim-42-abcdef"
NASTY = "Jan\u0000tje\ud800 en \udfffPiet"  # NUL and two lone surrogates
CLEAN = "Jantje en Piet"


def _app(services):
    from bot.channels.api.app import create_app

    return create_app(services, services.settings)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def services(request, services_factory):
    if request.param == "sqlite":
        return services_factory()
    return services_factory(database_url=request.getfixturevalue("pg_url"))


def _post(client: TestClient, path: str, body: dict):
    """JSON as a browser sends it: lone surrogates and NUL as \\u escapes (valid JSON)."""
    return client.post(path, content=json.dumps(body).encode("ascii"),
                       headers={"Content-Type": "application/json"})


def _scalar(services, sql: str, **params):
    from sqlalchemy import text

    with services.db.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def test_nul_and_lone_surrogates_are_stripped_before_any_store(services, caplog) -> None:
    caplog.set_level(logging.WARNING)
    client = TestClient(_app(services), raise_server_exceptions=False)
    client.get("/")
    feedback = _post(client, "/api/feedback", {"answer_id": "a1", "rating": "down",
                                                "comment": NASTY})
    assert feedback.status_code == 200, feedback.text
    assert _scalar(services, "SELECT comment FROM feedback WHERE answer_id = 'a1'") == CLEAN
    created = _post(client, "/api/rounds", {"region": "GM0363", "title": NASTY})
    assert created.status_code == 201, created.text
    assert created.json()["title"] == CLEAN
    start = client.post("/api/chat", json={"text": "Ik wil de regioscan invullen",
                                           "conversation_id": "nul"})
    assert start.status_code == 200 and start.json()["progress"]["current"] == 1
    answer = _post(client, "/api/chat", {"text": f"4, want {NASTY}", "conversation_id": "nul"})
    assert answer.status_code == 200 and "Genoteerd" in answer.json()["text"], answer.text
    stored = _scalar(services, "SELECT explanation FROM scan_answers WHERE question_id = 'o1'")
    assert stored is not None and CLEAN in stored and "\x00" not in stored
    # the stream's query string too (%00 and a NUL in the text)
    streamed = client.get("/api/chat/stream", params={"text": "Wat is het\u0000 OOGO?"})
    assert streamed.status_code == 200 and "event: reply" in streamed.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_the_stores_clean_what_other_channels_bring(services) -> None:
    """Telegram and the CLI do not pass the HTTP boundary: the stores clean on their own."""
    services.state_store.save(f"telegram:{NASTY}", {"pending": NASTY, "list": [NASTY]})
    assert services.state_store.load(f"telegram:{CLEAN}") == {"pending": CLEAN,
                                                              "list": [CLEAN]}
    services.feedback_store.add(answer_id="t1", conversation_id=NASTY, rating="up",
                                comment=NASTY)
    assert _scalar(services, "SELECT comment FROM feedback WHERE answer_id = 't1'") == CLEAN


def test_body_parse_errors_are_dutch(services_factory) -> None:
    client = TestClient(_app(services_factory()), raise_server_exceptions=False)
    cases = [
        (b'{"text": "caf\xe9"}', "application/json"),  # Latin-1, not UTF-8
        (b'\xff\xfe{"text": 1}', "application/json"),
        (b'{"text": "hoi"', "application/json"),  # broken JSON
        (b"text=hoi", "application/x-www-form-urlencoded"),
    ]
    for body, kind in cases:
        response = client.post("/api/chat", content=body, headers={"Content-Type": kind})
        assert response.status_code in (400, 422), (body, response.text)
        detail = response.json()["detail"]
        assert isinstance(detail, str) and "There was an error" not in detail
        assert any(word in detail for word in ("verzoek", "JSON")), detail


@pytest.fixture(scope="module")
def fake_botapi_url():
    from tests.channels.fake_botapi import FakeBotApi, create_fake_app
    from tests.channels.servers import serve_in_thread

    with serve_in_thread(create_fake_app(FakeBotApi(BOT_TOKEN))) as url:
        yield url


def test_malformed_telegram_updates_get_400_or_200_never_500(services_factory,
                                                             fake_botapi_url) -> None:
    services = services_factory(telegram_token=BOT_TOKEN, telegram_webhook_secret=WEBHOOK_SECRET,
                                telegram_base_url=f"{fake_botapi_url}/bot")
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    bodies = [{"foo": 1}, [], "update", 42, {"update_id": "x"}, {"update_id": True},
              {"update_id": 7, "message": "hoi"}, {"update_id": 8, "message": {"text": 5}},
              {"update_id": 9, "callback_query": {"id": 1}},
              {"update_id": 10, "message": {"message_id": 1, "date": "gisteren",
                                            "chat": {"id": "x", "type": 3}}},
              {"update_id": 11, "edited_message": None}, {"update_id": 12, "foo": {"bar": []}}]
    with TestClient(_app(services), raise_server_exceptions=False) as client:
        for body in bodies:
            response = client.post("/telegram/webhook", json=body, headers=headers)
            assert response.status_code in (200, 400), (body, response.text)
            if response.status_code == 400:
                assert "Telegram-update" in response.json()["detail"]
        raw = client.post("/telegram/webhook", content=b"\xff{", headers={
            **headers, "Content-Type": "application/json"})
        assert raw.status_code == 400 and "JSON" in raw.json()["detail"]

"""The HTTP channel's own rules with a fake core: access, limits, bad input, logs.

Every error must have the right status and a clear Dutch message, and none may be a 500.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re

import pytest
from fastapi.testclient import TestClient

from bot.channels.api.app import create_app
from bot.channels.api.jsonlog import JsonFormatter
from bot.channels.api.security import RateLimiter, client_address

from .fakes import FakeServices


def _client(settings, **overrides) -> tuple[TestClient, FakeServices]:
    from bot.settings import Settings

    settings = Settings(**{**dataclasses.asdict(settings), **overrides}, _env_file=None)
    services = FakeServices(settings)
    return TestClient(create_app(services, settings), raise_server_exceptions=False), services


def _dutch(response) -> str:
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    assert not any(w in detail for w in ("Field required", "Internal Server Error", "Traceback"))
    assert not re.search(r"\b(u|uw)\b", detail, re.IGNORECASE), detail  # the je-form, as the chat
    return detail


def test_api_key_required_when_configured(channel_settings) -> None:
    client, _ = _client(channel_settings, api_keys=["geheim-1", "geheim-2"])
    with client:
        wrong = client.post("/api/chat", json={"text": "hoi"}, headers={"X-API-Key": "fout"})
        assert wrong.status_code == 401
        assert "API-sleutel" in _dutch(wrong)
        missing = client.post("/api/chat", json={"text": "hoi"})
        assert missing.status_code == 401
        ok = client.post("/api/chat", json={"text": "hoi"}, headers={"X-API-Key": "geheim-2"})
        assert ok.status_code == 200
        assert ok.json()["text"] == "Antwoord op: hoi"


def test_web_page_session_cookie_gives_access(channel_settings) -> None:
    client, services = _client(channel_settings, api_keys=["geheim"])
    with client:
        page = client.get("/")
        assert page.status_code == 200
        cookie = page.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        assert 'aria-live="polite"' in page.text and '<label for="question">' in page.text
        reply = client.post("/api/chat", json={"text": "hoi", "conversation_id": "abc"})
        assert reply.status_code == 200
        seen = services.assistant.seen[-1]
        assert seen.channel == "web" and seen.conversation_id.startswith("web:")
        client.cookies.clear()
        client.cookies.set("oogo_session", "vervalst.0000")
        assert client.post("/api/chat", json={"text": "hoi"}).status_code == 401


def test_no_keys_means_local_use_allowed(channel_settings) -> None:
    client, _ = _client(channel_settings)
    with client:
        assert client.post("/api/chat", json={"text": "hoi"}).status_code == 200


def test_malformed_json_and_missing_fields(channel_settings) -> None:
    client, _ = _client(channel_settings)
    with client:
        bad = client.post("/api/chat", content=b'{"text": "hoi",',
                          headers={"content-type": "application/json"})
        assert bad.status_code == 400
        assert "JSON" in _dutch(bad)
        wrong = client.post("/api/feedback", json={"answer_id": "x", "rating": "super"})
        assert wrong.status_code == 422
        assert "rating" in _dutch(wrong)
        empty = client.post("/api/chat", json={"text": "   "})
        assert empty.status_code == 422
        assert "leeg" in _dutch(empty)


def test_oversized_body_and_too_long_message(channel_settings) -> None:
    client, services = _client(channel_settings, max_body_bytes=2000, max_message_chars=300)
    with client:
        big = client.post("/api/chat", content=b'{"text": "' + b"a" * 5000 + b'"}',
                          headers={"content-type": "application/json"})
        assert big.status_code == 413
        assert "te groot" in _dutch(big)

        def chunks():
            yield b'{"text": "'
            for _ in range(10):
                yield b"b" * 500
            yield b'"}'

        streamed = client.post("/api/chat", content=chunks(),
                               headers={"content-type": "application/json"})
        assert streamed.status_code == 413
        long = client.post("/api/chat", json={"text": "c" * 400})
        assert long.status_code == 422
        assert "te lang" in _dutch(long)
        assert services.assistant.seen == []  # nothing reached the core


def test_rate_limit_429_with_retry_after(channel_settings) -> None:
    client, _ = _client(channel_settings, rate_limit_per_minute=3)
    with client:
        codes = [client.post("/api/chat", json={"text": "hoi"}).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = client.post("/api/chat", json={"text": "hoi"})
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) >= 1
        assert "te veel" in _dutch(limited)
        assert client.get("/healthz").status_code == 200  # health is never limited


def test_unexpected_error_is_polite_and_has_request_id(channel_settings) -> None:
    client, _ = _client(channel_settings)
    with client:
        response = client.post("/api/chat", json={"text": "crash"},
                               headers={"X-Request-ID": "req-123"})
        assert response.headers["x-request-id"] == "req-123"
        assert "req-123" in _dutch(response)
        assert "boom" not in response.text


def test_telegram_webhook_secret_checked(channel_settings) -> None:
    client, _ = _client(channel_settings, telegram_webhook_secret="s3cret")
    with client:
        update = {"update_id": 1}
        missing = client.post("/telegram/webhook", json=update)
        wrong = client.post("/telegram/webhook", json=update,
                            headers={"X-Telegram-Bot-Api-Secret-Token": "fout"})
        assert missing.status_code == wrong.status_code == 403
        assert "geheime token" in _dutch(wrong)


def test_unknown_chart_and_route_are_dutch_404(channel_settings) -> None:
    client, _ = _client(channel_settings)
    with client:
        chart = client.get("/api/charts/" + "0" * 32 + ".png")
        assert chart.status_code == 404 and "grafiek" in _dutch(chart)
        assert client.get("/api/bestaat-niet").json()["detail"] == "Niet gevonden."


def test_stream_sends_chunks_then_reply(channel_settings) -> None:
    client, _ = _client(channel_settings)
    with client:
        response = client.get("/api/chat/stream", params={"text": "grafiek graag"})
        assert response.status_code == 200
        events = [b.split("\n") for b in response.text.strip().split("\n\n")]
        names = [e[0].removeprefix("event: ") for e in events]
        assert names[0] == "chunk" and names[-1] == "reply"
        final = json.loads(events[-1][1].removeprefix("data: "))
        assert final["charts"][0]["url"].startswith("/api/charts/")
        png = client.get(final["charts"][0]["url"])
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
        assert final["facts"][0]["numerator"] is None  # 7 < 10: suppressed
        assert final["facts"][0]["numerator_label"] == "minder dan 10"


def test_feedback_is_stored_for_the_callers_conversation(channel_settings) -> None:
    client, services = _client(channel_settings)
    with client:
        response = client.post("/api/feedback", json={"answer_id": "a1", "rating": "down",
                                                       "comment": "klopt niet"})
        assert response.status_code == 200
    row = services.feedback_store.rows[-1]
    assert row["rating"] == "down" and row["conversation_id"].startswith("local:")


@pytest.mark.parametrize(("peer", "header", "expected"), [
    ("10.0.0.5", "1.2.3.4", "10.0.0.5"),          # untrusted peer: header ignored
    ("127.0.0.1", "1.2.3.4", "1.2.3.4"),          # trusted proxy: header believed
    ("127.0.0.1", "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # rightmost untrusted hop wins
])
def test_client_address_is_proxy_aware(peer, header, expected) -> None:
    assert client_address(peer, header, ["127.0.0.1"]) == expected


def test_token_bucket_refills() -> None:
    limiter = RateLimiter(per_minute=60)
    assert all(limiter.take("a", now=0.0) == 0 for _ in range(60))
    assert limiter.take("a", now=0.0) > 0
    assert limiter.take("a", now=1.01) == 0  # one token per second comes back
    assert limiter.take("b", now=0.0) == 0   # other clients are not affected


def test_json_log_line_has_request_id() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hallo %s", ("wereld",), None)
    record.request_id = "abc"
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "hallo wereld" and line["request_id"] == "abc"

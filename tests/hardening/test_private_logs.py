"""Issue 16, findings 6 and 12: what reaches the logs.

6. SQLAlchemy's ``[parameters: ...]`` put feedback comments, scan explanations and pending
   questions (which may hold children's names) into the error log. Now every engine hides its
   parameters, and the JSON formatter drops the request's own texts at every level.
12. Invitation codes stood in access-log paths and "round created" lines; an unknown round code
   on a button was logged at ERROR with a traceback. Now codes are hashed, and a rule broken by
   a user is no error.

The log lines are caught the way ``oogo serve`` writes them: a handler with the project's JSON
formatter on the root logger, at DEBUG, formatting while the request is being served.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from .faultenv import immutable, stoppable_postgres

CHILD = "Jantje Verweij"
COMMENT = f"Mijn zoon {CHILD} (groep 7) wacht al maanden op jeugdhulp"


def _app(services):
    from bot.channels.api.app import create_app

    return create_app(services, services.settings)


@contextmanager
def json_log(plain: bool = False) -> Iterator[io.StringIO]:
    """Everything logged meanwhile, at DEBUG, SQLAlchemy's statement echo included. ``plain``
    uses a standard formatter: then only the stores' own protection (hidden parameters)
    counts, not the formatter's redaction."""
    from bot.channels.api.jsonlog import JsonFormatter

    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s")
                         if plain else JsonFormatter())
    root, engine_log = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    client_logs = [logging.getLogger(n) for n in ("httpx", "httpx2")]  # the test client's
    old = root.level, engine_log.level, [c.level for c in client_logs]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    engine_log.setLevel(logging.INFO)  # statements and their parameters
    for client_log in client_logs:  # as in production (bot.channels.api.jsonlog)
        client_log.setLevel(logging.WARNING)
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        root.setLevel(old[0])
        engine_log.setLevel(old[1])
        for client_log, level in zip(client_logs, old[2], strict=True):
            client_log.setLevel(level)


@pytest.mark.parametrize("plain", [True, False])
def test_sql_parameters_never_reach_the_log(services_factory, tmp_path, plain: bool) -> None:
    disk = tmp_path / "disk"
    services = services_factory(database_url=f"sqlite:///{disk / 'oogo.sqlite3'}")
    with TestClient(_app(services), raise_server_exceptions=False) as client, \
            json_log(plain) as log:
        assert client.post("/api/feedback", json={"answer_id": "ok", "rating": "up",
                                                  "comment": COMMENT}).status_code == 200
        with immutable(disk / "oogo.sqlite3", disk / "oogo.sqlite3-wal", disk):
            failed = client.post("/api/feedback", json={"answer_id": "x", "rating": "down",
                                                        "comment": COMMENT})
            assert failed.status_code == 503
    text = log.getvalue()
    assert "INSERT INTO feedback" in text and "hidden" in text  # the statement, not its values
    assert "Traceback" in text or '"exception"' in text  # the error itself was logged
    assert CHILD not in text and "groep 7" not in text


@pytest.mark.postgres
def test_postgres_down_mid_scan_logs_no_explanation(services_factory) -> None:
    with stoppable_postgres() as server:
        services = services_factory(database_url=server.url)
        with TestClient(_app(services), raise_server_exceptions=False) as client:
            body = {"conversation_id": "pg"}
            client.post("/api/chat", json={**body, "text": "Ik wil de regioscan invullen"})
            server.stop()
            with json_log(plain=True) as log:
                reply = client.post("/api/chat", json={**body, "text": f"2, want {COMMENT}"})
            server.start()
    assert reply.status_code in (200, 503)
    assert "OperationalError" in log.getvalue() or "opslag" in log.getvalue()
    assert CHILD not in log.getvalue()


def test_message_text_is_dropped_at_every_level(services_factory) -> None:
    """A question with a name and a place that is no region; whatever any module logs about
    it at DEBUG (the understanding quotes unknown place words), the name never shows."""
    services = services_factory()
    question = f"Hoeveel NEET is er in Blaricumsedorp, vraagt {CHILD}?"
    with TestClient(_app(services)) as client, json_log() as log:
        assert client.post("/api/chat", json={"text": question}).status_code == 200
        assert client.get("/api/chat/stream", params={"text": question}).status_code == 200
        assert client.post("/api/chat", content=b'{"text": ' + b'"' + CHILD.encode() + b'",',
                           headers={"Content-Type": "application/json"}).status_code == 400
    text = log.getvalue()
    assert text.count("\n") > 3, "nothing was logged, so the check proves nothing"
    for word in ("Jantje", "Verweij", "Blaricumsedorp"):
        assert word.lower() not in text.lower(), word


def test_invitation_codes_are_hashed_and_rule_errors_are_not_errors(services_factory) -> None:
    from bot.regioscan.rounds import code_for_log

    services = services_factory()
    with TestClient(_app(services)) as client, json_log() as log:
        created = client.post("/api/rounds", json={"region": "GM0363"})
        code = created.json()["code"]
        client.post(f"/api/rounds/{code}/join", json={"role": "gemeente"})
        client.get(f"/api/rounds/{code}/result")
        client.get("/api/chat/stream", params={"choice": "rsjoin:QQQQ2222:jeugdhulp"})
        button = client.post("/api/chat", json={"text": "", "choice": "rsjoin:ZZZZ3333:swv"})
        assert "Ik ken geen ronde" in button.json()["text"]
    text = log.getvalue()
    assert code not in text and code_for_log(code) in text
    assert "QQQQ2222" not in text and "ZZZZ3333" not in text
    assert '"level": "ERROR"' not in text and "Traceback" not in text


def test_the_formatter_drops_request_texts_from_any_log_line(services_factory) -> None:
    """The last line of defence, exercised directly: a route that logs the question (and a
    word of it, and a traceback quoting it) at DEBUG; the JSON line keeps none of it."""
    services = services_factory()
    app = _app(services)
    noisy = logging.getLogger("tests.noisy")

    @app.post("/api/chat/noisy")
    async def noisy_route(body: dict) -> dict:
        noisy.debug("pending question %r, word %s", body["text"], body["text"].split()[3])
        try:
            raise ValueError(f"cannot parse {body['text']}")
        except ValueError:
            noisy.exception("parse failed")
        return {"ok": True}

    with TestClient(app) as client, json_log() as log:
        client.get("/")
        assert client.post("/api/chat/noisy", json={"text": f"Wat krijgt {CHILD} nu?"}
                           ).status_code == 200
    text = log.getvalue()
    assert "pending question" in text and "parse failed" in text and "[tekst]" in text
    assert "Jantje" not in text and "Verweij" not in text


def test_request_texts_are_read_when_a_line_needs_them() -> None:
    """The middleware hands over the raw query and body; a body that arrives after a line was
    formatted still counts for the next line, and a body that is no JSON adds nothing."""
    from bot.channels.api.jsonlog import RequestTexts, redact, user_texts_var

    texts = RequestTexts(b"q=Blaricumsedorp&x=")
    token = user_texts_var.set(texts)
    try:
        assert redact("in Blaricumsedorp") == "in [tekst]"
        texts.add_body(b'{"text": "vraagt ' + CHILD.encode() + b'"}')
        texts.add_body(b"geen json")
        assert "Jantje" not in redact(f"over {CHILD}") and "[tekst]" in redact("Jantje")
        assert texts.texts() == ("Blaricumsedorp", f"vraagt {CHILD}")
    finally:
        user_texts_var.reset(token)

"""Property-based tests: whatever a user or a client sends, nothing crashes and nothing is a 500.

``Assistant.handle`` gets arbitrary text (unicode, control characters, very long input) and
button values; the API gets arbitrary JSON of the wrong shapes and types. The properties: a
reply with Dutch or English text always comes back, the HTTP status is never 5xx, and an error
body is a short message, never a stack trace. Example counts stay modest so the default run is
quick; the database is shared within a module to keep it so.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import make_settings

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

WORDS = ["NEET", "jeugdzorg", "Amsterdam", "regioscan", "OOGO", "vergelijk", "2023", "vso",
         "samenwerkingsverband", "PO2707", "GM0363", "stop", "terug", "4", "waarom?", "help",
         "'; DROP TABLE scans; --", "<script>alert(1)</script>", "{{7*7}}", "%s%s%n", "\x00",
         "\u202e", "🙂", "ﷺ", "Ａｍｓｔｅｒｄａｍ", "\r\n", "\t"]
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "So"]), max_size=50),
    st.integers(min_value=4000, max_value=20000).map(lambda n: "NEET " * (n // 5)),
)
CHOICES = st.one_of(st.none(), st.text(max_size=40),
                    st.sampled_from(["rs:1:o1=4", "rs:99:zz=9", "scan:n1:3", "rs:", "join:X:Y"]))


@pytest.fixture(scope="module")
def module_services(index_template, tmp_path_factory):
    import shutil

    from bot.services import build_services

    target = tmp_path_factory.mktemp("prop") / "var"
    shutil.copytree(index_template, target)
    services = build_services(make_settings(target))
    yield services
    services.close()


@FAST
@given(text=TEXTS, choice=CHOICES, conversation=st.sampled_from(["p1", "p2", "p3"]))
def test_handle_never_raises(module_services, text: str, choice: str | None,
                             conversation: str) -> None:
    from bot.core.messages import IncomingMessage, Reply

    reply = module_services.assistant.handle(IncomingMessage(
        channel="test", conversation_id=conversation, user_id=conversation, text=text,
        choice=choice))
    assert isinstance(reply, Reply)
    assert isinstance(reply.text, str) and reply.text.strip()
    assert "Traceback" not in reply.text and "Exception" not in reply.text


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=50)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=12,
)
FIELDS = ["text", "choice", "region", "conversation_id", "answer_id", "rating", "comment",
          "role", "title"]
BODIES = st.one_of(
    JSON_VALUES,
    st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=5),
    st.fixed_dictionaries({"text": st.one_of(TEXTS, JSON_VALUES)},
                          optional={"region": st.text(max_size=15),
                                    "conversation_id": st.text(max_size=120),
                                    "choice": CHOICES}),
)
ENDPOINTS = ["/api/chat", "/api/feedback", "/api/rounds", "/api/rounds/ABCD-1234/join"]


@pytest.fixture(scope="module")
def api(module_services):
    from bot.channels.api.app import create_app

    with TestClient(create_app(module_services, module_services.settings),
                    raise_server_exceptions=False) as client:
        yield client


def _check(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    assert "Traceback" not in response.text


@FAST
@given(body=BODIES, endpoint=st.sampled_from(ENDPOINTS))
def test_api_json_of_any_shape_is_never_a_500(api: TestClient, body: Any, endpoint: str) -> None:
    response = api.post(endpoint, content=json.dumps(body),
                        headers={"content-type": "application/json"})
    _check(response)
    if response.status_code >= 400:
        detail = response.json().get("detail")
        assert isinstance(detail, str) and detail.strip()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400), content_type=st.sampled_from(
    ["application/json", "text/plain", "application/x-www-form-urlencoded", ""]))
def test_api_raw_bytes_are_never_a_500(api: TestClient, raw: bytes, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    _check(api.post("/api/chat", content=raw, headers=headers))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, region=st.text(max_size=20), code=st.text(max_size=30))
def test_api_query_and_path_inputs_are_never_a_500(api: TestClient, text: str, region: str,
                                                    code: str) -> None:
    _check(api.get("/api/chat/stream", params={"text": text[:3000], "region": region}))
    _check(api.get(f"/api/rounds/{quote(code, safe='')}/result"))
    _check(api.get("/api/regions", params={"q": text[:200]}))


def test_huge_body_is_refused_politely(api: TestClient) -> None:
    response = api.post("/api/chat", content=json.dumps({"text": "x" * 200_000}),
                        headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert isinstance(response.json()["detail"], str)

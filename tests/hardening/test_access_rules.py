"""Issue 16, findings 3, 9 and 10: who may do what over HTTP.

3. With OOGO_API_KEYS set, the session cookie of an anonymous ``GET /`` gave full API access
   (``POST /api/rounds`` -> 201 with an admin token). Now it only chats; the rest needs a key or
   a coordinator login. Without keys, local use stays open.
9. The cookie was never ``Secure`` behind a TLS proxy. Now it is when a trusted proxy says
   ``X-Forwarded-Proto: https``, and only then.
10. ``GET /api/chat/stream?choice=rsjoin:CODE:jeugdhulp`` with a victim's cookie and
   ``Sec-Fetch-Site: cross-site`` joined the victim to the attacker's round. Now every state
   change from another site is refused, and the page itself keeps working.
"""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

KEY = "coordinator-key-0123456789abcdef"


def _app(services):
    from bot.channels.api.app import create_app

    return create_app(services, services.settings)


@pytest.fixture
def keyed(services_factory):
    services = services_factory(api_keys=[KEY])
    return _app(services), services


def _page(app) -> TestClient:
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/").status_code == 200 and client.cookies.get("oogo_session")
    return client


def test_with_keys_the_page_cookie_only_chats(keyed) -> None:
    app, _ = keyed
    page = _page(app)
    chat = page.post("/api/chat", json={"text": "Wat is het OOGO?"})
    assert chat.status_code == 200
    assert page.post("/api/feedback", json={"answer_id": chat.json()["answer_id"],
                                            "rating": "up"}).status_code == 200
    assert page.get("/api/chat/stream", params={"text": "Wat is NEET?"}).status_code == 200
    assert page.get("/api/regions", params={"q": "Zwolle"}).status_code == 200
    refused = [
        page.post("/api/rounds", json={"region": "GM0363"}),
        page.get("/api/indicators/neet", params={"region": "GM0363"}),
        page.get("/api/charts/indicator.png", params={"indicator": "neet", "region": "GM0363"}),
        page.get("/api/reports/GM0363.html"),
        page.get("/api/rounds/ABCDEFGH/result"),
        page.post("/api/rounds/ABCDEFGH/join", json={"role": "gemeente"}),
    ]
    for response in refused:
        assert response.status_code == 401, response.text
        assert "API-sleutel" in response.json()["detail"]
    with_key = TestClient(app).post("/api/rounds", json={"region": "GM0363"},
                                    headers={"X-API-Key": KEY})
    assert with_key.status_code == 201 and with_key.json()["admin_token"]


def test_coordinator_login_opens_the_api_for_that_browser(keyed, services_factory) -> None:
    app, services = keyed
    page = _page(app)
    wrong = page.post("/api/coordinator/login", json={"api_key": KEY + "x"})
    assert wrong.status_code == 401 and "onjuist" in wrong.json()["detail"]
    login = page.post("/api/coordinator/login", json={"api_key": KEY})
    assert login.status_code == 200
    cookie = login.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and KEY not in cookie
    created = page.post("/api/rounds", json={"region": "GM0363"})
    assert created.status_code == 201
    assert page.get("/api/reports/GM0363.html").status_code == 200
    # the login stops working when the key is taken out of OOGO_API_KEYS
    other = _app(services_factory(api_keys=["another-key-0123456789"]))
    stolen = TestClient(other, cookies={"oogo_coordinator": page.cookies["oogo_coordinator"]})
    assert stolen.post("/api/rounds", json={"region": "GM0363"}).status_code == 401
    forged = TestClient(app, cookies={"oogo_coordinator": "0123456789ab.9999999999.00"})
    assert forged.post("/api/rounds", json={"region": "GM0363"}).status_code == 401
    page.post("/api/coordinator/logout")
    page.cookies.delete("oogo_coordinator")
    assert page.post("/api/rounds", json={"region": "GM0363"}).status_code == 401


def test_without_keys_local_use_stays_easy(services_factory) -> None:
    app = _app(services_factory())
    plain = TestClient(app)
    assert plain.post("/api/rounds", json={"region": "GM0363"}).status_code == 201
    assert plain.get("/api/indicators/neet", params={"region": "GM0363"}).status_code == 200
    assert _page(app).post("/api/rounds", json={"region": "GM0363"}).status_code == 201


def test_state_changes_from_another_site_are_refused(services_factory) -> None:
    services = services_factory()
    app = _app(services)
    attacker, victim = _page(app), _page(app)
    code = attacker.post("/api/rounds", json={"region": "GM0363"}).json()["code"]
    evil = [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
            {"Origin": "https://evil.example"}, {"Origin": "null"}]
    for headers in evil:
        joined = victim.get("/api/chat/stream", params={
            "choice": f"rsjoin:{code}:jeugdhulp", "conversation_id": "c"}, headers=headers)
        assert joined.status_code == 403 and "andere website" in joined.json()["detail"]
        for path, body in (("/api/chat", {"text": "hoi"}), ("/api/rounds", {"region": "GM0363"}),
                           ("/api/feedback", {"answer_id": "a", "rating": "up"})):
            assert victim.post(path, json=body, headers=headers).status_code == 403
    status = services.regioscan.rounds.by_code(code)
    assert services.regioscan.rounds.role_counts(status.id) == {}  # the victim never joined
    # the page itself (same origin) and non-browser clients keep working
    same = victim.get("/api/chat/stream", params={"choice": f"rsjoin:{code}:jeugdhulp"},
                      headers={"Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 200 and "Vraag 1 van 16" in same.text
    assert victim.post("/api/chat", json={"text": "hoi"},
                       headers={"Origin": "http://testserver"}).status_code == 200
    assert TestClient(app).post("/api/chat", json={"text": "hoi"}).status_code == 200
    assert victim.get("/api/regions", params={"q": "Zwolle"},
                      headers={"Sec-Fetch-Site": "cross-site"}).status_code == 200  # read only


def test_cookie_is_secure_behind_a_trusted_tls_proxy_only(services_factory) -> None:
    """A real uvicorn on 127.0.0.1 (the address the proxy connects from), run as ``oogo serve``
    runs it: uvicorn's own proxy handling off, the app decides whom to believe."""
    from contextlib import ExitStack

    from tests.channels.servers import serve_in_thread

    with ExitStack() as stack:
        trusted, untrusted = (
            stack.enter_context(serve_in_thread(_app(services_factory(trusted_proxies=proxies)),
                                                proxy_headers=False))
            for proxies in (["127.0.0.1"], ["10.9.9.9"]))

        def cookie(base: str, headers: dict) -> str:
            return httpx.get(f"{base}/", headers=headers).headers.get("set-cookie", "")

        proxied = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.5"}
        assert "secure" in cookie(trusted, proxied).lower()
        assert "secure" not in cookie(trusted, {}).lower()
        assert "secure" not in cookie(untrusted, proxied).lower()  # anyone can send it
        assert "secure" not in cookie(trusted, {"X-Forwarded-Proto": "http"}).lower()

"""The HTTP channel end to end with the real core, data, index and store: TestClient for the
data and round endpoints, a real uvicorn on 127.0.0.1 for chat and streaming."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.channels.api.app import create_app


@pytest.fixture(scope="module")
def client(real_services):
    with TestClient(create_app(real_services, real_services.settings),
                    raise_server_exceptions=False) as test_client:
        yield test_client


def test_chat_over_real_uvicorn_answers_with_a_computed_figure(live_server, real_services) -> None:
    with httpx.Client(base_url=live_server, timeout=60) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        page = http.get("/")
        assert page.status_code == 200 and "oogo_session" in page.headers["set-cookie"]
        reply = http.post("/api/chat", json={"text": "Hoeveel jongeren in Amsterdam zijn NEET?",
                                             "conversation_id": "e2e"})
    assert reply.status_code == 200, reply.text
    data = reply.json()
    assert data["intent"] == "indicator" and data["demo_data"] is True
    fact = data["facts"][0]
    engine = real_services.indicators
    value = engine.lookup("neet", "GM0363", "totaal", fact["year"])
    assert fact["region"] == "GM0363" and fact["value"] == pytest.approx(value.value)
    assert reply.headers["x-request-id"]


def test_followup_keeps_conversation_and_chart_is_served(live_server) -> None:
    with httpx.Client(base_url=live_server, timeout=60) as http:
        http.get("/")
        first = http.post("/api/chat", json={"text": "Hoeveel jongeren in Utrecht zijn NEET?",
                                             "conversation_id": "trend"}).json()
        assert first["intent"] == "indicator"
        trend = http.post("/api/chat", json={"text": "Hoe heeft dit zich de afgelopen jaren "
                                                     "ontwikkeld?", "conversation_id": "trend"})
        data = trend.json()
        # the region over the years, and Nederland's first and last year it is set against
        assert data["facts"] and {f["region"] for f in data["facts"]} == {"GM0344", "NL01"}
        assert len({f["year"] for f in data["facts"] if f["region"] == "GM0344"}) > 1
        if data["charts"]:
            png = http.get(data["charts"][0]["url"])
            assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
            assert data["charts"][0]["alt"]


def test_stream_over_real_uvicorn(live_server) -> None:
    with httpx.Client(base_url=live_server, timeout=60) as http:
        http.get("/")
        with http.stream("GET", "/api/chat/stream",
                         params={"text": "Wat is het OOGO?", "conversation_id": "s"}) as resp:
            assert resp.status_code == 200
            assert resp.headers["content-type"].startswith("text/event-stream")
            body = "".join(resp.iter_text())
    blocks = [b for b in body.strip().split("\n\n") if b]
    assert blocks[0].startswith("event: chunk") and blocks[-1].startswith("event: reply")
    final = json.loads(blocks[-1].split("data: ", 1)[1])
    assert final["passages"] and final["passages"][0]["source"].endswith(".md")
    assert "OOGO" in final["text"]


def test_errors_over_real_uvicorn_are_not_500(live_server) -> None:
    with httpx.Client(base_url=live_server, timeout=60) as http:
        bad = http.post("/api/chat", content=b"{nee", headers={"content-type":
                                                               "application/json"})
        assert bad.status_code == 400 and "JSON" in bad.json()["detail"]
        huge = http.post("/api/chat", content=b"x" * 70_000,
                         headers={"content-type": "application/json"})
        assert huge.status_code == 413 and "te groot" in huge.json()["detail"]
        webhook = http.post("/telegram/webhook", json={"update_id": 1})
        assert webhook.status_code == 403


def test_regions_search(client) -> None:
    data = client.get("/api/regions", params={"q": "Amster"}).json()
    codes = [m["code"] for m in data["matches"]]
    assert "GM0363" in codes
    assert data["matches"][codes.index("GM0363")] == {"code": "GM0363", "name": "Amsterdam",
                                                      "level": "gemeente"}
    assert client.get("/api/regions", params={"q": "PO2707"}).json()["matches"][0]["code"] \
        == "PO2707"


def test_indicator_values_with_comparison(client, real_services) -> None:
    response = client.get("/api/indicators/neet", params={"region": "Amsterdam",
                                                          "compare": "NL01"})
    assert response.status_code == 200, response.text
    data = response.json()
    engine = real_services.indicators
    year = engine.latest_year("neet")
    assert data["year"] == year and data["demo_data"] is True and data["source"]
    assert data["value"]["value"] == pytest.approx(engine.lookup("neet", "GM0363",
                                                                 year=year).value)
    assert data["compare"]["region"]["code"] == "NL01"
    assert data["compare"]["direction"] in ("hoger", "lager", "gelijk")
    unknown = client.get("/api/indicators/geluk", params={"region": "GM0363"})
    assert unknown.status_code == 404 and "ken ik niet" in unknown.json()["detail"]
    nowhere = client.get("/api/indicators/neet", params={"region": "Atlantis"})
    assert nowhere.status_code == 404


def test_direct_chart_png(client) -> None:
    response = client.get("/api/charts/indicator.png",
                          params={"indicator": "neet", "region": "GM0363", "compare": "NL01"})
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"\x89PNG")


def test_readyz_ok_and_503_when_a_part_breaks(client, real_services) -> None:
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["checks"] == {"startup": "ok", "data": "ok", "index": "ok",
                                      "store": "ok"}

    class BrokenStore:
        def __getattr__(self, name):
            if name in ("db", "state_store"):
                raise RuntimeError("database weg")
            return getattr(real_services, name)

    broken = create_app(BrokenStore(), real_services.settings)
    with TestClient(broken) as other:
        response = other.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["store"] != "ok" and body["checks"]["data"] == "ok"
    assert "database" in body["detail"]


def test_round_lifecycle(client) -> None:
    created = client.post("/api/rounds", json={"region": "PO2707", "title": "Test"})
    assert created.status_code == 201, created.text
    code, token = created.json()["code"], created.json()["admin_token"]
    joined = client.post(f"/api/rounds/{code}/join", json={"role": "gemeente"})
    assert joined.status_code == 200, joined.text
    again = client.post(f"/api/rounds/{code}/join", json={"role": "gemeente"})
    assert again.status_code == 409
    assert client.post(f"/api/rounds/{code}/join", json={"role": "astronaut"}).status_code == 422
    assert client.get(f"/api/rounds/{code}/status").status_code == 403
    wrong = client.get(f"/api/rounds/{code}/status", headers={"X-Admin-Token": "fout"})
    assert wrong.status_code == 403 and "beheertoken" in wrong.json()["detail"]
    status = client.get(f"/api/rounds/{code}/status", headers={"X-Admin-Token": token})
    assert status.status_code == 200 and status.json()["joined"] == 1
    early = client.get(f"/api/rounds/{code}/result")
    assert early.status_code == 409 and "loopt nog" in early.json()["detail"]
    assert client.get(f"/api/rounds/{code}/me").json()["answers"] == {}
    closed = client.post(f"/api/rounds/{code}/close", headers={"X-Admin-Token": token})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    result = client.get(f"/api/rounds/{code}/result")
    assert result.status_code == 200 and result.json()["respondents"] is None  # < min group
    assert code not in result.text
    assert client.get("/api/rounds/ONBEKEND/result").status_code == 404


def test_report_pdf_and_html(client) -> None:
    pdf = client.get("/api/reports/GM0363.pdf")
    assert pdf.status_code == 200, pdf.text[:300]
    assert pdf.content.startswith(b"%PDF") and "attachment" in pdf.headers["content-disposition"]
    html = client.get("/api/reports/GM0363.html")
    assert html.status_code == 200 and "Amsterdam" in html.text
    assert client.get("/api/reports/GM9999.pdf").status_code == 404


def test_feedback_stored_in_the_real_store(client, real_services) -> None:
    reply = client.post("/api/chat", json={"text": "Wat is het OOGO?"}).json()
    stored = client.post("/api/feedback", json={"answer_id": reply["answer_id"],
                                                "rating": "up"})
    assert stored.status_code == 200
    from sqlalchemy import text

    with real_services.db.connect() as connection:
        rows = connection.execute(text("SELECT rating FROM feedback WHERE answer_id = :a"),
                                  {"a": reply["answer_id"]}).all()
    assert [r[0] for r in rows] == ["up"]


def test_an_unknown_own_region_is_named_not_ignored(client) -> None:
    """A well-formed but unknown region code gets a Dutch 422 naming it; a known one becomes the
    conversation's own region, shown in the reply (read from the turn, not the store again)."""
    unknown = client.post("/api/chat", json={"text": "Hoe hoog is de NEET?", "region": "GM9999",
                                             "conversation_id": "regio-onbekend"})
    assert unknown.status_code == 422
    assert "GM9999 ken ik niet" in unknown.json()["detail"]
    known = client.post("/api/chat", json={"text": "Hoe hoog is de NEET?", "region": "gm0193",
                                           "conversation_id": "regio-bekend"})
    assert known.status_code == 200
    assert known.json()["profile_region"] == {"code": "GM0193", "name": "Zwolle",
                                              "level": "gemeente"}
    assert "Zwolle" in known.json()["text"]

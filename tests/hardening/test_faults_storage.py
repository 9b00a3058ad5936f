"""The database read-only or unreachable: clear Dutch messages, the rest keeps working, and the
service recovers without a restart once the fault is gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .faultenv import stoppable_postgres, switchable_disk
from .helpers import has_number
from .loadrun import SCAN_START, stored_answers

INDICATOR_Q = "Hoeveel procent van de jongeren in Amsterdam is NEET?"
KNOWLEDGE_Q = "Wie zit er aan tafel bij het OOGO?"
DUTCH_STORAGE_WORDS = ("opslag", "database", "bewaren", "niet beschikbaar")


def _chat(client: TestClient, text: str, conversation: str = "fault") -> dict:
    response = client.post("/api/chat", json={"text": text, "conversation_id": conversation})
    assert response.status_code in (200, 503), response.text
    data = response.json()
    if response.status_code == 503:
        data["text"] = data["detail"]
    assert "Traceback" not in data["text"] and "Error" not in data["text"]
    return data


def _still_answers(client: TestClient) -> None:
    """Indicator and knowledge questions do not need the database."""
    indicator = _chat(client, INDICATOR_Q, "other-1")
    assert indicator.get("facts") and has_number(indicator["text"]), indicator["text"]
    knowledge = _chat(client, KNOWLEDGE_Q, "other-2")
    assert knowledge.get("passages"), knowledge["text"]


def _scan_answer_refused(client: TestClient, value: str) -> None:
    reply = _chat(client, value)
    assert "Genoteerd" not in reply["text"]
    lowered = reply["text"].lower()
    assert any(word in lowered for word in DUTCH_STORAGE_WORDS), reply["text"]


def _answers(services) -> list:
    ids = [q.id for q in services.scan_definition.questions]
    return stored_answers(services.db, ids).get("fault")


def test_sqlite_read_only_disk_then_recovery(services_factory, tmp_path: Path) -> None:
    with switchable_disk(tmp_path / "dbdisk") as disk:
        services = services_factory(database_url=f"sqlite:///{disk.database}")
        with TestClient(create_app_for(services), raise_server_exceptions=False) as client:
            assert _chat(client, SCAN_START)["progress"]["current"] == 1
            assert "Genoteerd" in _chat(client, "4")["text"]
            disk.read_only()
            _scan_answer_refused(client, "5")
            _still_answers(client)
            disk.writable()
            reply = _chat(client, "5")
            assert "Genoteerd: helemaal eens" in reply["text"], reply["text"]
            assert reply["progress"]["current"] == 3
            assert client.get("/readyz").status_code == 200
        assert _answers(services) == [4, 5]


@pytest.mark.postgres
def test_postgres_stopped_then_restarted(services_factory) -> None:
    with stoppable_postgres() as server:
        services = services_factory(database_url=server.url)
        with TestClient(create_app_for(services), raise_server_exceptions=False) as client:
            assert _chat(client, SCAN_START)["progress"]["current"] == 1
            assert "Genoteerd" in _chat(client, "2")["text"]
            server.stop()
            ready = client.get("/readyz")
            assert ready.status_code == 503
            checks = ready.json()["checks"]
            assert checks["store"] != "ok" and "database" in checks["store"]
            assert checks["data"] == "ok" and checks["index"] == "ok"
            _scan_answer_refused(client, "3")
            _still_answers(client)
            server.start()  # no restart of the service: the pool reconnects
            reply = _chat(client, "3")
            assert "Genoteerd: neutraal" in reply["text"], reply["text"]
            assert client.get("/readyz").status_code == 200
        assert _answers(services) == [2, 3]


def create_app_for(services):
    from bot.channels.api.app import create_app

    return create_app(services, services.settings)

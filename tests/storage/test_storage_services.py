"""The composition root builds the storage parts lazily, on the data dir, migrated."""

from __future__ import annotations


def test_services_build_storage_and_regioscan(settings, data_dir):
    from bot.services import build_services

    services = build_services(settings)
    assert "db" not in services.__dict__  # nothing opened before first use
    services.state_store.save("c1", {"profile_region": "GM0363"})
    assert services.state_store.load("c1") == {"profile_region": "GM0363"}
    assert (data_dir / "oogo.sqlite3").exists()
    assert services.feedback_store.add("a1", "c1", "up") >= 1
    assert services.scan_definition.total == 16
    step = services.regioscan.start("c1", "u1")
    assert "Vraag 1 van 16" in step.text and services.regioscan.has_active_scan("c1")
    _, code, _ = services.regioscan.create_round("GM0363")  # checked against the registry
    assert services.round_store.by_code(code) is not None
    services.close()

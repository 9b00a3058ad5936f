"""The HTTP channel after a CBS import: ``/readyz`` and the page's config say which indicators are
real, the data endpoint gives each figure its own source, and real against demo is refused."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.channels.api.app import create_app

CBS_2023 = "CBS StatLine 85099NED (2024-10-31)"


@pytest.fixture(scope="module")
def cbs_client(tmp_path_factory):
    from bot.services import build_services
    from bot.settings import Settings
    from indicators.cbs.fetch import fetch
    from indicators.importer import import_file
    from indicators.registry import RegionRegistry
    from tests.support.fake_statline import FakeStatLine

    root = tmp_path_factory.mktemp("cbsweb")
    registry = RegionRegistry.load()
    server = FakeStatLine().start()
    try:
        fetch(root / "cbs.csv", registry, base_url=server.base_url)
    finally:
        server.stop()
    import_file(root / "cbs.csv", registry, root / "var")
    settings = Settings(data_dir=root / "var", _env_file=None, rate_limit_per_minute=100_000)
    services = build_services(settings)
    with TestClient(create_app(services, settings), raise_server_exceptions=False) as client:
        client.get("/")  # the session cookie, as the page gets it
        yield client
    services.close()


def test_readyz_and_the_page_config_name_the_real_indicators(cbs_client) -> None:
    ready = cbs_client.get("/readyz").json()  # the index may still be building: 503 is fine
    real = {(r["indicator"], r["category"]) for r in ready["cijfers"]["real"]}
    assert ("jeugdzorg", "totaal") in real and ("jeugdzorg", "jeugdreclassering") in real
    assert "jeugdzorg/vso" in ready["cijfers"]["demo_only"]
    assert "neet_rr/pro" in ready["cijfers"]["demo_only"]
    config = cbs_client.get("/api/chat/config").json()
    assert config["cijfers"]["text_nl"].startswith("Echte cijfers: jeugdzorg")
    assert "85099NED" in config["cijfers"]["text_nl"] and config["demo_data"] is True


def test_data_endpoint_gives_each_figure_its_own_source(cbs_client) -> None:
    real = cbs_client.get("/api/indicators/jeugdzorg", params={"region": "GM0363",
                                                              "year": 2023}).json()
    assert real["source"] == CBS_2023 and real["demo_data"] is False and "notice" not in real
    demo = cbs_client.get("/api/indicators/jeugdzorg", params={
        "region": "GM0363", "category": "vso", "year": 2023}).json()
    assert demo["demo_data"] is True and "notice" in demo
    mixed = cbs_client.get("/api/indicators/jeugdzorg", params={
        "region": "GM0363", "compare": "GM0014", "year": 2023})
    assert mixed.status_code == 409 and "vergelijk ik niet" in mixed.json()["detail"]

"""Fixtures for the channel tests: settings in a temp dir, a fake Bot API server, servers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# pytest puts tests/ first on sys.path (tests/conftest.py has no package), and tests/knowledge
# and tests/indicators are packages: without this, "import knowledge" could find the test
# package instead of the library. The repository root must win.
_ROOT = str(Path(__file__).resolve().parents[2])
if sys.path[0] != _ROOT:
    sys.path.insert(0, _ROOT)

from .fake_botapi import FakeBotApi, create_fake_app  # noqa: E402
from .servers import serve_in_thread  # noqa: E402

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"


@pytest.fixture(scope="session")
def fake_botapi() -> Iterator[tuple[FakeBotApi, str]]:
    """One fake Bot API server for the session; each test gets it reset."""
    api = FakeBotApi(TOKEN)
    with serve_in_thread(create_fake_app(api)) as url:
        yield api, url


@pytest.fixture
def botapi(fake_botapi: tuple[FakeBotApi, str]) -> tuple[FakeBotApi, str]:
    api, url = fake_botapi
    with api._lock:
        api.calls.clear()
        api.updates.clear()
        api.fail_next.clear()
    return api, url


@pytest.fixture
def channel_settings(tmp_path: Path):
    from bot.settings import Settings

    return Settings(data_dir=tmp_path / "var", _env_file=None)


@pytest.fixture(scope="session")
def real_services(tmp_path_factory):
    """The real composition root (core, data, index, SQLite store), index built once."""
    from bot.services import build_services
    from bot.settings import Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("real") / "var", _env_file=None,
                        rate_limit_per_minute=100_000)
    services = build_services(settings)
    services.knowledge.index()
    yield services
    services.close()


@pytest.fixture(scope="session")
def live_server(real_services) -> Iterator[str]:
    """A real uvicorn on 127.0.0.1 serving the real app."""
    from bot.channels.api.app import create_app

    with serve_in_thread(create_app(real_services, real_services.settings)) as url:
        yield url

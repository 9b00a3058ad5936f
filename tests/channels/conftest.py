"""Fixtures for the channel tests: settings in a temp dir, a fake Bot API server, servers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .fake_botapi import FakeBotApi, create_fake_app
from .servers import serve_in_thread

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

"""Fixtures for the hardening tests: real services in throwaway data dirs, a knowledge index
built once per session, and real servers on 127.0.0.1.

Why real parts: these tests prove how the service behaves under load and faults, which fakes
cannot show. Only the outside world (LLM provider, Telegram) is faked, by servers on 127.0.0.1.
Long runs (the full 16-answer load, the soak) only run with OOGO_LONG_TESTS=1.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .helpers import make_settings

ROOT = Path(__file__).resolve().parents[2]
# The project root goes first: `tests.channels` / `tests.support` helpers then import in every
# mode, and a test package named like a project package (tests/knowledge) cannot shadow it.
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))



@pytest.fixture(scope="session")
def index_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose knowledge index is built once; tests get copies of it."""
    from knowledge.service import KnowledgeBase

    path = tmp_path_factory.mktemp("index-template") / "var"
    KnowledgeBase.open(path).index()
    return path


@pytest.fixture
def data_dir(index_template: Path, tmp_path: Path) -> Path:
    """A fresh data dir with a ready knowledge index (a copy of the session's template)."""
    target = tmp_path / "var"
    shutil.copytree(index_template, target)
    return target


@pytest.fixture
def services_factory(data_dir: Path) -> Iterator[Any]:
    """Build real services (closed at the end) from settings overrides."""
    from bot.services import build_services

    built: list[Any] = []

    def build(**overrides: Any) -> Any:
        services = build_services(make_settings(overrides.pop("data_dir", data_dir), **overrides))
        built.append(services)
        return services

    yield build
    for services in built:
        services.close()


@pytest.fixture
def live_app() -> Iterator[Any]:
    """Serve ``create_app(services)`` with a real uvicorn in a thread; yields a starter."""
    from contextlib import ExitStack

    from bot.channels.api.app import create_app
    from tests.channels.servers import serve_in_thread

    stack = ExitStack()

    def start(services: Any) -> str:
        return stack.enter_context(serve_in_thread(create_app(services, services.settings)))

    with stack:
        yield start


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> str:
    """A fresh database on the session's throwaway PostgreSQL (tests/support/postgres.py)."""
    return request.getfixturevalue("postgres_url")


from tests.support.postgres import postgres_server, postgres_url  # noqa: E402,F401

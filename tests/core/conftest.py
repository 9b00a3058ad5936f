"""Fixtures of the conversation-core tests: one set of services per session (registry, engine
and knowledge index are built once in a temporary data dir), a fresh assistant per test."""

from __future__ import annotations

import itertools

import pytest

_ids = itertools.count()


@pytest.fixture(scope="session")
def core_services(tmp_path_factory):
    from bot.services import build_services
    from bot.settings import Settings

    data_dir = tmp_path_factory.mktemp("core-var")
    services = build_services(Settings(data_dir=data_dir, _env_file=None))
    services.registry  # noqa: B018 - build once for the session
    services.indicators  # noqa: B018
    yield services
    services.close()


@pytest.fixture(scope="session")
def shared_assistant(core_services):
    from bot.core.state import InMemoryStateStore
    from bot.services import build_assistant

    return build_assistant(core_services, store=InMemoryStateStore(), charts=False)


@pytest.fixture
def ask(shared_assistant):
    """ask(text, region=None, conv=None, choice=None) -> Reply, in a fresh conversation."""
    from bot.core.messages import IncomingMessage

    default = f"test-{next(_ids)}"

    def _ask(text: str = "", region: str | None = None, conv: str | None = None,
             choice: str | None = None):
        return shared_assistant.handle(IncomingMessage(
            channel="test", conversation_id=conv or default, user_id="tester", text=text,
            choice=choice, region=region))

    return _ask

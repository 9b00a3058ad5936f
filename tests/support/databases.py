"""Database fixtures shared by the storage and regioscan tests: every test that asks for
``engine`` runs once on a SQLite file and once on the throwaway PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.postgres import postgres_server, postgres_url  # noqa: F401 - fixtures in scope


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'oogo.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def engine(db_url: str):
    from bot.storage.db import make_engine, migrate

    engine = make_engine(db_url)
    migrate(engine)
    yield engine
    engine.dispose()

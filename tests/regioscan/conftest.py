"""Regioscan tests: service and durability tests run on SQLite and a throwaway PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from support.postgres import postgres_server, postgres_url  # noqa: E402, F401


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


@pytest.fixture(scope="session")
def definition():
    from bot.regioscan.definition import load_scan

    return load_scan()


@pytest.fixture
def service(engine, definition):
    from bot.regioscan.service import RegioscanService
    from bot.storage.stores import RoundStore, ScanStore

    return RegioscanService(definition, ScanStore(engine), RoundStore(engine),
                            region_exists=lambda code: code != "GM9999")

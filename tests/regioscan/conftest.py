"""Regioscan tests: service and durability tests run on SQLite and a throwaway PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from support.databases import db_url, engine, postgres_server, postgres_url  # noqa: E402, F401


@pytest.fixture(scope="session")
def definition():
    from bot.regioscan.definition import load_scan

    return load_scan()


@pytest.fixture
def service(engine, definition):  # noqa: F811 - engine is the shared fixture
    from bot.regioscan.service import RegioscanService
    from bot.storage.stores import RoundStore, ScanStore

    return RegioscanService(definition, ScanStore(engine), RoundStore(engine),
                            region_exists=lambda code: code != "GM9999")

"""Storage tests run against both backends: SQLite (WAL file) and a throwaway PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from support.databases import db_url, engine, postgres_server, postgres_url  # noqa: E402, F401

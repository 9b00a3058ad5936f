"""Insert-or-update for SQLite and PostgreSQL (both speak ON CONFLICT ... DO UPDATE)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection


def upsert(conn: Connection, table: Table, keys: dict[str, Any], values: dict[str, Any]) -> None:
    """Insert ``keys | values`` or, when a row with ``keys`` exists, update it with ``values``."""
    name = conn.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"database {name!r} wordt niet ondersteund")
    stmt = insert(table).values(**keys, **values)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_=values)
    conn.execute(stmt)

"""Insert-or-update for SQLite and PostgreSQL (both speak ON CONFLICT ... DO UPDATE)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection
    from sqlalchemy.sql.dml import Insert


def _dialect_insert(name: str) -> Any:
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"database {name!r} wordt niet ondersteund")
    return insert


@functools.cache
def upsert_statement(dialect: str, table: Table, keys: tuple[str, ...],
                     values: tuple[str, ...]) -> Insert:
    """The upsert of ``keys`` + ``values`` as a statement with one bound parameter per column,
    built once per table (a hot path writes it every turn; building it costs more than the
    write). Execute it with a dict of all those columns."""
    from sqlalchemy import bindparam

    stmt = _dialect_insert(dialect)(table).values(
        {name: bindparam(name, type_=table.c[name].type) for name in keys + values})
    return stmt.on_conflict_do_update(  # type: ignore[no-any-return]
        index_elements=list(keys), set_={name: stmt.excluded[name] for name in values})


def upsert(conn: Connection, table: Table, keys: dict[str, Any], values: dict[str, Any]) -> None:
    """Insert ``keys | values`` or, when a row with ``keys`` exists, update it with ``values``."""
    conn.execute(upsert_statement(conn.dialect.name, table, tuple(keys), tuple(values)),
                 {**keys, **values})

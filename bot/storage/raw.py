"""Plain DB-API statements for the store calls every chat turn makes.

Why: a chat turn reads its conversation state, asks whether a regioscan waits for an answer,
writes the state and appends the turn to the history. Through SQLAlchemy's ``Connection`` each
of those four statements cost 110-210 µs of CPU, about ten times what SQLite needs for it (the
connection wrapper, the execution context, the result object), and together they were a quarter
of the server's CPU per request (issue 18). Here the same statements run on the pooled DB-API
connection itself (``engine.raw_connection()``): still SQLAlchemy's pool, so the connect-time
pragmas, ``pool_pre_ping`` and the SQLite file guard (``bot.storage.sqlite_guard``) apply as
before, and errors become SQLAlchemy's ``DBAPIError`` so ``translate_errors`` maps them to the
same Dutch messages.

The statements are written once, in the SQL both backends speak (``ON CONFLICT ... DO UPDATE``,
``LIMIT``/``OFFSET``); only the placeholders and a JSON cast differ, and ``sql`` fills those in.
Values are bound as SQLAlchemy would bind them (the same timestamp text in SQLite, JSON text), so
rows written here and rows written through SQLAlchemy read back alike (tested on both backends).
Every other store call keeps SQLAlchemy: this module is for the hot path only.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.storage.relaxed import relaxed_engine, writer_lock

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

_PLACEHOLDER = re.compile(r"\?")
_JSON_PARAM = re.compile(r"\?json")


@functools.cache
def _sql_for(dialect: str, statement: str) -> str:
    if dialect == "postgresql":  # psycopg: %s placeholders, JSON text cast to the column type
        statement = _JSON_PARAM.sub("CAST(%s AS JSON)", statement.replace("%", "%%"))
        return _PLACEHOLDER.sub("%s", statement)
    return _JSON_PARAM.sub("?", statement)


def sql(engine: Engine, statement: str) -> str:
    """``statement`` (``?`` placeholders, ``?json`` for a JSON value) in ``engine``'s dialect."""
    return _sql_for(engine.dialect.name, statement)


@functools.cache
def _time_binder(dialect: str) -> Callable[[datetime], Any]:
    """How SQLAlchemy binds a ``DateTime(timezone=True)`` value on this dialect (SQLite: text in
    its own format; PostgreSQL: the value itself), so both paths store the same thing."""
    from sqlalchemy import DateTime
    from sqlalchemy.dialects import postgresql, sqlite

    dialect_obj = sqlite.dialect() if dialect == "sqlite" else postgresql.dialect()
    processor = DateTime(timezone=True).dialect_impl(dialect_obj).bind_processor(dialect_obj)
    return processor if processor is not None else (lambda value: value)


def bind_time(engine: Engine, value: datetime) -> Any:
    """``value`` as a parameter of a timestamp column (see ``_time_binder``)."""
    return _time_binder(engine.dialect.name)(value)


def loads(value: Any) -> Any:
    """A JSON column's value: SQLite returns the text, psycopg the decoded value."""
    return json.loads(value) if isinstance(value, (str, bytes)) else value


@contextlib.contextmanager
def _translated(engine: Engine, statement: str | None = None) -> Iterator[None]:
    """Raise a DB-API error as SQLAlchemy's ``DBAPIError`` (parameters hidden), which
    ``translate_errors`` turns into ``StorageUnavailable`` (and, for integrity, passes on)."""
    dbapi = engine.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as exc:
        from sqlalchemy.exc import DBAPIError

        raise DBAPIError.instance(statement, None, exc, dbapi.Error, hide_parameters=True,
                                  dialect=engine.dialect) from exc


@contextlib.contextmanager
def reading(engine: Engine) -> Iterator[Any]:
    """A DB-API cursor on a pooled connection of ``engine``, for reads."""
    with _translated(engine):
        connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        with _translated(engine):
            yield cursor
        cursor.close()
    finally:
        connection.close()  # back to the pool, which rolls back what is left open


@contextlib.contextmanager
def writing_relaxed(engine: Engine) -> Iterator[Any]:
    """A DB-API cursor in a transaction that commits without waiting for the disk (see
    ``bot.storage.relaxed``: the twin engine and its writer lock on a SQLite file,
    ``synchronous_commit = off`` on PostgreSQL). Committed when the block ends, rolled back when
    it raises."""
    twin = relaxed_engine(engine)
    lock = writer_lock(twin) if twin is not engine else contextlib.nullcontext()
    with lock:
        with _translated(twin):
            connection = twin.raw_connection()
        try:
            cursor = connection.cursor()
            with _translated(twin):
                if twin.dialect.name == "postgresql":
                    cursor.execute("SET LOCAL synchronous_commit = off")
                yield cursor
                connection.commit()
            cursor.close()
        except BaseException:
            with contextlib.suppress(Exception):
                connection.rollback()
            raise
        finally:
            connection.close()

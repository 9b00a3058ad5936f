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
import contextvars
import functools
import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson

from bot.storage import impatient
from bot.storage.relaxed import relaxed_engine, writer_lock
from bot.storage.sqlite_guard import still_valid

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

# the connections a ``held_connections`` block shares, per engine whose pool they came from
_HELD: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "oogo_held_connections", default=None)
# the relaxed writes a block has made and not yet committed: twin engine -> (connection, the
# twin's writer lock, held until the block commits)
_PENDING: contextvars.ContextVar[dict[Any, tuple[Any, Any]] | None] = contextvars.ContextVar(
    "oogo_pending_commits", default=None)
log = logging.getLogger(__name__)
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
    """A JSON column's value: SQLite returns the text, psycopg the decoded value. orjson reads
    it (a fifth of ``json``'s time for a conversation's state); ``json`` reads what orjson
    refuses, such as the ``NaN`` of a row written before NaN was stored as null."""
    if not isinstance(value, (str, bytes)):
        return value
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        return json.loads(value)


def _translate(engine: Engine, error: BaseException) -> None:
    """Raise a DB-API ``error`` as SQLAlchemy's ``DBAPIError`` (parameters hidden), which
    ``translate_errors`` turns into ``StorageUnavailable`` (and, for integrity, passes on);
    return for any other error, which the caller raises as it is."""
    dbapi_error = engine.dialect.loaded_dbapi.Error
    if not isinstance(error, dbapi_error):
        return
    from sqlalchemy.exc import DBAPIError

    impatient.check(error)  # busy on the loop before the turn wrote (see that module)
    raise DBAPIError.instance(None, None, error, dbapi_error, hide_parameters=True,
                              dialect=engine.dialect) from error


@contextlib.contextmanager
def held_connections() -> Iterator[None]:
    """Within the block, the store calls of this module on a SQLite file share one pooled
    connection (the relaxed twin's, see ``bot.storage.relaxed``), returned to the pool when the
    block ends, and the block's relaxed writes are committed together when it ends.

    Why: a chat turn makes four of these calls, and each checkout from the pool (with the file
    guard's ``stat``) and return (with its reset) cost more CPU than the statement itself (issue
    18); so did a second commit, and switching the connection's busy timeout off and on again
    around the first one (``bot.storage.impatient``). A read on the twin's connection sees what
    every other connection committed (a SELECT opens no transaction here) and what the block
    wrote. The block's first relaxed write takes the writer lock and SQLite's write lock and
    keeps both until the block commits, at its end: the conversation's state and its history
    line are kept in one transaction, before the turn's reply leaves (the route returns after
    the block). Not for PostgreSQL or an in-memory database (no twin): psycopg would hold a
    transaction open between the calls. For blocks that wait for nothing but this process (the
    turn on the event loop), so that a held connection and the write lock are never kept
    through a network wait; until the block commits its store calls do not wait for the write
    lock either (``bot.storage.impatient``: they raise ``WouldWait``, and what the block wrote
    is rolled back, so the turn can run again in a thread).
    """
    with _block(None):
        yield


@contextlib.contextmanager
def _block(kept: KeptConnections | None) -> Iterator[None]:
    if _HELD.get() is not None:  # nested: the outer block commits and returns them
        yield
        return
    held: dict[Any, Any] = {}
    pending: dict[Any, tuple[Any, Any]] = {}
    token, pending_token = _HELD.set(held), _PENDING.set(pending)
    try:
        with impatient.block():
            if kept is not None:
                held.update(kept.take())
            try:
                yield
            except impatient.WouldWait:
                _end_pending(pending, commit=False)
                raise
            except BaseException:
                _end_pending(pending, commit=True)  # kept, as a write that returned was before
                raise
            _end_pending(pending, commit=True)
    finally:
        _PENDING.reset(pending_token)
        _HELD.reset(token)
        for pool, connection in held.items():
            if kept is None or not kept.keep(pool, connection):
                with contextlib.suppress(Exception):
                    connection.close()


class KeptConnections:
    """The connections one event loop's blocks hold (``held_connections``), kept from one
    block to the next instead of going back to the pool.

    Why: a checkout from SQLAlchemy's pool and the return (with its reset) were about 4% of a
    chat turn's time (issue 18), and a loop's turns run one after another, so they can use one
    connection. What a checkout does for the connection is still done at every block: the file
    checks of ``sqlite_guard`` (a removed, replaced or read-only file drops it, and the next
    store call checks out a fresh one through the pool) and the busy timeout of
    ``impatient``. A connection is kept only when its block left no transaction open and its
    pool is still the engine's (``dispose`` makes a new pool: the old connection is let go).
    Used from the loop's thread only; ``close`` returns them (the app's shutdown, before the
    engines are disposed).
    """

    def __init__(self) -> None:
        self._kept: dict[Any, tuple[Any, Any]] = {}  # twin engine -> (connection, its pool)

    def block(self) -> contextlib.AbstractContextManager[None]:
        """A ``held_connections`` block that starts with the kept connections."""
        return _block(self)

    def take(self) -> dict[Any, Any]:
        """The kept connections that may still be used, checked as a checkout would."""
        usable: dict[Any, Any] = {}
        kept, self._kept = self._kept, {}
        for twin, (connection, pool) in kept.items():
            try:
                ok = twin.pool is pool and connection.is_valid
                if ok:  # not disposed or invalidated: the checkout's own checks
                    still_valid(connection.dbapi_connection, connection.info)
                    impatient.taken(connection.dbapi_connection, connection.info)
            except Exception:  # noqa: BLE001 - a checkout would have dropped it too
                ok = False
            if not ok:  # the next store call checks out a fresh one
                with contextlib.suppress(Exception):
                    connection.invalidate()
                with contextlib.suppress(Exception):
                    connection.close()
                continue
            usable[twin] = connection
        return usable

    def keep(self, twin: Any, connection: Any) -> bool:
        """Keep ``connection`` for the next block; False when it must go back to the pool."""
        try:
            if not connection.is_valid or connection.dbapi_connection.in_transaction:
                return False
        except Exception:  # noqa: BLE001 - a closed or broken connection goes back
            return False
        self._kept[twin] = (connection, twin.pool)
        return True

    def close(self) -> None:
        kept, self._kept = self._kept, {}
        for connection, _pool in kept.values():
            with contextlib.suppress(Exception):
                connection.close()


def _end_pending(pending: dict[Any, tuple[Any, Any]], commit: bool) -> None:
    """Commit (or roll back) the block's relaxed writes and let go of the writer locks. A
    failed commit is logged and rolled back, never raised: the reply is ready, and a store
    call that failed on its own was logged in the same way (the core and the route keep
    answering when the state or the history cannot be kept)."""
    for connection, lock in pending.values():
        try:
            kept = commit
            if kept:
                try:
                    connection.commit()
                except Exception:
                    log.error("the turn's state and history could not be committed",
                              exc_info=True)
                    kept = False
            if not kept:
                with contextlib.suppress(Exception):
                    connection.rollback()
        finally:
            lock.release()
    pending.clear()


def _checkout(engine: Engine, pool: Engine) -> tuple[Any, dict[Any, Any] | None]:
    """A pooled DB-API connection from ``pool`` (``engine`` or its relaxed twin), and the dict
    of the ``held_connections`` block that holds it (None: a checkout of its own, returned by
    ``_release``). In a block and on a twin, the block's connection (checked out on first use).

    Why functions and not nested context managers: a chat turn makes four store calls, and
    three generator-based context managers per call cost more than their statements (issue
    18). The one context manager of a call (``reading``, ``writing_relaxed``) does their work."""
    held = _HELD.get()
    if held is not None and pool is not engine:
        connection = held.get(pool)
        if connection is not None:
            return connection, held
    else:
        held = None
    try:
        connection = pool.raw_connection()
    except Exception as error:
        _translate(pool, error)
        raise
    if held is not None:
        held[pool] = connection
    return connection, held


def _release(pool: Engine, connection: Any, held: dict[Any, Any] | None, failed: bool) -> None:
    """The end of a store call: a checkout of its own goes back to the pool (which rolls back
    what is left open); a held connection stays with its block, unless the call failed: then it
    is returned at once and the block's next call checks out anew; but not while it carries
    the block's uncommitted writes (the pool's reset would roll them back): the block's end
    commits them and returns it."""
    if held is None:
        connection.close()
        return
    if failed:
        pending = _PENDING.get()
        if pending and any(carrier is connection for carrier, _ in pending.values()):
            return
        held.pop(pool, None)
        with contextlib.suppress(Exception):
            connection.close()


@contextlib.contextmanager
def reading(engine: Engine) -> Iterator[Any]:
    """A DB-API cursor on a pooled connection of ``engine`` (or, in a ``held_connections``
    block, the held one), for reads."""
    pool = relaxed_engine(engine) if _HELD.get() is not None else engine
    connection, held = _checkout(engine, pool)
    try:
        cursor = connection.cursor()
        try:
            yield cursor
        except Exception as error:
            _translate(pool, error)
            raise
        cursor.close()
    except BaseException:
        _release(pool, connection, held, failed=True)
        raise
    _release(pool, connection, held, failed=False)


@contextlib.contextmanager
def writing_relaxed(engine: Engine) -> Iterator[Any]:
    """A DB-API cursor in a transaction that commits without waiting for the disk (see
    ``bot.storage.relaxed``: the twin engine and its writer lock on a SQLite file,
    ``synchronous_commit = off`` on PostgreSQL). Committed when the block ends, rolled back when
    it raises; in a ``held_connections`` block on a SQLite file, committed with the block's
    other relaxed writes when the block ends (see there)."""
    twin = relaxed_engine(engine)
    pending = _PENDING.get()
    if pending is not None and twin is not engine:
        with _deferred(engine, twin, pending) as cursor:
            yield cursor
        return
    lock = writer_lock(twin) if twin is not engine else contextlib.nullcontext()
    with lock:
        connection, held = _checkout(engine, twin)
        try:
            cursor = connection.cursor()
            try:
                try:
                    if twin.dialect.name == "postgresql":
                        cursor.execute("SET LOCAL synchronous_commit = off")
                    yield cursor
                    connection.commit()
                except Exception as error:
                    _translate(twin, error)
                    raise
                impatient.wrote()
            except BaseException:
                with contextlib.suppress(Exception):
                    connection.rollback()
                raise
            finally:
                cursor.close()
        except BaseException:
            _release(twin, connection, held, failed=True)
            raise
        _release(twin, connection, held, failed=False)


@contextlib.contextmanager
def _deferred(engine: Engine, twin: Engine, pending: dict[Any, tuple[Any, Any]],
              ) -> Iterator[Any]:
    """A relaxed write in a block: on the block's connection, in the block's one transaction.
    The block's first write takes the writer lock (released when the block commits); if that
    first write fails, nothing of the block is pending and the lock is let go at once. A later
    write that fails leaves the earlier ones pending (SQLite undoes only the failed statement)."""
    entry = pending.get(twin)
    if entry is None:
        lock = writer_lock(twin)
        lock.acquire()
        try:
            connection, held = _checkout(engine, twin)
        except BaseException:
            lock.release()
            raise
    else:
        connection, lock = entry
    try:
        cursor = connection.cursor()
        try:
            yield cursor
        except Exception as error:
            _translate(twin, error)
            raise
        finally:
            cursor.close()
    except BaseException:
        if entry is None:  # the block's first write: nothing of it is kept
            with contextlib.suppress(Exception):
                connection.rollback()
            lock.release()
            _release(twin, connection, held, failed=True)
        raise
    if entry is None:
        pending[twin] = (connection, lock)

"""Engine factory and migrations: one place that knows SQLite and PostgreSQL apart.

SQLite is the embedded default. It runs in WAL mode (readers never block the writer), with
foreign keys on, a busy timeout (several processes may share the file) and ``synchronous=FULL``
so a committed answer survives a crash of the process or the machine. PostgreSQL gets
``pool_pre_ping`` so a restarted server does not surface as an error on the next request.

``migrate(engine)`` runs Alembic to head with a Config built in code (no alembic.ini). It is
idempotent and safe when several processes start at once: SQLite serialises on a lock file next
to the database, PostgreSQL on an advisory lock.

No user text reaches a log: both engines hide SQL parameters (``hide_parameters``), so an error
names the statement but never the comment, explanation or question it carried. Every store
method goes through ``translate_errors``, which also cleans its text arguments
(``bot.storage.text``) and, after a database error, drops the pooled connections so that a
fault that is gone (a disk writable again, a server back) does not stay stuck in a connection.
A SQLite file gets mode 0600 and is watched by ``bot.storage.sqlite_guard``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

from bot.storage.errors import StorageUnavailable
from bot.storage.text import clean_value

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HEAD_REVISION = "0003"  # newest file in migrations/versions (a test keeps them in step)
_PG_LOCK_KEY = 0x0060_0601  # any fixed 32-bit number; identifies "OOGO schema migration"
SQLITE_BUSY_TIMEOUT_MS = 15_000

P = ParamSpec("P")
T = TypeVar("T")


def make_engine(url: str, *, synchronous: str = "FULL") -> Engine:
    """Create the engine for ``url`` with the per-backend settings described above.

    ``synchronous`` is SQLite's commit durability for every connection of this engine; only
    ``bot.storage.relaxed`` asks for ``NORMAL`` (for its own engine on the same file).
    """
    if synchronous not in ("FULL", "NORMAL"):
        raise ValueError(f"synchronous={synchronous!r} is not supported")
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import StaticPool

    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    if parsed.drivername == "postgresql":  # psycopg 3 is the driver we ship, not psycopg2
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        in_memory = database in ("", ":memory:")
        kwargs: dict[str, Any] = {
            "connect_args": {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        }
        watched: Path | None = None
        if in_memory:
            kwargs["poolclass"] = StaticPool
        elif not database.startswith("file:"):  # plain path: a private file, watched
            from bot.storage.sqlite_guard import make_private

            watched = Path(database).resolve()
            make_private(watched)
        if not in_memory:
            # the connection used last comes back first: its page cache is still valid when
            # nobody else wrote since, where a rotation through the pool read every page of a
            # turn again (see ``pool_use_lifo`` below)
            kwargs["pool_use_lifo"] = True
        engine = create_engine(parsed, hide_parameters=True, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA synchronous={synchronous}")
            cursor.close()

        if watched is not None:
            from bot.storage import impatient
            from bot.storage.sqlite_guard import install

            install(engine, watched)
            impatient.install(engine, SQLITE_BUSY_TIMEOUT_MS)
        return engine
    return create_engine(parsed, pool_pre_ping=True, hide_parameters=True)


def translate_errors(func: Callable[P, T]) -> Callable[P, T]:
    """Turn 'database unreachable / read-only' into ``StorageUnavailable`` with a Dutch message.

    Integrity errors pass through: they mean a caller broke a rule (e.g. joining twice) and the
    caller turns them into its own message. Text arguments are cleaned first (no NUL, no lone
    surrogates), so what is stored is what PostgreSQL and SQLite both accept.
    """
    return _translating(func, clean=True)


def translate_errors_only(func: Callable[P, T]) -> Callable[P, T]:
    """``translate_errors`` without cleaning the arguments: for the chat turn's store calls,
    which clean while they encode (``bot.storage.text.dumps_storable``: one JSON pass, not two)."""
    return _translating(func, clean=False)


def _translating(func: Callable[P, T], *, clean: bool) -> Callable[P, T]:
    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        owner = args[0] if args else None
        if clean:
            cleaned = (owner, *(clean_value(a) for a in args[1:])) if args else ()
            options = {k: clean_value(v) for k, v in kwargs.items()}
        else:
            cleaned, options = args, kwargs
        try:
            return func(*cleaned, **options)
        except Exception as exc:  # SQLAlchemy's classes imported here: not on every call
            from sqlalchemy.exc import DBAPIError, IntegrityError

            if isinstance(exc, IntegrityError) or not isinstance(exc, DBAPIError):
                raise
            _unavailable(func.__qualname__, owner, exc)

    return wrapper


def _unavailable(name: str, owner: Any, exc: Any) -> NoReturn:
    """Raise ``StorageUnavailable`` for the database error ``exc`` of store call ``name``."""
    from bot.storage.impatient import check

    check(exc.orig)  # busy on the loop before the turn wrote: it runs again in a thread
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    log.error("database error in %s: %s", name, exc.__class__.__name__)
    _drop_connections(owner)
    if "readonly" in text or "read-only" in text or "read only" in text:
        raise StorageUnavailable(read_only=True) from exc
    raise StorageUnavailable() from exc


def _drop_connections(owner: Any) -> None:
    """Dispose the pool of the store (or engine) that failed: SQLite keeps a connection in a
    read-only state once the disk was read-only, so without this the fault outlives its cause."""
    from bot.storage.relaxed import dispose_relaxed

    engine = owner if hasattr(owner, "dispose") else getattr(owner, "engine", None)
    with contextlib.suppress(Exception):
        if engine is not None:
            engine.dispose()
            dispose_relaxed(engine)


@contextlib.contextmanager
def _migration_lock(engine: Engine, conn: Connection) -> Iterator[None]:
    """Serialise concurrent migrations across processes."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy import text

        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_KEY})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
        return
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    if database.startswith("file:"):  # SQLite URI filename: file:/path/db?mode=...
        database = database[len("file:"):].split("?", 1)[0]
    from bot.storage.sqlite_guard import file_lock, lock_path

    with file_lock(lock_path(Path(database))):
        yield


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    return config


def _quick_at_head(engine: Engine) -> bool:
    """Cheap check without importing Alembic: is alembic_version already at HEAD_REVISION?"""
    from sqlalchemy import text

    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # noqa: BLE001 - no table yet (fresh database): migrate
        return False
    return [r[0] for r in rows] == [HEAD_REVISION]


def _at_head(conn: Connection, config: Any) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    current = set(MigrationContext.configure(conn).get_current_heads())
    return current == set(ScriptDirectory.from_config(config).get_heads())


@translate_errors
def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (idempotent, concurrency-safe)."""
    if _quick_at_head(engine):
        return
    from alembic import command

    with engine.connect() as lock_conn, _migration_lock(engine, lock_conn):
        lock_conn.commit()
        with engine.begin() as conn:
            config = _alembic_config(conn)
            if _at_head(conn, config):
                return
            log.info("migrating database schema to head")
            command.upgrade(config, "head")

"""An empty SQLite database made at install by the real migrations, copied into a fresh data dir.

Why: a fresh data dir otherwise imports Alembic and runs every migration before the first
answer (about half a second of a start that should take under three). The template is the result
of exactly those migrations (``write_template``, run at install by ``python -m bot.install``),
named after the head revision, so a copy is the same database ``migrate`` would have made, and
``migrate`` then finds it at head with its quick check. No template, a template of another head,
an existing database file or a file system without hard links: nothing is copied and the
migrations run as before. PostgreSQL is never touched.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from bot.storage.db import HEAD_REVISION

log = logging.getLogger(__name__)

TEMPLATE = Path(__file__).with_name(f"empty-{HEAD_REVISION}.sqlite3")
SQLITE_FILE = "sqlite:///"


def copy_template(url: str, template: Path | None = None) -> bool:
    """Put a private copy of ``template`` (default ``TEMPLATE``, read at call time) at the
    SQLite file of ``url`` when there is no file there yet; True when it did. Atomic: the copy
    is written aside and hard-linked into place, so a second process starting at once keeps the
    first one's file."""
    template = TEMPLATE if template is None else template
    if not url.startswith(SQLITE_FILE) or url[len(SQLITE_FILE):].startswith("file:"):
        return False
    target = Path(url[len(SQLITE_FILE):])
    if not target.name or target.exists() or not template.is_file():
        return False
    aside = target.with_name(f".{target.name}.{os.getpid()}.template")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = template.read_bytes()
        descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.link(aside, target)
    except OSError as exc:  # FileExistsError (another process was first) included
        log.debug("database template not copied: %s", exc)
        return False
    finally:
        with contextlib.suppress(OSError):
            aside.unlink()
    return True


def write_template(path: Path = TEMPLATE) -> Path:
    """Run the migrations on a new file and keep it, checkpointed into one file, at ``path``."""
    from bot.storage.db import make_engine, migrate

    work = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    for leftover in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(f"{SQLITE_FILE}{work}")
    try:
        migrate(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    for extra in (Path(f"{work}-wal"), Path(f"{work}-shm"), Path(f"{work}.migrate.lock")):
        extra.unlink(missing_ok=True)
    work.chmod(0o644)  # empty schema only; read by the user the service runs as
    os.replace(work, path)
    return path

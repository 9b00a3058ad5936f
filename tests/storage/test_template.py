"""The empty database made at install (issue 18 item 1): a fresh data dir gets a copy instead
of running the migrations, and the copy is the database the migrations make."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def _schema(path: Path) -> tuple[list, list]:
    with sqlite3.connect(path) as conn:
        tables = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master "
                                     "WHERE name NOT LIKE 'sqlite_%'").fetchall())
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return tables, version


def test_the_copy_is_what_the_migrations_make(tmp_path: Path) -> None:
    from bot.storage.db import make_engine, migrate
    from bot.storage.template import copy_template, write_template

    template = write_template(tmp_path / "empty.sqlite3")
    assert template.stat().st_mode & 0o777 == 0o644
    migrated = tmp_path / "migrated.sqlite3"
    engine = make_engine(f"sqlite:///{migrated}")
    migrate(engine)
    engine.dispose()

    copied = tmp_path / "data" / "oogo.sqlite3"
    assert copy_template(f"sqlite:///{copied}", template)
    assert copied.stat().st_mode & 0o777 == 0o600  # answers will be stored in it
    assert _schema(copied) == _schema(migrated)
    assert not copy_template(f"sqlite:///{copied}", template)  # never over a database
    assert not [p for p in copied.parent.iterdir() if p.name.endswith(".template")]


def test_a_fresh_data_dir_starts_from_the_template_without_alembic(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command

    from bot.services import build_services
    from bot.settings import Settings
    from bot.storage import template

    monkeypatch.setattr(template, "TEMPLATE", template.write_template(tmp_path / "t.sqlite3"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("migrated although the template was at head")

    monkeypatch.setattr(command, "upgrade", refuse)
    services = build_services(Settings(data_dir=tmp_path / "var", _env_file=None))
    try:
        services.state_store.save("c1", {"probe": "ok"})
        assert services.state_store.load("c1") == {"probe": "ok"}
    finally:
        services.close()


def test_no_template_or_another_database_changes_nothing(tmp_path: Path) -> None:
    from bot.storage.template import copy_template

    assert not copy_template(f"sqlite:///{tmp_path / 'a.sqlite3'}", tmp_path / "none.sqlite3")
    assert not copy_template("postgresql://u@h/db", tmp_path / "none.sqlite3")
    assert not (tmp_path / "a.sqlite3").exists()

"""Issue 16, findings 4, 8 and 13: a store that breaks, and what lies around it in the data dir.

4. Deleting ``oogo.sqlite3`` (and -wal/-shm) while running: /readyz said 200 and a round created
   afterwards was acknowledged and gone after a restart. A data dir made read-only and writable
   again: every write stayed 503 until a restart. A read-only data dir at start: a silent
   fallback to memory. Now: the file is restored from the open connection, /readyz writes and
   reads the real store, a fault that is gone is gone without a restart, and a read-only start
   is a clear Dutch startup error.
8. Four processes creating the session secret at once: one got an empty secret in 128 of 300
   trials, and the file was chmod-ed only after it was written.
13. Data dir 0755 and oogo.sqlite3 0644: answers and feedback readable by everyone.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .faultenv import immutable
from .helpers import make_settings


def _app(services):
    from bot.channels.api.app import create_app

    return create_app(services, services.settings)


def _rounds(services) -> set[str]:
    from sqlalchemy import text

    with services.db.connect() as conn:
        return {r[0] for r in conn.execute(text("SELECT title FROM scan_rounds"))}


def test_deleted_database_file_is_restored_and_nothing_acknowledged_is_lost(
        services_factory, data_dir: Path) -> None:
    services = services_factory()
    with TestClient(_app(services)) as client:
        assert client.post("/api/rounds", json={"region": "GM0363", "title": "voor"}
                           ).status_code == 201
        for suffix in ("", "-wal", "-shm"):
            Path(f"{data_dir / 'oogo.sqlite3'}{suffix}").unlink(missing_ok=True)
        after = client.post("/api/rounds", json={"region": "GM0363", "title": "na"})
        assert after.status_code == 201
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"]["store"] == "ok"
    services.close()
    database = data_dir / "oogo.sqlite3"
    assert database.exists() and stat.S_IMODE(database.stat().st_mode) == 0o600
    restarted = services_factory()  # a new process's view: only what is on disk
    assert _rounds(restarted) == {"voor", "na"}


def test_read_only_disk_then_writable_recovers_without_restart(services_factory,
                                                             tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    services = services_factory(database_url=f"sqlite:///{disk / 'oogo.sqlite3'}")
    with TestClient(_app(services), raise_server_exceptions=False) as client:
        assert client.post("/api/feedback", json={"answer_id": "a1", "rating": "up"}
                           ).status_code == 200
        files = [disk / "oogo.sqlite3", disk / "oogo.sqlite3-wal", disk]
        with immutable(*files):
            for _ in range(3):  # new connections are made while the disk is read-only
                refused = client.post("/api/feedback", json={"answer_id": "a2", "rating": "up"})
                assert refused.status_code == 503 and "opslag" in refused.json()["detail"]
            assert "alleen-lezen" in refused.json()["detail"]  # the first one: "disk I/O"
            ready = client.get("/readyz")
            assert ready.status_code == 503 and "alleen-lezen" in ready.json()["checks"]["store"]
        back = client.post("/api/feedback", json={"answer_id": "a3", "rating": "down"})
        assert back.status_code == 200, back.text
        assert client.get("/readyz").status_code == 200


def test_read_only_data_dir_at_start_is_a_clear_error(tmp_path: Path) -> None:
    from bot.channels.api.app import create_app
    from bot.channels.api.startup import StartupError

    data_dir = tmp_path / "alleen-lezen"
    data_dir.mkdir()
    with immutable(data_dir), pytest.raises(StartupError) as info:
        create_app(settings=make_settings(data_dir))
    assert "kan niet worden beschreven" in str(info.value) and str(data_dir) in str(info.value)


def test_read_only_database_at_start_is_a_clear_error(tmp_path: Path) -> None:
    from bot.channels.api.app import create_app
    from bot.channels.api.startup import StartupError
    from bot.services import build_services

    data_dir = tmp_path / "var"
    settings = make_settings(data_dir)
    build_services(settings).state_store.save("x", {"a": 1})  # a database that exists
    files = [data_dir / "oogo.sqlite3", data_dir / "oogo.sqlite3-wal"]
    with immutable(*[f for f in files if f.exists()]):
        app = create_app(settings=settings)
        with pytest.raises(StartupError) as info, TestClient(app):
            pass
    assert "alleen-lezen" in str(info.value)


def test_serve_with_a_read_only_data_dir_stops_with_a_dutch_message(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    from tests.channels.servers import free_port

    env = {**os.environ, "OOGO_DATA_DIR": str(data_dir),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    with immutable(data_dir):
        done = subprocess.run(["oogo", "serve", "--port", str(free_port())],
                              env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "De datamap" in done.stderr and "kan niet worden beschreven" in done.stderr


def test_data_dir_and_database_files_are_private(services_factory, tmp_path: Path) -> None:
    data_dir = tmp_path / "nieuw"
    services = services_factory(data_dir=data_dir)
    services.state_store.save("c", {"a": 1})
    with TestClient(_app(services)) as client:
        client.get("/")
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for name in ("oogo.sqlite3", "oogo.sqlite3-wal", "oogo.sqlite3-shm", "session_secret"):
        path = data_dir / name
        assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600, name
    loose = tmp_path / "los"  # an existing data dir of an older version gets tightened
    loose.mkdir(mode=0o755)
    (loose / "oogo.sqlite3").touch(mode=0o644)
    services_factory(data_dir=loose).state_store.save("c", {"a": 1})
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700
    assert stat.S_IMODE((loose / "oogo.sqlite3").stat().st_mode) == 0o600


def _secret_worker(start, paths, results) -> None:
    from bot.channels.api.security import load_session_secret

    while True:
        path = paths.get()
        if path is None:
            return
        start.wait()
        try:
            secret = load_session_secret(None, Path(path))
            mode = stat.S_IMODE((Path(path) / "session_secret").stat().st_mode)
            results.put((secret, mode))
        except Exception as exc:  # reported, and fails the test
            results.put((repr(exc).encode(), -1))


def test_session_secret_race_between_four_processes(tmp_path: Path) -> None:
    trials, workers = 300, 4
    context = multiprocessing.get_context("fork")
    start = context.Barrier(workers)
    paths, results = context.Queue(), context.Queue()
    processes = [context.Process(target=_secret_worker, args=(start, paths, results))
                 for _ in range(workers)]
    for process in processes:
        process.start()
    try:
        bad = 0
        for trial in range(trials):
            directory = tmp_path / f"t{trial}"
            for _ in range(workers):
                paths.put(str(directory))
            seen = [results.get(timeout=30) for _ in range(workers)]
            secrets_ = {secret for secret, _ in seen}
            modes = {mode for _, mode in seen}
            if len(secrets_) != 1 or len(next(iter(secrets_))) < 32 or modes != {0o600}:
                bad += 1
    finally:
        for _ in processes:
            paths.put(None)
        for process in processes:
            process.join(timeout=10)
    assert bad == 0, f"{bad} of {trials} trials gave different, empty or readable secrets"

"""Switchable faults for the storage tests: a disk that turns read-only, a PostgreSQL server
that stops and starts again.

Why real faults: "the database is down" only means something when the driver sees what it sees
in production (a refused connection, a read-only file system), not an exception we raise
ourselves. Both need root (chattr) or the PostgreSQL binaries; without them the tests skip with
the reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class ReadOnlyDisk:
    """SQLite database files that can be made unwritable (immutable) and writable again.

    A read-only remount is refused while the database is open, so the database file and its
    write-ahead log get the immutable attribute instead: every write then fails the way it does
    on a read-only disk. The shared-memory file is left alone (making it immutable while it is
    mapped crashes the process with SIGBUS, which is not the fault we test).
    """

    path: Path
    database: Path

    def _files(self) -> list[str]:
        return [str(p) for p in (self.database, Path(f"{self.database}-wal")) if p.exists()]

    def read_only(self) -> None:
        subprocess.run(["chattr", "+i", *self._files()], check=True)

    def writable(self) -> None:
        subprocess.run(["chattr", "-i", *self._files()], check=True)


@contextmanager
def switchable_disk(path: Path) -> Iterator[ReadOnlyDisk]:
    """A directory for a SQLite file that can turn read-only (needs root and chattr)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("alleen-lezen database nabootsen vraagt root en chattr")
    probe = path / "probe"
    probe.touch()
    done = subprocess.run(["chattr", "+i", str(probe)], capture_output=True, text=True)
    subprocess.run(["chattr", "-i", str(probe)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"chattr werkt hier niet: {done.stderr.strip()}")
    disk = ReadOnlyDisk(path, path / "oogo.sqlite3")
    try:
        yield disk
    finally:
        subprocess.run(["chattr", "-i", *disk._files()], capture_output=True)


@dataclass
class StoppablePostgres:
    bindir: Path
    datadir: Path
    options: str
    logfile: Path
    url: str

    def _ctl(self, *args: str) -> None:
        from tests.support.postgres import _as_pg

        subprocess.run(_as_pg([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), *args]),
                       check=True, capture_output=True)

    def stop(self) -> None:
        self._ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._ctl("-o", self.options, "-l", str(self.logfile), "-w", "-t", "30", "start")


@contextmanager
def stoppable_postgres() -> Iterator[StoppablePostgres]:
    """A PostgreSQL server of its own (not the session's shared one), so it may be stopped."""
    from tests.support import postgres as pg

    pytest.importorskip("psycopg")
    bindir = pg.find_binaries()
    if bindir is None:
        pytest.skip("PostgreSQL-binaries (initdb, pg_ctl) niet gevonden")
    if os.geteuid() == 0:
        pg._ensure_user()
    root = Path(tempfile.mkdtemp(prefix="oogo-pg-fault-"))
    if os.geteuid() == 0:
        shutil.chown(root, pg.PG_USER, pg.PG_USER)
    datadir, logfile, port = root / "data", root / "server.log", pg._free_port()
    subprocess.run(pg._as_pg([str(bindir / "initdb"), "-D", str(datadir), "-U", pg.PG_USER,
                              "-A", "trust", "-E", "UTF8", "--no-locale"]),
                   check=True, capture_output=True)
    (datadir / "pg_hba.conf").write_text("host all all 127.0.0.1/32 trust\nlocal all all trust\n")
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} "
               "-c fsync=off")
    server = pg.PostgresServer("127.0.0.1", port, pg.PG_USER)
    control = StoppablePostgres(bindir, datadir, options, logfile, "")
    control.start()
    try:
        pg._wait_ready(server)
        control.url = server.create_database("oogo")
        yield control
    finally:
        subprocess.run(pg._as_pg([str(bindir / "pg_ctl"), "-D", str(datadir), "-m",
                                  "immediate", "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """Files or directories that nobody can change, root included (chattr +i): a read-only
    disk for exactly these paths. Skips without root or chattr."""
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("alleen-lezen nabootsen vraagt root en chattr")
    targets = [str(p) for p in paths]
    done = subprocess.run(["chattr", "+i", *targets], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"chattr werkt hier niet: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *targets], capture_output=True)


@dataclass
class StoppableChroma:
    """A ``chroma run`` server on a fixed port that can be stopped, paused, and started again
    on the same or a fresh (empty: a lost volume) data path."""

    port: int
    root: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, volume: str = "db") -> None:
        from .helpers import wait_until_up

        exe = shutil.which("chroma")
        if exe is None:
            pytest.skip("the 'chroma' command (package chromadb) is not installed")
        log = (self.root / f"{volume}.log").open("a")
        self.process = subprocess.Popen(
            [exe, "run", "--path", str(self.root / volume), "--port", str(self.port),
             "--host", "127.0.0.1"], stdout=log, stderr=subprocess.STDOUT)
        wait_until_up(f"{self.url}/api/v2/heartbeat", self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@contextmanager
def stoppable_chroma() -> Iterator[StoppableChroma]:
    from tests.channels.servers import free_port

    server = StoppableChroma(free_port(), Path(tempfile.mkdtemp(prefix="oogo-chroma-")))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)

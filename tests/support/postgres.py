"""A throwaway PostgreSQL server for the test session (offline, 127.0.0.1 only).

Import the fixtures into your own conftest.py::

    from support.postgres import postgres_server, postgres_url  # noqa: F401

``postgres_server`` (session scope) runs Debian's ``initdb``/``pg_ctl`` in a temporary
directory on a free port with trust authentication for 127.0.0.1, and stops and removes it at
the end. initdb refuses to run as root, so as root the server runs as the ``postgres`` system
user (created when missing). ``postgres_url`` (function scope) creates a fresh, empty database
per test and yields its SQLAlchemy URL (``postgresql+psycopg://...``).

Set ``OOGO_TEST_POSTGRES_URL`` to use an existing server instead (its database must allow
CREATE DATABASE). When no PostgreSQL binaries exist the tests are skipped with the reason;
``scripts/install-system.sh test`` installs them.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_USER = "postgres"


@dataclass
class PostgresServer:
    host: str
    port: int
    user: str
    admin_db: str = "postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host=self.host, port=self.port, user=self.user,
                             dbname=self.admin_db, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def find_binaries() -> Path | None:
    """The newest Debian PostgreSQL bin directory with initdb and pg_ctl, or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name)
                        if Path(p).parent.parent.name.isdigit() else 0)
    for initdb in reversed(candidates):
        bindir = Path(initdb).parent
        if (bindir / "pg_ctl").exists():
            return bindir
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ensure_user() -> None:
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", PG_USER], check=True)


def _as_pg(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", PG_USER, "--", *cmd]
    return ["su", PG_USER, "-s", "/bin/sh", "-c", " ".join(cmd)]


def _wait_ready(server: PostgresServer, timeout: float = 20.0) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(host=server.host, port=server.port, user=server.user,
                                 dbname=server.admin_db, connect_timeout=2):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throwaway PostgreSQL server for the whole session (or use OOGO_TEST_POSTGRES_URL)."""
    pytest.importorskip("psycopg", reason="psycopg (extra 'postgres') is not installed")
    external = os.environ.get("OOGO_TEST_POSTGRES_URL")
    if external:
        from sqlalchemy.engine import make_url

        url = make_url(external)
        yield PostgresServer(url.host or "127.0.0.1", url.port or 5432, url.username or PG_USER,
                             url.database or "postgres")
        return
    bindir = find_binaries()
    if bindir is None:
        pytest.skip("PostgreSQL-binaries (initdb, pg_ctl) niet gevonden; installeer ze met "
                    "scripts/install-system.sh test (Debian-pakket postgresql)")
    if os.geteuid() == 0:
        _ensure_user()
    root = Path(tempfile.mkdtemp(prefix="oogo-pg-"))
    datadir, logfile = root / "data", root / "server.log"
    if os.geteuid() == 0:
        shutil.chown(root, PG_USER, PG_USER)
    port = _free_port()
    subprocess.run(_as_pg([str(bindir / "initdb"), "-D", str(datadir), "-U", PG_USER,
                           "-A", "trust", "-E", "UTF8", "--no-locale"]),
                   check=True, capture_output=True)
    with open(datadir / "pg_hba.conf", "w") as hba:  # only 127.0.0.1, trust (throwaway server)
        hba.write("host all all 127.0.0.1/32 trust\nlocal all all trust\n")
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} "
               "-c fsync=off -c full_page_writes=off -c max_connections=60")
    started = subprocess.run(
        _as_pg([str(bindir / "pg_ctl"), "-D", str(datadir), "-o", options, "-l", str(logfile),
                "-w", "-t", "30", "start"]),
        capture_output=True, text=True,
    )
    if started.returncode != 0:
        log = logfile.read_text(errors="replace") if logfile.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n{log}")
    server = PostgresServer("127.0.0.1", port, PG_USER)
    try:
        _wait_ready(server)
        yield server
    finally:
        subprocess.run(_as_pg([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate",
                               "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh empty database on the throwaway server, as a SQLAlchemy URL."""
    return postgres_server.create_database()

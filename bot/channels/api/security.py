"""Access control and abuse limits for the HTTP channel.

Why here and not in a proxy: the assistant must be safe when run as a single ``oogo serve``
without any proxy in front of it, so API keys, signed session cookies, the client address
(proxy-aware, but only for proxies we were told to trust) and rate limits live in the app.
All secret comparisons are constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from pathlib import Path

from bot.settings import Secret

log = logging.getLogger(__name__)

SESSION_COOKIE = "oogo_session"
COORDINATOR_COOKIE = "oogo_coordinator"
COORDINATOR_HOURS = 8


def constant_time_equal(a: str, b: str) -> bool:
    """Compare two secrets without leaking where they differ."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def check_api_key(given: str | None, keys: list[Secret]) -> bool:
    """True when ``given`` equals one of the configured keys (every key is compared)."""
    if not given:
        return False
    ok = False
    for key in keys:
        ok |= constant_time_equal(given, key.get_secret_value())
    return ok


def key_fingerprint(key: str) -> str:
    """A short, non-reversible name for an API key, used as the integration's user id."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


SECRET_FILE = "session_secret"
MIN_SECRET_CHARS = 32


def load_session_secret(configured: Secret | None, data_dir: Path) -> bytes:
    """The cookie-signing secret: the configured one, or one generated once per data dir.

    Storing the generated secret in the data dir keeps sessions valid across restarts and
    across the workers of one installation (they share the data dir). It is written completely
    to a private temporary file (0600) first and then linked into place, which fails if the file
    already exists: so a worker either creates the whole secret or finds another worker's
    whole secret, never an empty or half-written one, and the file is never readable by others.
    """
    if configured is not None and configured.get_secret_value():
        return configured.get_secret_value().encode("utf-8")
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = data_dir / SECRET_FILE
    secret = _read_secret(path)
    if secret is None:
        _create_secret(path)
        secret = _read_secret(path)
    if secret is None:  # a damaged file from an old version: replace it under a lock
        secret = _replace_damaged_secret(path)
    return secret


def _read_secret(path: Path) -> bytes | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return text.encode("utf-8") if len(text) >= MIN_SECRET_CHARS else None


def _write_private(directory: Path, content: str) -> Path:
    """A new file with ``content`` and mode 0600 (created exclusively), flushed to disk."""
    temporary = directory / f".{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    return temporary


def _create_secret(path: Path) -> None:
    temporary = _write_private(path.parent, secrets.token_hex(32))
    try:
        os.link(temporary, path)  # atomic and exclusive: the first worker wins
    except FileExistsError:
        pass
    finally:
        temporary.unlink(missing_ok=True)


def _replace_damaged_secret(path: Path) -> bytes:
    import fcntl

    with (path.parent / f".{SECRET_FILE}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        secret = _read_secret(path)
        if secret is None:
            log.warning("session secret file was empty or damaged; writing a new one")
            os.replace(_write_private(path.parent, secrets.token_hex(32)), path)
            secret = _read_secret(path)
    if secret is None:  # pragma: no cover - the file system lies
        raise RuntimeError("session secret unreadable")
    return secret


class SessionSigner:
    """Signs and verifies session ids for the web page's cookie (HMAC-SHA256)."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, session_id: str) -> str:
        return hmac.new(self._secret, session_id.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def new(self) -> tuple[str, str]:
        """A fresh session id and its cookie value."""
        session_id = secrets.token_urlsafe(18)
        return session_id, f"{session_id}.{self._mac(session_id)}"

    def verify(self, cookie: str | None) -> str | None:
        """The session id in a valid cookie, else None."""
        if not cookie or "." not in cookie or len(cookie) > 200:
            return None
        session_id, _, mac = cookie.rpartition(".")
        if session_id and constant_time_equal(mac, self._mac(session_id)):
            return session_id
        return None

    def coordinator(self, fingerprint: str, now: float | None = None) -> str:
        """A coordinator login cookie for the API key with ``fingerprint``, valid for
        COORDINATOR_HOURS (signed separately from session cookies, so neither passes as the
        other)."""
        expires = int((now or time.time()) + COORDINATOR_HOURS * 3600)
        payload = f"{fingerprint}.{expires}"
        return f"{payload}.{self._mac('coordinator|' + payload)}"

    def verify_coordinator(self, cookie: str | None, now: float | None = None) -> str | None:
        """The key fingerprint of a valid, unexpired coordinator cookie, else None."""
        if not cookie or cookie.count(".") != 2 or len(cookie) > 200:
            return None
        fingerprint, expires, mac = cookie.split(".")
        if not constant_time_equal(mac, self._mac(f"coordinator|{fingerprint}.{expires}")):
            return None
        if not expires.isdigit() or int(expires) < (now or time.time()):
            return None
        return fingerprint


def client_address(peer: str | None, forwarded_for: str | None, trusted: list[str]) -> str:
    """The real client address: X-Forwarded-For is believed only from a trusted proxy.

    Walks the X-Forwarded-For chain from the right and returns the first hop that is not a
    trusted proxy, so a client cannot spoof its address by sending its own header.
    """
    address = peer or "unknown"
    if not forwarded_for or not is_trusted(address, trusted):
        return address
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, trusted):
            return hop
    return hops[0] if hops else address


def request_is_https(scheme: str, peer: str | None, forwarded_proto: str | None,
                     trusted: list[str]) -> bool:
    """True when the client used HTTPS: directly, or through a trusted proxy that says so in
    X-Forwarded-Proto (from anyone else that header is ignored)."""
    if scheme == "https":
        return True
    if not forwarded_proto or not is_trusted(peer or "unknown", trusted):
        return False
    return forwarded_proto.split(",")[0].strip().lower() == "https"


def cross_site(fetch_site: str | None, origin: str | None, own_origin: str) -> bool:
    """Does a browser say this request comes from another site? ``Sec-Fetch-Site`` decides
    when present (only same-origin and user-typed 'none' pass); otherwise a present ``Origin``
    must equal ours. No header at all is a non-browser client, which a victim cannot be."""
    if fetch_site:
        return fetch_site.strip().lower() not in ("same-origin", "none")
    if origin:
        return origin.strip().rstrip("/").lower() != own_origin.lower()
    return False


def is_trusted(address: str, trusted: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address in trusted
    for entry in trusted:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


class RateLimiter:
    """Token bucket per client: ``per_minute`` requests, refilled continuously.

    Kept in memory per process, so with several workers each worker allows the limit (documented
    in README under scaling out). The table of clients is bounded so that many addresses cannot
    exhaust memory.
    """

    def __init__(self, per_minute: int, max_clients: int = 10_000) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str, now: float | None = None) -> float:
        """Use one token; returns 0 when allowed, else the seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, stamp = self._buckets.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - stamp) * self.rate)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.rate
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            return wait

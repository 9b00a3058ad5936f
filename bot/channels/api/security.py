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
import secrets
import threading
import time
from collections import OrderedDict
from pathlib import Path

from pydantic import SecretStr

log = logging.getLogger(__name__)

SESSION_COOKIE = "oogo_session"


def constant_time_equal(a: str, b: str) -> bool:
    """Compare two secrets without leaking where they differ."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def check_api_key(given: str | None, keys: list[SecretStr]) -> bool:
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


def load_session_secret(configured: SecretStr | None, data_dir: Path) -> bytes:
    """The cookie-signing secret: the configured one, or one generated once per data dir.

    Storing the generated secret in the data dir keeps sessions valid across restarts and
    across the workers of one installation (they share the data dir).
    """
    if configured is not None and configured.get_secret_value():
        return configured.get_secret_value().encode("utf-8")
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "session_secret"
    if not path.exists():
        candidate = secrets.token_hex(32)
        try:
            with path.open("x", encoding="utf-8") as handle:  # first worker wins
                handle.write(candidate)
            path.chmod(0o600)
        except FileExistsError:
            pass
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


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


def client_address(peer: str | None, forwarded_for: str | None, trusted: list[str]) -> str:
    """The real client address: X-Forwarded-For is believed only from a trusted proxy.

    Walks the X-Forwarded-For chain from the right and returns the first hop that is not a
    trusted proxy, so a client cannot spoof its address by sending its own header.
    """
    address = peer or "unknown"
    if not forwarded_for or not _is_trusted(address, trusted):
        return address
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted):
            return hop
    return hops[0] if hops else address


def _is_trusted(address: str, trusted: list[str]) -> bool:
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

"""One typed settings object for the whole application.

Every knob is an environment variable with the prefix ``OOGO_`` (or a line in ``.env``), so a
deployment is configured without touching code. Secrets are ``Secret`` so they never end up in
logs or reprs. Building the settings validates them and fails fast with a readable message.

The environment is read here (``_environment``) as pydantic-settings read it before (names
without regard to case, the process environment over ``.env``, values given in code over both,
lists as JSON). The object is a plain dataclass with its own small validation, not a pydantic
model: every ``oogo`` command builds it, and importing pydantic (and building a model) was about a
sixth of a one-question ``oogo ask``. ``.env`` is parsed with python-dotenv only when the file
exists.
"""

from __future__ import annotations

import json
import os
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

PREFIX = "OOGO_"
ENV_FILE = Path(".env")


class Secret:
    """A value that must not be shown: its repr and str are masked, ``get_secret_value()`` gives
    it (the same interface as pydantic's ``SecretStr``, which the rest of the code used)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')" if self._value else "Secret('')"

    def __str__(self) -> str:
        return "**********" if self._value else ""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


class SettingsError(ValueError):
    """One or more settings do not fit; ``problems`` holds (variable, given value) pairs and
    ``str()`` a Dutch sentence that names them, for the CLI and the server's start."""

    def __init__(self, problems: list[tuple[str, object]], message: str | None = None) -> None:
        self.problems = problems
        text = message or "; ".join(
            _text("settings_bad_value", name=name, value=repr(str(value)[:60]))
            for name, value in problems
        )
        super().__init__(text)


def _text(template: str, /, **values: object) -> str:
    """A settings message from ``prompts/cli`` (Dutch: the CLI and the server's start show it)."""
    from prompts.loader import templates

    return templates("cli").render(template, "nl", **values)


def _setting(default: Any = None, doc: str = "", *, factory: Callable[[], Any] | None = None,
             low: float | None = None, high: float | None = None,
             above: float | None = None) -> Any:
    """A settings field: its default, what it is for (``doc``) and its bounds."""
    meta = {"doc": doc, "low": low, "high": high, "above": above}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(init=False)
class Settings:
    """Configuration of one OOGO-assistent installation (see README, section Configuratie).

    ``Settings()`` reads ``OOGO_*`` from the environment and ``.env``; keyword arguments win
    over both; ``_env_file=None`` (or another path) chooses the ``.env`` file. Unknown names are
    ignored; a value that does not fit raises ``SettingsError``."""

    data_dir: Path = _setting(Path("var"), "Directory for the database, index and caches.")
    database_url: str | None = _setting(
        None, "SQLAlchemy URL; default is a SQLite file in data_dir.")
    chroma_url: str | None = _setting(
        None, "URL of a Chroma server (http://host:8000); default: embedded Chroma.")
    embedding_model: str = _setting(
        "use-multilingual", "'use-multilingual' (offline default) or a sentence-transformers "
        "name/path.")
    use_threads: int = _setting(1, "BLAS threads of the offline embedding model.", low=1, high=64)
    indicator_data: Path | None = _setting(
        None, "Extra indicator CSV (long format) imported with 'oogo data import'.")
    llm: str | None = _setting(None, "Optional LangChain model as provider:model.")
    llm_timeout: float = _setting(8.0, "Seconds before an LLM answer is dropped.", above=0)
    api_keys: list[Secret] = _setting(
        doc="API keys for integrations (X-API-Key header).", factory=list)
    session_secret: Secret | None = _setting(
        None, "Secret to sign web session cookies; generated per data dir if unset.")
    telegram_token: Secret | None = _setting(None, "Telegram bot token.")
    telegram_webhook_secret: Secret | None = _setting(
        None, "Secret token Telegram sends in X-Telegram-Bot-Api-Secret-Token.")
    telegram_base_url: str | None = _setting(
        None, "Bot API base URL (only for tests or a local Bot API server).")
    host: str = _setting("127.0.0.1", "Address 'oogo serve' binds to.")
    port: int = _setting(8000, "Port 'oogo serve' listens on.", low=1, high=65535)
    workers: int = _setting(1, "uvicorn worker processes.", low=1, high=64)
    max_message_chars: int = _setting(4000, "Longest chat message accepted.", low=100)
    max_body_bytes: int = _setting(64_000, "Largest HTTP request body.", low=1_000)
    rate_limit_per_minute: int = _setting(120, "Requests per client per minute.", low=1)
    trusted_proxies: list[str] = _setting(
        doc="Proxies whose X-Forwarded-For is trusted for the client address.",
        factory=lambda: ["127.0.0.1"])
    log_level: str = _setting("INFO", "Log level (DEBUG, INFO, WARNING, ERROR).")

    def __init__(self, _env_file: Path | str | None = ENV_FILE, **values: Any) -> None:
        given = {**_environment(_env_file), **values}
        problems: list[tuple[str, object]] = []
        for spec in fields(self):
            if spec.name in given:
                raw = given[spec.name]
                try:
                    value = _coerce(_types()[spec.name], raw, spec.metadata)
                except (TypeError, ValueError):
                    problems.append((PREFIX + spec.name.upper(), raw))
                    continue
            elif spec.default_factory is not MISSING:
                value = spec.default_factory()
            else:
                value = spec.default
            setattr(self, spec.name, value)
        if problems:
            raise SettingsError(problems)
        if self.llm and ":" not in self.llm:
            raise SettingsError([("OOGO_LLM", self.llm)], _text("settings_llm_form"))
        self.llm = self.llm or None

    @property
    def resolved_database_url(self) -> str:
        """The database URL in use: the configured one or a SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'oogo.sqlite3').resolve()}"

    def ensure_data_dir(self) -> Path:
        """Create the data directory on first use (never at import time), private to the user
        that runs the service (0700): it holds answers, feedback and the session secret. A
        directory we own that group or others may read is tightened."""
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            status = self.data_dir.stat()
            if status.st_mode & 0o077 and status.st_uid == os.getuid():
                self.data_dir.chmod(0o700)
        except OSError:  # a read-only mount: the startup check reports it clearly
            pass
        return self.data_dir


@cache
def _types() -> dict[str, Any]:
    """The resolved annotation of every field (the module uses postponed annotations)."""
    return typing.get_type_hints(Settings, globalns={"Secret": Secret, "Path": Path})


def _coerce(kind: Any, raw: Any, meta: Mapping[str, Any]) -> Any:
    """``raw`` (a string from the environment, or a value given in code) as ``kind``, within the
    field's bounds; ``TypeError``/``ValueError`` when it does not fit."""
    args = typing.get_args(kind)
    if type(None) in args:  # X | None
        if raw is None:
            return None
        kind = next(a for a in args if a is not type(None))
    if typing.get_origin(kind) is list:
        (item,) = typing.get_args(kind)
        if isinstance(raw, (str, bytes)) or not isinstance(raw, (list, tuple, set)):
            raise TypeError("a list is needed")
        return [_coerce(item, one, {}) for one in raw]
    if kind is Secret:
        if isinstance(raw, Secret):
            return raw
        if not isinstance(raw, str):
            raise TypeError("a text is needed")
        return Secret(raw)
    if kind is Path:
        if not isinstance(raw, (str, os.PathLike)):
            raise TypeError("a path is needed")
        return Path(raw)
    if kind is str:
        if not isinstance(raw, str):
            raise TypeError("a text is needed")
        return raw
    if kind is int or kind is float:
        if isinstance(raw, bool):
            raise TypeError("a number is needed")
        number = kind(raw.strip()) if isinstance(raw, str) else kind(raw)
        if kind is int and isinstance(raw, float) and raw != number:
            raise ValueError("a whole number is needed")
        _check_bounds(number, meta)
        return number
    raise TypeError(f"no conversion for {kind!r}")


def _check_bounds(number: float, meta: Mapping[str, Any]) -> None:
    low, high, above = meta.get("low"), meta.get("high"), meta.get("above")
    if (low is not None and number < low) or (high is not None and number > high) or (
            above is not None and number <= above):
        raise ValueError("out of range")


def _environment(env_file: Path | str | None) -> dict[str, Any]:
    """The ``OOGO_*`` values of ``env_file`` and of the process environment (which wins)."""
    found: dict[str, Any] = {}
    if env_file is not None and Path(env_file).is_file():
        from dotenv import dotenv_values

        found.update(_ours(dotenv_values(env_file, encoding="utf-8")))
    found.update(_ours(os.environ))
    return found


def _ours(variables: Mapping[str, str | None]) -> dict[str, Any]:
    """Field name -> value for the variables that name a field (any case); a list field's value
    is JSON (``OOGO_API_KEYS='["a", "b"]'``), as with pydantic-settings."""
    out: dict[str, Any] = {}
    kinds = _types()
    for key, value in variables.items():
        if value is None or key[:len(PREFIX)].upper() != PREFIX:
            continue
        name = key[len(PREFIX):].lower()
        kind = kinds.get(name)
        if kind is None:
            continue
        if typing.get_origin(kind) is list:
            try:
                out[name] = json.loads(value)
            except ValueError:
                raise SettingsError([(key, value)],
                                    _text("settings_json_list", name=key)) from None
        else:
            out[name] = value
    return out

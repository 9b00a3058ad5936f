"""One typed settings object for the whole application.

Every knob is an environment variable with the prefix ``OOGO_`` (or a line in ``.env``), so a
deployment is configured without touching code. Secrets are ``SecretStr`` so they never end up in
logs or reprs. Building the settings validates them and fails fast with a readable message.

The environment is read here (``_environment``) as pydantic-settings read it before (names
without regard to case, the process environment over ``.env``, values given in code over both,
lists as JSON), on a plain pydantic model: importing pydantic-settings (and the asyncio and dotenv
it loads) was a sixth of a one-question ``oogo ask``. ``.env`` is parsed with python-dotenv only
when the file exists.
"""

from __future__ import annotations

import json
import os
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from prompts.loader import templates

PREFIX = "OOGO_"
ENV_FILE = Path(".env")


class Settings(BaseModel):
    """Configuration of one OOGO-assistent installation (see README, section Configuratie).

    ``Settings()`` reads ``OOGO_*`` from the environment and ``.env``; keyword arguments win
    over both; ``_env_file=None`` (or another path) chooses the ``.env`` file."""

    model_config = ConfigDict(extra="ignore")

    def __init__(self, _env_file: Path | str | None = ENV_FILE, **values: Any) -> None:
        super().__init__(**{**_environment(_env_file), **values})

    data_dir: Path = Field(Path("var"), description="Directory for the database, index and caches.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default is a SQLite file in data_dir."
    )
    chroma_url: str | None = Field(
        None, description="URL of a Chroma server (http://host:8000); default: embedded Chroma."
    )
    embedding_model: str = Field(
        "use-multilingual",
        description="'use-multilingual' (offline default) or a sentence-transformers name/path.",
    )
    use_threads: int = Field(
        1, ge=1, le=64, description="BLAS threads of the offline embedding model."
    )
    indicator_data: Path | None = Field(
        None, description="Extra indicator CSV (long format) imported with 'oogo data import'."
    )
    llm: str | None = Field(None, description="Optional LangChain model as provider:model.")
    llm_timeout: float = Field(8.0, gt=0, description="Seconds before an LLM answer is dropped.")
    api_keys: list[SecretStr] = Field(
        default_factory=list, description="API keys for integrations (X-API-Key header)."
    )
    session_secret: SecretStr | None = Field(
        None, description="Secret to sign web session cookies; generated per data dir if unset."
    )
    telegram_token: SecretStr | None = Field(None, description="Telegram bot token.")
    telegram_webhook_secret: SecretStr | None = Field(
        None, description="Secret token Telegram sends in X-Telegram-Bot-Api-Secret-Token."
    )
    telegram_base_url: str | None = Field(
        None, description="Bot API base URL (only for tests or a local Bot API server)."
    )
    host: str = Field("127.0.0.1", description="Address 'oogo serve' binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port 'oogo serve' listens on.")
    workers: int = Field(1, ge=1, le=64, description="uvicorn worker processes.")
    max_message_chars: int = Field(4000, ge=100, description="Longest chat message accepted.")
    max_body_bytes: int = Field(64_000, ge=1_000, description="Largest HTTP request body.")
    rate_limit_per_minute: int = Field(120, ge=1, description="Requests per client per minute.")
    trusted_proxies: list[str] = Field(
        default_factory=lambda: ["127.0.0.1"],
        description="Proxies whose X-Forwarded-For is trusted for the client address.",
    )
    log_level: str = Field("INFO", description="Log level (DEBUG, INFO, WARNING, ERROR).")

    @field_validator("llm")
    @classmethod
    def _llm_has_provider(cls, value: str | None) -> str | None:
        if value and ":" not in value:
            raise ValueError(templates("cli").render("settings_llm_form"))
        return value or None

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


def _environment(env_file: Path | str | None) -> dict[str, Any]:
    """The ``OOGO_*`` values of ``env_file`` and of the process environment (which wins)."""
    found: dict[str, Any] = {}
    if env_file is not None and Path(env_file).is_file():
        from dotenv import dotenv_values

        found.update(_ours(dotenv_values(env_file, encoding="utf-8")))
    found.update(_ours(os.environ))
    return found


def _ours(variables: typing.Mapping[str, str | None]) -> dict[str, Any]:
    """Field name -> value for the variables that name a field (any case); a list field's value
    is JSON (``OOGO_API_KEYS='["a", "b"]'``), as with pydantic-settings."""
    out: dict[str, Any] = {}
    fields = Settings.model_fields
    for key, value in variables.items():
        if value is None or key[:len(PREFIX)].upper() != PREFIX:
            continue
        name = key[len(PREFIX):].lower()
        field = fields.get(name)
        if field is None:
            continue
        if typing.get_origin(field.annotation) in (list, set, tuple, dict):
            try:
                out[name] = json.loads(value)
            except ValueError:
                raise ValueError(templates("cli").render("settings_json_list", name=key)) from None
        else:
            out[name] = value
    return out

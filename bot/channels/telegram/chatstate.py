"""What the Telegram channel remembers per chat, kept in the conversation state store.

Why the store and not python-telegram-bot's ``chat_data``: with webhook workers each process has
its own ``chat_data``, and a restart empties it, so "Deventer" typed after ``/start`` on another
worker (or after a restart) was not taken as the region. The store is the same SQL store the core
uses (``services.state_store``), so every worker and every restart sees the same flags.

The channel's state lives under its own conversation id (``tg-chat:<chat id>``, key
``telegram``), never inside the core's row: the core re-reads and rewrites its own row each turn,
and a channel writing into that row from another worker could undo the core's save.

Kept: ``awaiting_region`` (the next text answers "which region?"), ``language`` (that of the
latest reply: the channel's own sentences follow it) and ``tokens`` (button values too long for
Telegram's 64-byte callback data, by token). Tokens are a hash of the value, so two
workers that make a token for the same value make the same one; a save is read back and
repeated when a concurrent save from another worker dropped a token.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

KEY = "telegram"
MAX_TOKENS = 200
SAVE_ATTEMPTS = 3


def conversation_key(chat_id: int | str) -> str:
    return f"tg-chat:{chat_id}"


def token_for(value: str) -> str:
    """A short, stable token for a long button value (12 URL-safe characters)."""
    digest = hashlib.sha256(value.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest)[:12].decode("ascii")


@dataclass(slots=True)
class ChatState:
    """The channel's memory of one chat."""

    awaiting_region: bool = False
    tokens: dict[str, str] = field(default_factory=dict)  # oldest first
    language: str = "nl"

    def to_dict(self) -> dict[str, Any]:
        # a list of pairs keeps the order in JSON columns that do not keep key order (jsonb)
        return {"awaiting_region": self.awaiting_region, "language": self.language,
                "tokens": [[t, v] for t, v in self.tokens.items()]}

    @classmethod
    def from_dict(cls, data: Any) -> ChatState:
        """Tolerant: anything unreadable is an empty state, never an error."""
        if not isinstance(data, dict):
            return cls()
        tokens: dict[str, str] = {}
        for pair in data.get("tokens") or []:
            if isinstance(pair, list | tuple) and len(pair) == 2 and all(
                    isinstance(x, str) for x in pair):
                tokens[pair[0]] = pair[1]
        language = "en" if data.get("language") == "en" else "nl"
        return cls(awaiting_region=data.get("awaiting_region") is True, tokens=tokens,
                   language=language)


class ChatStore:
    """Load and save ``ChatState`` in a ``StateStore`` (synchronous; call it in a thread)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def load(self, chat_id: int | str) -> ChatState:
        try:
            raw = self.store.load(conversation_key(chat_id)) or {}
        except Exception:  # noqa: BLE001 - a store hiccup must not stop the answer
            log.warning("could not load the telegram state of a chat", exc_info=True)
            return ChatState()
        return ChatState.from_dict(raw.get(KEY))

    def save(self, chat_id: int | str, state: ChatState) -> None:
        try:
            self.store.save(conversation_key(chat_id), {KEY: state.to_dict()})
        except Exception:  # noqa: BLE001
            log.error("could not save the telegram state of a chat", exc_info=True)

    def set_awaiting(self, chat_id: int | str, awaiting: bool) -> None:
        state = self.load(chat_id)
        if state.awaiting_region != awaiting:
            state.awaiting_region = awaiting
            self.save(chat_id, state)

    def take_awaiting(self, chat_id: int | str) -> bool:
        """Whether the chat was waiting for a region; the flag is cleared (used once)."""
        state = self.load(chat_id)
        if not state.awaiting_region:
            return False
        state.awaiting_region = False
        self.save(chat_id, state)
        return True

    def language(self, chat_id: int | str) -> str:
        """The language of the chat's latest reply ("nl" before the first)."""
        return self.load(chat_id).language

    def remember_language(self, chat_id: int | str, language: str) -> None:
        """Keep the latest reply's language (saved only when it changed)."""
        language = "en" if language == "en" else "nl"
        state = self.load(chat_id)
        if state.language != language:
            state.language = language
            self.save(chat_id, state)

    def add_tokens(self, chat_id: int | str, new: dict[str, str]) -> None:
        """Remember ``new`` tokens; read back and merge again if another worker's save won."""
        if not new:
            return
        for _ in range(SAVE_ATTEMPTS):
            state = self.load(chat_id)
            for token, value in new.items():
                state.tokens.pop(token, None)
                state.tokens[token] = value
            while len(state.tokens) > MAX_TOKENS:
                state.tokens.pop(next(iter(state.tokens)))
            self.save(chat_id, state)
            if all(self.load(chat_id).tokens.get(t) == v for t, v in new.items()):
                return
        log.warning("button tokens of a chat could not be saved after %d attempts",
                    SAVE_ATTEMPTS)

    def value_of(self, chat_id: int | str, token: str) -> str | None:
        return self.load(chat_id).tokens.get(token)


def chat_store(application: Any) -> ChatStore:
    """The application's ``ChatStore``: on the services' state store, or in memory when the
    services have none (a test double)."""
    store = application.bot_data.get("chat_store")
    if store is None:
        services = application.bot_data["services"]
        try:
            backend = services.state_store
        except Exception:  # noqa: BLE001 - no database: this process only
            from bot.core.state import InMemoryStateStore

            log.warning("no state store: telegram chat state is kept in this process only")
            backend = InMemoryStateStore()
        store = application.bot_data["chat_store"] = ChatStore(backend)
    return store

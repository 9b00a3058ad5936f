"""What the web page needs to know about a conversation besides the reply itself.

The chosen region (the conversation's profile, so a region set by typing "mijn regio is Zwolle"
shows in the header too), whether a regioscan is under way (for the "verder" banner), and the
turns as they were shown (history after a reload, export). Everything is looked up by the
caller-scoped conversation id that ``deps.Caller.conversation`` builds, never by an id a client
sent as such.

The outcome of a submitted regioscan (``Reply.scan_result``) and the offer of the preparation
document (``Reply.documents``) come from the core itself.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)


def user_of(caller: Any) -> str:
    """The user id the chat gives the core (and the regioscan stores) for this caller."""
    return f"{caller.kind}:{caller.user_id}"


def profile_region(services: Services, conversation_id: str) -> dict[str, str] | None:
    """The conversation's own region as ``{code, name, level}``, or None (read from the state;
    after a turn the reply carries it already, see ``region_ref``)."""
    from bot.core.assistant import STATE_KEY
    from bot.core.state import ConversationState

    try:
        raw = services.state_store.load(conversation_id) or {}
        code = ConversationState.from_dict(raw.get(STATE_KEY)).profile_region
    except Exception:  # noqa: BLE001 - no region is better than no page
        log.warning("profile region of a conversation could not be read", exc_info=True)
        return None
    return region_ref(services, code)


def region_ref(services: Services, code: str | None) -> dict[str, str] | None:
    """``{code, name, level}`` of a region code, or None (unknown code or none at all)."""
    if not code:
        return None
    try:
        region = services.registry.get(code)
    except Exception:  # noqa: BLE001 - no region is better than no page
        log.warning("profile region %r could not be resolved", code, exc_info=True)
        return None
    return {"code": region.code, "name": region.name, "level": region.level}


def scan_status(services: Services, conversation_id: str) -> dict[str, Any] | None:
    """The unfinished regioscan of this conversation: active or paused, how far, or None."""
    from bot.regioscan.model import ScanState

    try:
        service = services.regioscan
        record = service.scans.latest_for_conversation(conversation_id, ("active", "paused"))
    except Exception:  # noqa: BLE001 - storage trouble: the banner is left out, not the page
        log.warning("scan status could not be read", exc_info=True)
        return None
    if record is None:
        return None
    state = ScanState.from_dict(record.state)
    total = service.definition.total
    active = record.status == "active" and state.phase in ("asking", "confirm", "offer")
    return {"status": "active" if active else "paused", "answered": state.answered,
            "total": total, "current": min(state.index + 1, total),
            "round": record.round_id is not None}


def stored_reply(data: dict[str, Any]) -> dict[str, Any]:
    """The reply JSON as it is kept in the turn store (no per-request fields)."""
    return {k: v for k, v in data.items() if k not in ("conversation_id", "profile_region",
                                                         "scan")}


def history(services: Services, conversation_id: str) -> dict[str, Any]:
    """The turns of a conversation and what the header and banner need."""
    turns = services.turn_store.turns(conversation_id)
    return {
        "turns": [{"user": t.user_text, "reply": t.reply,
                   "at": t.created_at.isoformat() if t.created_at else None} for t in turns],
        "profile_region": profile_region(services, conversation_id),
        "scan": scan_status(services, conversation_id),
    }

"""What the web page needs to know about a conversation besides the reply itself.

The chosen region (the conversation's profile, so a region set by typing "mijn regio is Zwolle"
shows in the header too), whether a regioscan is under way (for the "verder" banner), and the
turns as they were shown (history after a reload, export). Everything is looked up by the
caller-scoped conversation id that ``deps.Caller.conversation`` builds, never by an id a client
sent as such.

``attach_scan_result`` and ``attach_report_offer`` bridge a gap until the core fills
``Reply.scan_result`` and ``Reply.documents`` itself: when a scan was just submitted and the reply
carries no outcome, the outcome of the submitted scan is added (the same computation the core and
the CLI use); an OOGO-points answer without a document offer gets its region's report. Both do
nothing once the core provides these.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.core.messages import DocumentOffer, Reply

log = logging.getLogger(__name__)

SCAN_RESULT_FORMATS = ["pdf", "md"]


def user_of(caller: Any) -> str:
    """The user id the chat gives the core (and the regioscan stores) for this caller."""
    return f"{caller.kind}:{caller.user_id}"


def profile_region(services: Any, conversation_id: str) -> dict[str, str] | None:
    """The conversation's own region as ``{code, name, level}``, or None."""
    from bot.core.assistant import STATE_KEY
    from bot.core.state import ConversationState

    try:
        raw = services.state_store.load(conversation_id) or {}
        code = ConversationState.from_dict(raw.get(STATE_KEY)).profile_region
        if not code:
            return None
        region = services.registry.get(code)
    except Exception:  # noqa: BLE001 - no region is better than no page
        log.warning("profile region of a conversation could not be read", exc_info=True)
        return None
    return {"code": region.code, "name": region.name, "level": region.level}


def scan_status(services: Any, conversation_id: str) -> dict[str, Any] | None:
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


def attach_scan_result(services: Any, conversation_id: str, reply: Reply) -> None:
    """Add the submitted scan's outcome and its download to a regioscan reply that lacks them."""
    if reply.intent != "regioscan" or reply.scan_result is not None:
        return
    if not reply.debug.get("scan_done"):
        return
    try:
        service = services.regioscan
        record = service.scans.latest_for_conversation(conversation_id, ("submitted",))
        if record is None:
            return
        language = record.state.get("language", reply.language)
        outcome = service.outcome_of(service.scans.answers(record.id), language)
    except Exception:  # noqa: BLE001 - the text answer still stands
        log.warning("outcome of a submitted scan could not be read", exc_info=True)
        return
    reply.scan_result = {"kind": "own", "ref": str(record.id), **outcome.to_dict()}
    if not any(d.kind == "scan_result" for d in reply.documents):
        label = "Your regional scan result" if language == "en" else "Je uitslag van de regioscan"
        reply.documents.append(DocumentOffer(kind="scan_result", label=label,
                                             formats=list(SCAN_RESULT_FORMATS),
                                             ref=str(record.id)))


def attach_report_offer(reply: Reply) -> None:
    """Offer the preparation document of the region an OOGO-points answer is about, unless the
    core already offers it (the points and the document come from the same ``bot.oogo``)."""
    if reply.intent != "oogo" or any(d.kind == "report" for d in reply.documents):
        return
    region = next((r for r in reply.regions if r.level != "land"), None)
    if region is None:
        return
    label = (f"Preparation document for {region.name}" if reply.language == "en"
             else f"Voorbereidingsdocument {region.name}")
    reply.documents.append(DocumentOffer(kind="report", label=label, region=region.code))


def stored_reply(data: dict[str, Any]) -> dict[str, Any]:
    """The reply JSON as it is kept in the turn store (no per-request fields)."""
    return {k: v for k, v in data.items() if k not in ("conversation_id", "profile_region",
                                                         "scan")}


def history(services: Any, conversation_id: str) -> dict[str, Any]:
    """The turns of a conversation and what the header and banner need."""
    turns = services.turn_store.turns(conversation_id)
    return {
        "turns": [{"user": t.user_text, "reply": t.reply,
                   "at": t.created_at.isoformat() if t.created_at else None} for t in turns],
        "profile_region": profile_region(services, conversation_id),
        "scan": scan_status(services, conversation_id),
    }

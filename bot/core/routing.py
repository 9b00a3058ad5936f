"""The turn types that are not a fresh question: profile, regioscan, clarification answers,
"waarom?" and OOGO discussion points.

They live apart from ``assistant`` so the assistant reads as the routing table it is. Each
function works on the conversation state it is given and returns a ``Reply``; outside parts
(the regioscan service, the OOGO points generator) are reached through ``services`` and a missing
or failing part gives a clear Dutch message instead of an error.
"""

from __future__ import annotations

import inspect
import logging
import re
from typing import Any

from bot.core.answers.evidence import region_refs
from bot.core.answers.format import fmt_counts, fmt_value
from bot.core.answers.labels import category_label
from bot.core.answers.provenance import demo_notices
from bot.core.messages import Button, Fact, IncomingMessage, Passage, Progress, Reply
from bot.core.state import ConversationState
from bot.core.understanding.model import Understanding
from bot.core.understanding.normalize import fold
from bot.core.understanding.regions import scan_regions
from bot.core.understanding.resolve import resolve_name
from prompts.loader import templates

logger = logging.getLogger(__name__)


# -- profile ------------------------------------------------------------------------------
def apply_profile(registry: Any, state: ConversationState, region: str) -> bool:
    """Set the profile region from a code or name (``--region``); False when unknown."""
    code, candidates, _ = resolve_name(registry, region)
    if code:
        state.profile_region = code
        return True
    logger.info("profile region %r not recognised (candidates: %s)", region, candidates)
    return False


# -- regioscan ----------------------------------------------------------------------------
def _scan_service(services: Any) -> Any | None:
    try:
        return services.regioscan
    except Exception:  # noqa: BLE001 - not installed or not configured
        logger.warning("regioscan service unavailable", exc_info=True)
        return None


def scan_is_active(services: Any, msg: IncomingMessage) -> bool:
    """True while this conversation is inside a regioscan (messages go to the scan)."""
    if "regioscan" not in services.__dict__ and not _scan_ever_started(services):
        return False
    service = _scan_service(services)
    if service is None or not hasattr(service, "has_active_scan"):
        return False
    try:
        return bool(_call(service.has_active_scan, conversation_id=msg.conversation_id,
                          user_id=msg.user_id))
    except Exception:  # noqa: BLE001
        logger.warning("has_active_scan failed", exc_info=True)
        # storage down: a bare scale answer ("4", "eens") or a scan button still belongs to the
        # scan, so the user hears that it cannot be saved instead of "daar kan ik niet mee helpen"
        return _looks_like_scan_input(msg)


def _looks_like_scan_input(msg: IncomingMessage) -> bool:
    from bot.regioscan.parsing import ParsedAnswer, parse_answer

    if (msg.choice or "").startswith(("rs:", "scan:")):
        return True
    text = (msg.text or "").strip()
    return len(text) <= 30 and isinstance(parse_answer(text), ParsedAnswer)


def _scan_ever_started(services: Any) -> bool:
    # building the scan service opens the database; only do it when a database is configured
    # or already open, so a plain question never pays for it
    return "db" in services.__dict__


def _call(func: Any, **kwargs: Any) -> Any:
    """Call ``func`` with the keyword arguments it accepts (positional-only tolerant)."""
    params = inspect.signature(func).parameters
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return func(**kwargs)
    accepted = {k: v for k, v in kwargs.items() if k in params}
    return func(**accepted)


def regioscan_reply(services: Any, msg: IncomingMessage, state: ConversationState, text: str,
                    choice: str | None, command: str | None = None) -> Reply:
    """Hand the message to the regioscan and translate its step into a ``Reply``."""
    lang = state.language or "nl"
    service = _scan_service(services)
    if service is None:
        return Reply(text=templates().render("regioscan_unavailable", lang), intent="regioscan",
                     language=lang)
    kwargs = dict(conversation_id=msg.conversation_id, user_id=msg.user_id or
                  msg.conversation_id, text=text or None, choice=choice, language=lang,
                  region=state.profile_region, channel=msg.channel)
    try:
        if command == "start" and hasattr(service, "start"):
            kwargs.update(_invitation(text))
            step = _call(service.start, **kwargs)
        elif command == "stop" and not _active(service, msg):
            return Reply(text=templates().render("regioscan_stopped", lang), intent="regioscan",
                         language=lang)
        else:
            step = _call(service.handle, **kwargs)
    except Exception as exc:  # noqa: BLE001
        logger.exception("regioscan step failed")
        # StorageUnavailable carries a clear Dutch message (read-only, unreachable, nothing lost)
        message = getattr(exc, "message", None) if lang == "nl" else None
        return Reply(text=message or templates().render("regioscan_unavailable", lang),
                     intent="regioscan", language=lang)
    progress = getattr(step, "progress", None)
    buttons = [Button(label=b.label, value=b.value) for b in getattr(step, "buttons", ()) or ()]
    return Reply(
        text=step.text,
        intent="regioscan",
        buttons=buttons,
        progress=Progress(progress.current, progress.total, getattr(progress, "theme", ""))
        if progress else None,
        language=lang,
        debug={"scan_active": bool(getattr(step, "active", False)),
               "scan_done": bool(getattr(step, "done", False))},
    )


_TYPED_CODE = re.compile(r"\b([A-HJKMNP-Z2-9]{8})\b")
_CODE_AFTER_WORD = re.compile(r"\b(?:code|invite|uitnodiging)\s*:?\s*([A-Za-z2-9]{8})\b", re.I)
_ROLE_AFTER_ALS = re.compile(r"\b(?:als|as)\s+([a-z/() ]{3,30}?)\s*[.!?]*$", re.I)


def _invitation(text: str) -> dict[str, str]:
    """An invitation code (and role) typed with the start of a scan, e.g. "regioscan met code
    K7QX3MPA als jeugdhulp": the scan then starts inside that regional round."""
    from bot.regioscan.rounds import INVITE_ALPHABET, normalise_code, parse_role

    found = _CODE_AFTER_WORD.search(text or "") or _TYPED_CODE.search(text or "")
    if not found:
        return {}
    code = normalise_code(found.group(1))
    if any(ch not in INVITE_ALPHABET for ch in code):
        return {}
    result = {"round_code": code}
    role_match = _ROLE_AFTER_ALS.search(text or "")
    role = parse_role(role_match.group(1)) if role_match else None
    if role:
        result["role"] = role
    return result


def _active(service: Any, msg: IncomingMessage) -> bool:
    try:
        return bool(_call(service.has_active_scan, conversation_id=msg.conversation_id,
                          user_id=msg.user_id))
    except Exception:  # noqa: BLE001
        return False


# -- clarification ------------------------------------------------------------------------
def complete_clarification(registry: Any, state: ConversationState, text: str,
                           choice: str | None) -> tuple[str, str | None] | None:
    """If this message answers the pending question, return (question to answer, profile).

    A region choice is written into the original question in place of the unclear name, so the
    original question is answered as if it had been clear. Anything else drops the pending
    question and is handled as a new one.
    """
    pending = state.pending
    if pending is None:
        return None
    picked = _picked_region(registry, pending.options, text, choice)
    if pending.slot in ("ambiguous", "unknown") and picked:
        state.pending = None
        question = _replace_mention(pending.question, pending.mention, picked)
        return question, None
    if pending.slot == "need_region" and picked is None and len(fold(text).split()) <= 6:
        picked = _single_region(registry, text or choice or "")
    if pending.slot == "need_region" and picked:
        state.pending = None
        state.profile_region = picked
        return pending.question, picked
    if pending.slot == "need_indicator" and (text or choice) and len(fold(text).split()) <= 6:
        state.pending = None
        return f"{text or choice} {pending.question}", None
    state.pending = None
    return None


def _picked_region(registry: Any, options: list[str], text: str,
                   choice: str | None) -> str | None:
    for value in (choice, text):
        if not value:
            continue
        upper = value.strip().upper()
        if upper in options:
            return upper
        found = scan_regions(value, registry).mentions
        codes = [c for m in found for c in m.codes if c in options]
        if len(codes) == 1:
            return codes[0]
        folded = fold(value)
        for code in options:  # "Bergen (NH.)", "de eerste"
            try:
                region = registry.get(code)
            except Exception:  # noqa: BLE001
                continue
            if fold(region.name) == folded or fold(f"{region.name} ({region.province})") == folded:
                return code
    return None


def _single_region(registry: Any, text: str) -> str | None:
    mentions = scan_regions(text, registry).mentions
    if len(mentions) == 1 and len(mentions[0].codes) == 1:
        return mentions[0].codes[0]
    code, _, _ = resolve_name(registry, text)
    return code


def _replace_mention(question: str, mention: str, code: str) -> str:
    if mention:
        idx = fold(question).find(fold(mention))
        if idx >= 0 and len(fold(question)) == len(question):
            return question[:idx] + code + question[idx + len(mention):]
    return f"{question} {code}"


# -- "waarom?" ----------------------------------------------------------------------------
def answer_why(services: Any, state: ConversationState, lang: str) -> Reply:
    """Explain the previous answer from its stored evidence (facts, passages, slot origins)."""
    t = templates()
    evidence = state.last_evidence or {}
    facts = [Fact(**{k: v for k, v in f.items()}) for f in evidence.get("facts", [])]
    passages = evidence.get("passages", [])
    if not facts and not passages:
        return Reply(text=t.render("why_none", lang), intent="explain", language=lang)
    lines = []
    registry = services.registry
    for fact in facts:
        name = _name(registry, fact.region, lang)
        value = fmt_value(fact, lang) + fmt_counts(fact, lang)
        lines.append(f"- {fact.indicator}, {category_label(fact.category, lang)}, {name}, "
                     f"{fact.year}: {value}")
    for passage in passages:
        lines.append(f"- {passage['source']} — {passage['heading']}")
    origins = evidence.get("slots", {})
    if origins:
        said = ", ".join(f"{k}: {v}" for k, v in origins.items())
        lines.append(("(herkomst van de onderdelen van de vraag: " if lang == "nl"
                      else "(where the parts of the question came from: ") + said + ")")
    text = t.render("why", lang, basis="\n" + "\n".join(lines))
    demo = any(f.demo for f in facts)
    return Reply(text=text, intent="explain", facts=facts,
                 notices=demo_notices(registry, facts, lang),
                 passages=[Passage(source=p["source"], title=p["heading"], text="",
                                   heading=p["heading"]) for p in passages],
                 regions=region_refs(registry, [f.region for f in facts]), demo_data=demo,
                 language=lang)


def _name(registry: Any, code: str, lang: str) -> str:
    from bot.core.answers.evidence import region_name

    return region_name(registry, code, lang)


# -- OOGO discussion points ---------------------------------------------------------------
def answer_oogo(services: Any, u: Understanding, state: ConversationState, kb: Any,
                conversation_id: str | None = None) -> Reply:
    """Discussion points for the region (bot.oogo), or typical topics plus notable figures.
    The regioscan this conversation completed enters the points (only this conversation's own)."""
    from bot.core.answers.knowledge import search_passages
    from bot.core.answers.oogo import fallback_oogo, points_reply
    from bot.oogo.own_scan import own_scan_of

    lang = u.language
    region = (u.regions or [None])[0] or state.profile_region
    if region:
        own = own_scan_of(services, conversation_id, lang) if conversation_id else None
        reply = points_reply(services, region, lang, u.query, own_scan=own)
        if reply is not None:
            return reply
    passages = search_passages(kb, "typische onderwerpen agenda OOGO bespreekpunten")
    return fallback_oogo(services, region, lang, passages)

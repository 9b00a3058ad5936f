"""The regioscan turns of the conversation: start, resume, answer, show the outcome again, and
the reminder after an aside.

The regioscan never traps a user: a message during a scan that is not an answer is answered as
any other message, and the reply then repeats the open statement with one line on how to go on
(``remind``). A missing or failing regioscan gives a clear Dutch message, never an error.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.core.messages import Button, DocumentOffer, IncomingMessage, Notice, Progress, Reply
from bot.core.ports import Regioscan, ScanOutcome, ScanReply
from bot.regioscan.parsing import ParsedAnswer, parse_answer
from bot.regioscan.rounds import RoundError
from prompts.loader import templates

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.routing import Ctx

logger = logging.getLogger(__name__)
# the forms a regioscan outcome can be downloaded in (the web's /api/scan-result.{pdf,md})
SCAN_RESULT_FORMATS = ("pdf", "md")


def is_active(regioscan: Regioscan | None, msg: IncomingMessage) -> bool:
    """True while this conversation's scan waits for an answer."""
    if regioscan is None:
        return False
    try:
        return regioscan.has_active_scan(msg.conversation_id)
    except Exception:  # noqa: BLE001 - storage down: a bare scale answer still belongs to it
        logger.warning("has_active_scan failed", exc_info=True)
        return _looks_like_scan_input(msg)


def _looks_like_scan_input(msg: IncomingMessage) -> bool:
    if (msg.choice or "").startswith(("rs:", "scan:")):
        return True
    text = (msg.text or "").strip()
    return len(text) <= 30 and isinstance(parse_answer(text), ParsedAnswer)


def owns_choice(regioscan: Regioscan | None, choice: str | None) -> bool:
    return regioscan is not None and bool(choice) and regioscan.owns_choice(choice)


def _step_reply(step: ScanReply, lang: str) -> Reply:
    progress = step.progress
    return Reply(
        text=step.text, intent="regioscan",
        buttons=[Button(label=b.label, value=b.value) for b in step.buttons],
        progress=Progress(progress.current, progress.total, progress.theme)
        if progress else None,
        language=lang,
        debug={"scan_active": bool(step.active), "scan_done": bool(step.done)},
    )


def _failed(exc: Exception, lang: str) -> Reply:
    """A round rule or the storage said no: its own Dutch message, nothing changed."""
    logger.info("regioscan step refused: %s", exc)
    if isinstance(exc, RoundError):  # a rule of rounds: said in the user's language
        return Reply(text=exc.in_language(lang), intent="regioscan", language=lang)
    message = getattr(exc, "message", None) if lang == "nl" else None
    return Reply(text=message or templates().render("regioscan_unavailable", lang),
                 intent="regioscan", language=lang)


def _unavailable(lang: str) -> Reply:
    return Reply(text=templates().render("regioscan_unavailable", lang), intent="regioscan",
                 language=lang)


def start_turn(ctx: Ctx) -> Reply:
    """Start a personal scan, or (with an invitation code) the scan inside a regional round."""
    if ctx.regioscan is None:
        return _unavailable(ctx.lang)
    try:
        step = ctx.regioscan.start(ctx.msg.conversation_id, _user(ctx.msg),
                                   round_code=ctx.u.round_code, role=ctx.u.role,
                                   language=ctx.lang)
    except Exception as exc:  # noqa: BLE001 - RoundError / StorageUnavailable carry a message
        return _failed(exc, ctx.lang)
    return _step_reply(step, ctx.lang)


def resume_turn(ctx: Ctx) -> Reply:
    return _handle(ctx, "verder", None)


def answer_turn(ctx: Ctx) -> Reply:
    if ctx.regioscan is None:
        return _unavailable(ctx.lang)
    if ctx.u.scan_command == "stop" and not is_active(ctx.regioscan, ctx.msg):
        return Reply(text=templates().render("regioscan_stopped", ctx.lang),
                     intent="regioscan", language=ctx.lang)
    return _handle(ctx, ctx.text, None)


def choice_turn(regioscan: Regioscan, msg: IncomingMessage, lang: str) -> Reply:
    """A pressed regioscan button (it goes to the scan even when the scan is paused)."""
    try:
        step = regioscan.handle(msg.conversation_id, _user(msg), text=None, choice=msg.choice,
                                language=lang)
    except Exception as exc:  # noqa: BLE001
        return _failed(exc, lang)
    return _with_outcome(_step_reply(step, lang), step, regioscan, msg, lang)


def _handle(ctx: Ctx, text: str | None, choice: str | None) -> Reply:
    if ctx.regioscan is None:
        return _unavailable(ctx.lang)
    try:
        step = ctx.regioscan.handle(ctx.msg.conversation_id, _user(ctx.msg), text=text or None,
                                    choice=choice, language=ctx.lang)
    except Exception as exc:  # noqa: BLE001
        return _failed(exc, ctx.lang)
    return _with_outcome(_step_reply(step, ctx.lang), step, ctx.regioscan, ctx.msg, ctx.lang)


def _with_outcome(reply: Reply, step: ScanReply, regioscan: Regioscan, msg: IncomingMessage,
                  lang: str) -> Reply:
    """A step that submitted the scan carries its outcome (``scan_result``) and the download,
    as "mijn uitslag" does; the text answer stands when the outcome cannot be read."""
    if not step.done:
        return reply
    try:
        outcome = regioscan.own_outcome(msg.conversation_id, _user(msg), lang)
    except Exception:  # noqa: BLE001
        logger.warning("own outcome after submitting could not be read", exc_info=True)
        return reply
    if outcome is not None:
        reply.scan_result, reply.documents = _outcome_parts(outcome, lang)
        # the outcome now travels as data; the text keeps only what precedes it ("Dank je
        # wel!"), so a channel that draws the result does not show it twice
        body = reply.text.rstrip()
        if outcome.text.strip() and body.endswith(outcome.text.strip()):
            reply.text = body[: -len(outcome.text.strip())].rstrip()
    return reply


def result_turn(ctx: Ctx) -> Reply:
    """The user's own outcome again (or a round's result, for its own respondents)."""
    lang = ctx.lang
    if ctx.regioscan is None:
        return _unavailable(lang)
    try:
        outcome = ctx.regioscan.own_outcome(ctx.msg.conversation_id, _user(ctx.msg), lang,
                                            round_code=ctx.u.round_code)
    except Exception as exc:  # noqa: BLE001
        return _failed(exc, lang)
    if outcome is None:
        key = "scan_result_round_none" if ctx.u.round_code else "scan_result_none"
        return Reply(text=templates().render(key, lang), intent="regioscan", language=lang)
    scan_result, documents = _outcome_parts(outcome, lang)
    return Reply(text="", intent="regioscan", scan_result=scan_result,
                 documents=documents, language=lang)


def _outcome_parts(outcome: ScanOutcome, lang: str
                   ) -> tuple[dict[str, object], list[DocumentOffer]]:
    """``Reply.scan_result`` and the download offer of one outcome (own scan or round).

    ``scan_result["text"]`` is the outcome's plain rendering: text channels show it
    (``render_plain``), the web page draws the data instead."""
    label = templates().render(f"scan_result_{outcome.kind}_label", lang)
    data = {"kind": outcome.kind, "ref": outcome.ref, **outcome.data, "text": outcome.text}
    return data, [DocumentOffer(kind="scan_result", label=label, ref=outcome.ref,
                                formats=list(SCAN_RESULT_FORMATS))]


def remind(reply: Reply, regioscan: Regioscan | None, msg: IncomingMessage) -> Reply:
    """After an aside during a scan: the open statement again, with how to go on."""
    if regioscan is None:
        return reply
    try:
        step = regioscan.open_statement(msg.conversation_id)
    except Exception:  # noqa: BLE001 - the aside is answered; the reminder is a courtesy
        logger.warning("could not repeat the open statement", exc_info=True)
        return reply
    if step is None:
        return reply
    line = templates().render("scan_reminder", reply.language)
    reply.notices.append(Notice(kind="info", text=f"{line}\n\n{step.text}"))
    reply.buttons = [Button(label=b.label, value=b.value) for b in step.buttons]
    if step.progress is not None:
        p = step.progress
        reply.progress = Progress(p.current, p.total, p.theme)
    reply.debug["scan_active"] = True
    return reply


def _user(msg: IncomingMessage) -> str:
    return msg.user_id or msg.conversation_id

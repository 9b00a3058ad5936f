"""Documents on offer in a reply (``Reply.documents``) sent as Telegram files.

A regioscan outcome (``kind="scan_result"``) is sent as the same PDF the web serves at
``/api/chat/scan-result.pdf``, after the outcome text; when it cannot be made the text already
said it all, so the chat hears nothing more (never a pointer away from Telegram). The
conversation itself (``kind="conversation"``) is the Telegram chat, so nothing is sent for it.

The preparation document is built with the same code as ``oogo report`` and the web download
(``bot.oogo.report``), in a worker thread so the bot keeps answering other chats while WeasyPrint
works; the chat sees "sending a file" meanwhile. A failure names its cause in Dutch (a missing
template, no PDF engine) and never stops the bot.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING, Any

from bot.channels.telegram import texts
from bot.core.messages import DocumentOffer

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)


def build_report_pdf(services: Services, region: str,
                     conversation_id: str | None = None) -> tuple[str, bytes]:
    """(region name, PDF bytes) of the preparation document, with the regioscan this chat
    completed, if any; raises the report's own errors."""
    from bot.oogo.own_scan import own_scan_of
    from bot.oogo.report import build_report
    from bot.oogo.report_render import render_pdf

    own = own_scan_of(services, conversation_id) if conversation_id else None
    report = build_report(services, region, own_scan=own)
    return report.region_name, render_pdf(report)


def build_scan_result_pdf(services: Services, offer: DocumentOffer,
                          conversation_id: str) -> tuple[str, bytes] | None:
    """(file name, PDF bytes) of the regioscan outcome on offer: a round's aggregates (``ref`` =
    invitation code; small groups hidden by the service) or this chat's own submitted scan
    (``ref`` = scan number); None when the scan is not this chat's or not submitted."""
    from bot.channels.api.reports import render_own_result, render_round_result

    service = services.regioscan
    if not offer.ref.isdigit():
        return "regioscan-ronde.pdf", render_round_result(service.round_result(offer.ref), "pdf")
    record = service.scans.get(int(offer.ref))
    if record is None or record.conversation_id != conversation_id \
            or record.status != "submitted":
        return None
    return "regioscan-uitslag.pdf", render_own_result(services, record, "pdf")


async def send_scan_result(chat: Any, offer: DocumentOffer, services: Services,
                           keep_busy: Any) -> None:
    """The outcome as a PDF, or nothing: the outcome text was sent already."""
    if "pdf" not in offer.formats or not offer.ref:
        return
    try:
        async with keep_busy(chat, "upload_document"):
            made = await asyncio.to_thread(build_scan_result_pdf, services, offer,
                                           f"tg:{chat.id}")
    except Exception:  # noqa: BLE001 - the text stands; the log has the cause
        log.warning("regioscan result %s not sent as pdf", offer.ref, exc_info=True)
        return
    if made is None:
        log.info("regioscan result %s is not this chat's", offer.ref)
        return
    filename, pdf = made
    await chat.send_document(pdf, filename=filename, caption=offer.label[:1000] or None)


def filename_for(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "regio"
    return f"oogo-voorbereiding-{slug}.pdf"


async def send_documents(chat: Any, offers: list[DocumentOffer], services: Services,
                         keep_busy: Any, language: str = "nl") -> None:
    """Send each report or regioscan outcome on offer as a PDF; the conversation is the chat.
    The channel's own sentences (caption, failure) are in the reply's ``language``."""
    from bot.oogo.points import RegionNotFound
    from bot.oogo.report_render import ReportRenderError

    for offer in offers:
        if offer.kind == "scan_result":
            await send_scan_result(chat, offer, services, keep_busy)
            continue
        if offer.kind != "report" or not offer.region:
            log.debug("document offer %s not sent in telegram", offer.kind)
            continue
        try:
            async with keep_busy(chat, "upload_document"):
                name, pdf = await asyncio.to_thread(build_report_pdf, services, offer.region,
                                                       f"tg:{chat.id}")
        except RegionNotFound as exc:
            await chat.send_message(exc.message(language))
            continue
        except ReportRenderError as exc:
            await chat.send_message(str(exc))
            continue
        except Exception:  # noqa: BLE001 - the user gets a message, the log the trace
            log.exception("preparation document for %s failed", offer.region)
            await chat.send_message(texts.text("document_failed", language))
            continue
        await chat.send_document(pdf, filename=filename_for(name),
                                 caption=texts.text("document_caption", language, region=name))

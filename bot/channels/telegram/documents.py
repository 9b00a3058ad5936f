"""Documents on offer in a reply (``Reply.documents``) sent as Telegram files.

The preparation document is built with the same code as ``oogo report`` and the web download
(``bot.oogo.report``), in a worker thread so the bot keeps answering other chats while WeasyPrint
works; the chat sees "sending a file" meanwhile. A failure names its cause in Dutch (a missing
template, no PDF engine) and never stops the bot.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from bot.channels.telegram import texts
from bot.core.messages import DocumentOffer

log = logging.getLogger(__name__)


def build_report_pdf(services: Any, region: str,
                     conversation_id: str | None = None) -> tuple[str, bytes]:
    """(region name, PDF bytes) of the preparation document, with the regioscan this chat
    completed, if any; raises the report's own errors."""
    from bot.oogo.own_scan import own_scan_of
    from bot.oogo.report import build_report
    from bot.oogo.report_render import render_pdf

    own = own_scan_of(services, conversation_id) if conversation_id else None
    report = build_report(services, region, own_scan=own)
    return report.region_name, render_pdf(report)


def filename_for(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "regio"
    return f"oogo-voorbereiding-{slug}.pdf"


async def send_documents(chat: Any, offers: list[DocumentOffer], services: Any,
                         keep_busy: Any) -> None:
    """Send each report on offer as a PDF; other kinds point to the web version."""
    from bot.oogo.points import RegionNotFound
    from bot.oogo.report_render import ReportRenderError

    for offer in offers:
        if offer.kind != "report" or not offer.region:
            log.debug("document offer %s not sent in telegram", offer.kind)
            await chat.send_message(texts.DOCUMENT_ELSEWHERE)
            continue
        try:
            async with keep_busy(chat, "upload_document"):
                name, pdf = await asyncio.to_thread(build_report_pdf, services, offer.region,
                                                       f"tg:{chat.id}")
        except RegionNotFound as exc:
            await chat.send_message(exc.message("nl"))
            continue
        except ReportRenderError as exc:
            await chat.send_message(str(exc))
            continue
        except Exception:  # noqa: BLE001 - the user gets a message, the log the trace
            log.exception("preparation document for %s failed", offer.region)
            await chat.send_message(texts.DOCUMENT_FAILED)
            continue
        await chat.send_document(pdf, filename=filename_for(name),
                                 caption=texts.DOCUMENT_CAPTION.format(region=name))

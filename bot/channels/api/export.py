"""A conversation as Markdown ("Exporteer gesprek"), from the turns the server stored.

Built from the turn store rather than from the page, so the export is complete even when the page
was reloaded or the conversation went on in another tab. Each reply is written as its plain
rendering (``full_text``: the answer, the definition and source lines, the notice and the cited
sources, once each), followed by the passages it cites, its charts (title and text
alternative) and the documents it offered. The frame (title, headings, month names, footer) is
templates ``export_*`` in ``prompts/api``.
"""

from __future__ import annotations

import datetime
from typing import Any

from bot.channels.api.texts import text

FORMAT_NAMES = {"pdf": "PDF", "html": "HTML", "md": "Markdown"}


def _when(moment: datetime.datetime) -> str:
    month = text("export_months").split()[moment.month - 1]
    return text("export_when", day=moment.day, month=month, year=moment.year,
                time=f"{moment:%H:%M}")


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def _reply_markdown(reply: dict[str, Any], base_url: str) -> list[str]:
    lines = [str(reply.get("full_text") or reply.get("text") or "").strip(), ""]
    for cite in reply.get("citations") or []:
        label = " — ".join(p for p in (cite.get("title"), cite.get("heading")) if p)
        if cite.get("text"):
            lines += [f"*{label}*", "", _quote(str(cite["text"])), ""]
    for chart in reply.get("charts") or []:
        lines += [text("export_chart", title=chart.get("title", ""),
                       alt=chart.get("alt", "")).rstrip(), ""]
    result = reply.get("scan_result")
    if result and result.get("themes"):
        lines += _scan_table(result)
    for doc in reply.get("documents") or []:
        formats = ", ".join(FORMAT_NAMES.get(f, f) for f in doc.get("formats") or [])
        line = text("export_offer", label=doc.get("label", ""), formats=formats)
        if doc.get("kind") == "report" and doc.get("region"):
            line += f": {base_url}/api/reports/{doc['region']}.pdf"
        lines.append(line)
    if reply.get("documents"):
        lines.append("")
    return lines


def _scan_table(result: dict[str, Any]) -> list[str]:
    from bot.regioscan.texts import number_nl

    lines = [text("export_scan_columns"), "|---|---|"]
    for theme in result["themes"]:
        mean = theme.get("mean")
        if mean is None and isinstance(theme.get("overall"), dict):
            mean = theme["overall"].get("mean")
        lines.append(f"| {theme.get('name', '')} | {'-' if mean is None else number_nl(mean)} |")
    return lines + [""]


def conversation_markdown(turns: list[Any], base_url: str,
                          now: datetime.datetime | None = None) -> str:
    """The stored ``turns`` (oldest first) as one Markdown document in Dutch."""
    now = now or datetime.datetime.now().astimezone()
    meta = "export_meta_one" if len(turns) == 1 else "export_meta_many"
    lines = [text("export_title"), "", text(meta, when=_when(now), count=len(turns)), ""]
    if not turns:
        lines += [text("export_no_turns"), ""]
    for number, turn in enumerate(turns, start=1):
        moment = turn.created_at.astimezone() if turn.created_at else None
        stamp = f" ({_when(moment)})" if moment else ""
        lines += [text("export_you", number=number, stamp=stamp), "",
                  _quote(turn.user_text or text("export_empty_question")), "",
                  text("export_assistant"), ""]
        lines += _reply_markdown(turn.reply, base_url)
    lines += ["---", "", text("export_footer")]
    return "\n".join(lines).rstrip() + "\n"

"""Documents to take away from the web page: the OOGO preparation report of a region (PDF, HTML
or Markdown) and a regioscan result (PDF or Markdown).

Thin adapters: the report comes from ``bot.oogo`` (figures, discussion points, the region's
regioscan round), the personal result from the regioscan's own outcome and Markdown export, so
the numbers are the ones every other channel shows. PDFs are rendered by WeasyPrint from
self-contained HTML (charts as ``data:`` URIs), without any network access.
"""

from __future__ import annotations

import base64
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

REPORT_FORMATS = ("pdf", "html", "md")
SCAN_FORMATS = ("pdf", "md")
TEMPLATES = Path(__file__).with_name("templates")
MEDIA = {"pdf": "application/pdf", "html": "text/html; charset=utf-8",
         "md": "text/markdown; charset=utf-8"}


def render_report(services: Services, region_code: str, fmt: str,
                  conversation_id: str | None = None) -> bytes:
    """The report of ``region_code`` as PDF bytes, UTF-8 HTML or UTF-8 Markdown; with the
    regioscan that (caller-scoped) conversation completed, if any."""
    from bot.oogo.own_scan import own_scan_of
    from bot.oogo.report import build_report
    from bot.oogo.report_render import render_html, render_markdown, render_pdf

    own = own_scan_of(services, conversation_id) if conversation_id else None
    report = build_report(services, region_code, own_scan=own)
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "md":
        return render_markdown(report).encode("utf-8")
    return render_html(report).encode("utf-8")


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    from bot.oogo.report_render import _offline_fetcher

    return HTML(string=html, url_fetcher=_offline_fetcher(), base_url=str(TEMPLATES)).write_pdf()


def _template(name: str) -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html"]))
    return env.get_template(name)


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _today() -> str:
    from bot.oogo.report_render import date_nl

    return date_nl(datetime.date.today())


def _say(name: str) -> str:
    """A word of these (Dutch) documents (``prompts/oogo/nl/api_*.txt``)."""
    from prompts.loader import templates

    return templates("oogo").render(name, "nl")


def render_own_result(services: Services, record: Any, fmt: str) -> bytes:
    """One person's submitted scan: their answers and the outcome per theme."""
    from bot.regioscan.charts import outcome_chart
    from bot.regioscan.export import personal_markdown
    from bot.regioscan.model import ScanState
    from bot.regioscan.texts import number_nl

    service = services.regioscan
    state = ScanState.from_dict(record.state)
    outcome = service.outcome_of(service.scans.answers(record.id), state.language)
    if fmt == "md":
        return personal_markdown(service.definition, state.answers, outcome).encode("utf-8")
    definition = service.definition
    answers = []
    for q in definition.questions:
        given = state.answers.get(q.id)
        value = given.get("value") if given else None
        label = (_say("api_not_answered") if given is None
                 else definition.scale_label(value, state.language) + (f" ({value})" if value
                                                                       else ""))
        answers.append({"number": q.number, "text": q.text_for(state.language), "label": label,
                        "explanation": (given or {}).get("explanation") or ""})
    html = _template("scan_result.html").render(
        title=_say("api_scan_result_title"), date=_today(), outcome=outcome, answers=answers,
        chart=_data_uri(outcome_chart(outcome)),
        nl=lambda v: "-" if v is None else number_nl(v, state.language))
    return _pdf(html)


def render_round_result(result: Any, fmt: str) -> bytes:
    """A round's aggregates (groups under the threshold already hidden by the service)."""
    from bot.regioscan.charts import round_chart
    from bot.regioscan.export import round_result_markdown
    from bot.regioscan.rounds import role_label, too_few_text
    from bot.regioscan.texts import number_nl

    if fmt == "md":
        return round_result_markdown(result).encode("utf-8")
    html = _template("round_result.html").render(
        result=result, date=_today(), chart=_data_uri(round_chart(result)),
        too_few=too_few_text("nl"), role=role_label,
        nl=lambda v: "-" if v is None else number_nl(v))
    return _pdf(html)

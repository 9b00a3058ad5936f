"""Render a ``Report`` to HTML, PDF and Markdown from one set of data.

HTML comes from a Jinja2 template with print CSS; the PDF is WeasyPrint run on that same HTML, so
what a user sees in the browser is what is printed. Charts are embedded as ``data:`` URIs and
only local fonts are named: rendering never touches the network. Markdown writes the charts as
PNG files next to the ``.md`` file (or leaves them out with a note when no directory is given).
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from functools import partial
from pathlib import Path
from typing import Any

from bot.oogo.passages import citation, origin_of
from bot.oogo.render import tested_groups
from bot.oogo.report import Report
from bot.oogo.report_words import report_list, report_text
from bot.regioscan.texts import number_nl
from indicators import formatting as fm
from indicators.vocabulary import level_name
from prompts.loader import TemplateSet, templates
from prompts.oogo_data import text_data

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = ("html", "pdf", "md")


def _t() -> TemplateSet:
    return templates("oogo")


def _w(*path: str, **values: object) -> str:
    """A word of the points' agenda, in Dutch (``words.yaml``, section ``agenda``)."""
    return text_data("oogo", "words").text("agenda", *path, language="nl", **values)


def rule_text(report: Report) -> str:
    """How to read the table's comparisons (the SWV sentence only for a gemeente)."""
    swv = (" " + _t().render("report_rule_swv", "nl", region=report.region_name)
           if report.has_swv else "")
    return _t().render("report_rule", "nl", swv=swv)


def date_nl(day: dt.date) -> str:
    """A date as the document writes it: "3 maart 2026"."""
    return f"{day.day} {report_list('months')[day.month - 1]} {day.year}"


class ReportFormatError(ValueError):
    """The requested output format is not one of html, pdf or md."""


class ReportRenderError(RuntimeError):
    """The document could not be made: a template missing from the installation, or the PDF
    engine failing. ``str(error)`` is a Dutch message that names the real cause, so a user is
    never told "cannot write to ..." when nothing was wrong with writing."""


def _nl1(value: Any) -> str:
    """Scan means: always one decimal, so a table of means reads evenly, rounded as the chat
    and the web page round them (half up: 3,25 is 3,3 everywhere)."""
    return "-" if value is None else number_nl(value, "nl")


def _level(report: Report) -> str:
    name = level_name(report.region_level, "nl")
    return name[:1].upper() + name[1:]


def table_notes(report: Report) -> list[str]:
    """Under the figures table: which partnerships the columns are, and what the words mean."""
    if not report.has_swv:
        unpublished = tuple(_t().get("not_published", lang).text.split("{")[0]
                            for lang in ("nl", "en"))
        return [n for n in report.points.notes if n.startswith(unpublished)]
    names = [f"{report_text(key)}: {report.swv_names[key]}" for key in ("swv_po", "swv_vo")
             if report.swv_names.get(key)]
    notes = ["; ".join(names) + "." if names else ""]
    if report.alone:
        which = fm.listing([report_text("swv_po" if c.startswith("PO") else "swv_vo")
                            for c in report.alone], "nl")
        name = "report_alone_many" if len(report.alone) > 1 else "report_alone_one"
        notes.append(_t().render(name, "nl", which=which, region=report.region_name))
    notes.append(_t().render("report_columns", "nl", region=report.region_name))
    return [n for n in notes if n]


def point_notes(report: Report) -> list[str]:
    """The points' own notes (partnership alone, unpublished levels), without the scan note
    (the regioscan section says that)."""
    shown = set(table_notes(report))
    return [n for n in report.points.notes if n != report.points.scan_note and n not in shown]


def date_text(report: Report) -> str:
    return date_nl(report.created)


def footer_text(report: Report) -> str:
    base = report_text("footer", region=report.region_name, date=date_text(report),
                       version=report.version)
    if report.demo_data:
        return report_text("footer_demo", footer=base)
    return base


def _css_string(text: str) -> str:
    """Text made safe inside a double-quoted CSS string in a <style> element."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html", "j2"]))
    return env


def _templates() -> tuple[Any, str]:
    """The HTML template and the CSS; a missing file is a broken installation, said so."""
    from jinja2 import TemplateNotFound

    try:
        return (_environment().get_template("report.html.j2"),
                (TEMPLATES / "report.css").read_text(encoding="utf-8"))
    except (TemplateNotFound, OSError) as exc:
        missing = getattr(exc, "name", None) or getattr(exc, "filename", None) or str(exc)
        log.error("report template missing: %s (looked in %s)", missing, TEMPLATES)
        raise ReportRenderError(
            _t().render("report_template_missing", "nl", name=Path(str(missing)).name)
        ) from exc


def render_html(report: Report) -> str:
    """The full, self-contained HTML document (CSS inline, charts as data: URIs)."""
    charts = [{"src": "data:image/png;base64," + base64.b64encode(c.png).decode("ascii"),
               "alt": c.alt, "title": c.title, "half": c.half} for c in report.charts]
    scale = report.scan.scale if report.scan is not None else (0, 0)
    own = report.own_scan.scale if report.own_scan is not None else (0, 0)
    template, css = _templates()
    return template.render(
        r=report, css=css, charts=charts, nl1=_nl1, date_text=date_text(report),
        footer_css=_css_string(footer_text(report)), level_label=_level(report),
        scale_min=fm.integer(scale[0]), scale_max=fm.integer(scale[1]),
        own_min=fm.integer(own[0]), own_max=fm.integer(own[1]),
        rule_text=rule_text(report), table_notes=table_notes(report),
        point_notes=point_notes(report), tested=lambda e: tested_groups(e, "nl"),
        cite=citation, origin=origin_of)


def _offline_fetcher() -> Any:
    """A WeasyPrint URL fetcher that allows only data: URIs: the PDF is built fully offline."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # WeasyPrint >= 66
        return urls.URLFetcher(allowed_protocols={"data"})

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:  # older WeasyPrint
        if url.startswith("data:"):
            return urls.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"blocked resource while rendering the report offline: {url}")

    return fetch


def render_pdf(report: Report, html: str | None = None) -> bytes:
    """The PDF bytes, rendered by WeasyPrint from the HTML (no network access)."""
    html = html or render_html(report)
    try:
        from weasyprint import HTML

        return HTML(string=html, url_fetcher=_offline_fetcher(),
                    base_url=str(TEMPLATES)).write_pdf()
    except Exception as exc:  # noqa: BLE001 - missing system libraries (pango), font errors
        log.exception("PDF rendering failed")
        raise ReportRenderError(_t().render(
            "report_pdf_failed", "nl", error=f"{type(exc).__name__}: {str(exc)[:120]}")
        ) from exc


def render_markdown(report: Report, chart_dir: Path | None = None, stem: str = "rapport") -> str:
    """Markdown text; charts are written to ``chart_dir`` as PNGs and linked relatively."""
    say, section = report_text, partial(report_text, "sections")
    lines = [f"# {say('title', region=report.region_name)}", "",
             say("subtitle", level=_level(report), code=report.region_code,
               date=date_text(report), version=report.version), ""]
    if report.demo_data and report.real_figures:
        lines += [_t().render("report_notice_mixed", "nl"), ""]
    elif report.demo_data:
        lines += [_t().render("report_notice_demo", "nl"), ""]
    lines += [f"## 1. {section('profile')}", "", f"| {say('feature')} | {say('value')} |",
              "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in report.profile]
    lines += ["", f"## 2. {section('figures', subjects=report.subjects)}", ""]
    lines += [f"- {d}" for d in report.definitions] + ["", rule_text(report), ""]
    swv_head = f" {say('swv_po')} | {say('swv_vo')} |" if report.has_swv else ""
    lines += [f"| {say('figure')} | {say('year')} | {report.region_name} |{swv_head} "
              f"{say('nederland')} | {say('tested_difference')} |",
              "|---|---|---|" + ("---|---|" if report.has_swv else "") + "---|---|"]
    for r in report.rows:
        swv = f" {r.swv_po} | {r.swv_vo} |" if report.has_swv else ""
        lines.append(f"| {r.label} | {r.year} | {r.region} |{swv} {r.nederland} | {r.wording} |")
    lines += [""] + [f"{n}\n" for n in table_notes(report)]
    if report.charts and chart_dir is not None:
        chart_dir.mkdir(parents=True, exist_ok=True)
        for chart in report.charts:
            name = f"{stem}_{chart.key}.png"
            (chart_dir / name).write_bytes(chart.png)
            lines += [f"![{chart.alt}]({name})", "", f"*{chart.title}*", ""]
    elif report.charts:
        lines += [f"*{say('charts_elsewhere')}*", ""]
    lines += [f"## 3. {section('scan')}", ""] + _scan_markdown(report) + [""]
    lines += [f"## 4. {section('points')}", "", report.points.ranking_explanation, ""]
    lines += [f"{n}\n" for n in point_notes(report)]
    for number, point in enumerate(report.points.ranked, start=1):
        lines += [f"### {number}. {point.title}", "", point.why, "", f"**{_w('evidence')}**",
                  ""]
        for e in point.evidence:
            groups = tested_groups(e, "nl")
            lines.append(f"- {e.text}{' ' + groups if groups else ''} "
                         f"({_w('source')}: {e.source})")
        lines += _point_tail(point)
    if report.points.standing:
        lines += [f"### {_w('standing')}", ""]
        for point in report.points.standing:
            lines += [f"#### {point.title}", "", point.why] + _point_tail(point)
    lines += [f"## 5. {section('sources')}", ""] + [f"- {s}" for s in report.sources]
    lines += [f"- {say('knowledge_document')}: {s}" for s in report.knowledge_sources]
    lines += ["", f"*{footer_text(report)}*", ""]
    return "\n".join(lines)


def _quote(label: str, passage: Any) -> str:
    """The passage as one Markdown blockquote: every line quoted, so later paragraphs and list
    items stay inside it, and the origin line under it."""
    origin = origin_of(passage)
    body = f"**{label}** ({citation(passage)}): «{passage.text}»"
    if origin:
        body += f"\n\n{origin}"
    return "\n".join(f"> {line}" if line else ">" for line in body.split("\n")) + "\n"


def _point_tail(point: Any) -> list[str]:
    lines = ["", f"**{_w('questions')}**", ""] + [f"- {q}" for q in point.questions]
    lines += ["", f"**{_w('who')}:** {', '.join(point.participants)}", ""]
    lines += [_quote(_w("background"), p).replace("\n\n", "\n>\n> ") for p in point.passages]
    lines += [_quote(_w("caveat"), p) for p in point.caveats]
    return lines


def _scan_markdown(report: Report) -> list[str]:
    scan, own = report.scan, report.own_scan
    if scan is None and own is None:
        return [f"*{report.scan_note}*"]
    lines: list[str] = []
    say = report_text
    if scan is not None:
        roles = f" ({scan.roles_text})" if scan.roles else ""
        lines += [f"### {say('scan_round')}", "",
                  _t().render("report_scan_round", "nl", count=scan.count, roles=roles,
                              low=fm.integer(scan.scale[0]), high=fm.integer(scan.scale[1])), "",
                  f"| {say('theme')} | {say('mean')} | " + " | ".join(scan.roles) + " |",
                  "|---|---|" + "---|" * len(scan.roles)]
        for theme in scan.themes:
            per_role = " | ".join(_nl1(theme.role_means.get(r)) for r in scan.roles)
            lines.append(f"| {theme.label} | {_nl1(theme.mean)} | {per_role} |")
        lines.append("")
    if own is not None:
        lines += [f"### {say('own_scan')}", "",
                  _t().render("report_own_scale", "nl", low=fm.integer(own.scale[0]),
                              high=fm.integer(own.scale[1])), "",
                  f"| {say('theme')} | {say('mean')} | {say('scored')} |", "|---|---|---|"]
        lines += [f"| {t.name} | {_nl1(t.mean)} | "
                  f"{say('answered_of', answered=t.answered, size=t.size)} |" for t in own.themes]
    return lines


def detect_format(path: Path, explicit: str | None = None) -> str:
    """The output format from ``--format`` or else the file extension."""
    fmt = (explicit or path.suffix.lstrip(".")).lower()
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise ReportFormatError(fmt)
    return fmt


def write_report(report: Report, path: Path, fmt: str) -> Path:
    """Render ``report`` as ``fmt`` and write it to ``path`` (charts next to it for Markdown).

    Rendering comes first and raises ``ReportRenderError``; only the writing itself raises
    ``OSError``, so a caller can tell the user which of the two went wrong."""
    if fmt == "pdf":
        content: bytes | str = render_pdf(report)
    elif fmt == "html":
        content = render_html(report)
    elif fmt == "md":
        content = render_markdown(report, path.parent, path.stem)
    else:
        raise ReportFormatError(fmt)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    log.info("report for %s written to %s (%s)", report.region_code, path, fmt)
    return path

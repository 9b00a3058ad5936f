"""Render a ``Report`` to HTML, PDF and Markdown from one set of data.

HTML comes from a Jinja2 template with print CSS; the PDF is WeasyPrint run on that same HTML, so
what a user sees in the browser is what is printed. Charts are embedded as ``data:`` URIs and
only local fonts are named: rendering never touches the network. Markdown writes the charts as
PNG files next to the ``.md`` file (or leaves them out with a note when no directory is given).
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import Any

from bot.oogo.formatting import fmt_int
from bot.oogo.report import Report
from bot.oogo.sources_view import MIXED_BANNER_MD, MIXED_FOOTER

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = ("html", "pdf", "md")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
LEVEL = {"gemeente": "Gemeente", "swv_po": "Samenwerkingsverband po",
         "swv_vo": "Samenwerkingsverband vo", "land": "Land"}


class ReportFormatError(ValueError):
    """The requested output format is not one of html, pdf or md."""


class ReportRenderError(RuntimeError):
    """The document could not be made: a template missing from the installation, or the PDF
    engine failing. ``str(error)`` is a Dutch message that names the real cause, so a user is
    never told "cannot write to ..." when nothing was wrong with writing."""


def _nl(value: Any) -> str:
    if value is None:
        return "-"
    from bot.oogo.formatting import fmt_number

    return fmt_number(value)


def _nl1(value: Any) -> str:
    """Scan means: always one decimal, so a table of means reads evenly."""
    from bot.oogo.formatting import fmt_number

    return "-" if value is None else fmt_number(value, decimals=1)


def date_text(report: Report) -> str:
    d = report.created
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def footer_text(report: Report) -> str:
    base = (f"OOGO-voorbereiding {report.region_name} · {date_text(report)} · "
            f"versie {report.version}")
    if report.demo_data and report.real_figures:
        return f"{base} · {MIXED_FOOTER}"
    if report.demo_data:
        return f"{base} · DEMONSTRATIEDATA, niet de echte cijfers"
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
            f"Het sjabloon van het voorbereidingsdocument ontbreekt in deze installatie "
            f"({Path(str(missing)).name}). Dit is een fout in de installatie, niet in je "
            f"opdracht: installeer de assistent opnieuw of meld het aan de beheerder."
        ) from exc


def render_html(report: Report) -> str:
    """The full, self-contained HTML document (CSS inline, charts as data: URIs)."""
    charts = [{"src": "data:image/png;base64," + base64.b64encode(c.png).decode("ascii"),
               "alt": c.alt, "title": c.title, "half": c.half} for c in report.charts]
    scale = report.scan.scale if report.scan is not None else (0, 0)
    template, css = _templates()
    return template.render(
        r=report, css=css, charts=charts,
        nl=_nl, nl1=_nl1, date_text=date_text(report), footer_css=_css_string(footer_text(report)),
        level_label=LEVEL.get(report.region_level, report.region_level),
        scale_min=fmt_int(scale[0]), scale_max=fmt_int(scale[1]))


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
        raise ReportRenderError(
            f"De PDF kon niet worden gemaakt ({type(exc).__name__}: {str(exc)[:120]}). "
            "De HTML- en Markdown-versie werken wel; vraag de beheerder de PDF-onderdelen "
            "(WeasyPrint en Pango) te installeren."
        ) from exc


def render_markdown(report: Report, chart_dir: Path | None = None, stem: str = "rapport") -> str:
    """Markdown text; charts are written to ``chart_dir`` as PNGs and linked relatively."""
    lines = [f"# OOGO-voorbereiding {report.region_name}", "",
             f"{LEVEL.get(report.region_level, report.region_level)} {report.region_code} · "
             f"gemaakt op {date_text(report)} · versie {report.version}", ""]
    if report.demo_data and report.real_figures:
        lines += [MIXED_BANNER_MD, ""]
    elif report.demo_data:
        lines += ["> **Demonstratiedata.** De indicatorcijfers in dit document zijn "
                  "demonstratiedata: niet de echte cijfers van deze regio. Gebruik ze niet voor "
                  "besluiten.", ""]
    lines += ["## 1. Profiel van de regio", "", "| Kenmerk | Waarde |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in report.profile]
    swv_head = " Samenwerkingsverband |" if report.has_swv else ""
    lines += ["", "## 2. Cijfers: jeugdzorg en NEET", "",
              f"| Indicator | Jaar | {report.region_name} |{swv_head} Nederland | "
              "Vergelijking met Nederland |", "|---|---|---|" + ("---|" if report.has_swv else "")
              + "---|---|"]
    lines += [f"| {r.label} | {r.year} | {r.region} |{f' {r.swv} |' if report.has_swv else ''} "
              f"{r.nederland} | {r.wording} |" for r in report.rows]
    lines.append("")
    if report.charts and chart_dir is not None:
        chart_dir.mkdir(parents=True, exist_ok=True)
        for chart in report.charts:
            name = f"{stem}_{chart.key}.png"
            (chart_dir / name).write_bytes(chart.png)
            lines += [f"![{chart.alt}]({name})", "", f"*{chart.title}*", ""]
    elif report.charts:
        lines += ["*De grafieken staan alleen in de HTML- en PDF-versie.*", ""]
    lines += ["## 3. Regioscan", ""] + _scan_markdown(report) + [""]
    lines += ["## 4. Gesprekspunten voor het OOGO", "", report.points.ranking_explanation, ""]
    for number, point in enumerate(report.points.points, start=1):
        lines += [f"### {number}. {point.title} (score {_nl(point.score)})", "", point.why, "",
                  "**Onderbouwing**", ""]
        lines += [f"- {e.text} (bron: {e.source})" for e in point.evidence]
        lines += ["", "**Vragen voor tafel**", ""] + [f"- {q}" for q in point.questions]
        lines += ["", f"**Wie moet erbij zijn:** {', '.join(point.participants)}", ""]
        lines += [f"> Achtergrond ({p.title}, {p.heading}): {p.text}\n" for p in point.passages]
    lines += ["## 5. Bronnen", ""] + [f"- {s}" for s in report.sources]
    lines += [f"- Kennisdocument: {s}" for s in report.knowledge_sources]
    lines += ["", f"*{footer_text(report)}*", ""]
    return "\n".join(lines)


def _scan_markdown(report: Report) -> list[str]:
    scan = report.scan
    if scan is None:
        return [f"*{report.scan_note}*"]
    roles = f" ({scan.roles_text})" if scan.roles else ""
    lines = [f"{scan.count} deelnemers{roles}; schaal {fmt_int(scan.scale[0])} tot "
             f"{fmt_int(scan.scale[1])}; cijfers die iemand herkenbaar zouden maken tonen we "
             "niet (-).", "",
             "| Thema | Gemiddeld | " + " | ".join(scan.roles) + " |",
             "|---|---|" + "---|" * len(scan.roles)]
    for theme in scan.themes:
        per_role = " | ".join(_nl1(theme.role_means.get(r)) for r in scan.roles)
        lines.append(f"| {theme.label} | {_nl1(theme.mean)} | {per_role} |")
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

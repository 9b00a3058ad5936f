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

from bot.oogo.passages import citation, origin_of
from bot.oogo.render import tested_groups
from bot.oogo.report import Report
from indicators import formatting as fm
from indicators.vocabulary import level_name

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = ("html", "pdf", "md")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
RULE = ("Hoger of lager staat er alleen bij een verschil dat statistisch significant is en "
        "minstens een tiende (zie 'Wanneer noemt deze assistent een verschil hoger of lager?' in "
        "De indicatoren van de Monitor AOJ); anders staat er ongeveer gelijk.{swv} Een aantal "
        "onder de tien, en een cijfer waaruit zo'n aantal terug te rekenen is, staat er als "
        "'minder dan 10'.")
RULE_SWV = (" Met het eigen samenwerkingsverband is getoetst tegen de rest ervan, zonder "
            "{region}: het SWV PO voor po, sbo en so, het SWV VO voor de andere cijfers, net als "
            "in de chat.")


def rule_text(report: Report) -> str:
    """How to read the table's comparisons (the SWV sentence only for a gemeente)."""
    swv = RULE_SWV.format(region=report.region_name) if report.has_swv else ""
    return RULE.format(swv=swv)


class ReportFormatError(ValueError):
    """The requested output format is not one of html, pdf or md."""


class ReportRenderError(RuntimeError):
    """The document could not be made: a template missing from the installation, or the PDF
    engine failing. ``str(error)`` is a Dutch message that names the real cause, so a user is
    never told "cannot write to ..." when nothing was wrong with writing."""


def _nl1(value: Any) -> str:
    """Scan means: always one decimal, so a table of means reads evenly."""
    return "-" if value is None else fm.number(value, 1, "nl")


def _level(report: Report) -> str:
    name = level_name(report.region_level, "nl")
    return name[:1].upper() + name[1:]


def table_notes(report: Report) -> list[str]:
    """Under the figures table: which partnerships the columns are, and what the words mean."""
    if not report.has_swv:
        return [n for n in report.points.notes if n.startswith(("Niet gepubliceerd", "Not "))]
    names = [f"{label}: {report.swv_names[key]}" for key, label in
             (("swv_po", "SWV PO"), ("swv_vo", "SWV VO")) if report.swv_names.get(key)]
    notes = ["; ".join(names) + "." if names else ""]
    if report.alone:
        verb = "bestaan" if len(report.alone) > 1 else "bestaat"
        which = " en ".join("SWV PO" if c.startswith("PO") else "SWV VO" for c in report.alone)
        notes.append(f"Het {which} {verb} alleen uit {report.region_name}: in die kolom staat "
                     f"'alleen {report.region_name}' in plaats van hetzelfde cijfer nog eens, en "
                     "een vergelijking met het samenwerkingsverband is niet te maken.")
    notes.append("'niet per SWV PO' of 'niet per SWV VO': dit cijfer publiceert de monitor niet "
                 "per samenwerkingsverband van die soort. 'rest SWV': het samenwerkingsverband "
                 f"zonder {report.region_name}.")
    return [n for n in notes if n]


def point_notes(report: Report) -> list[str]:
    """The points' own notes (partnership alone, unpublished levels), without the scan note
    (the regioscan section says that)."""
    shown = set(table_notes(report))
    return [n for n in report.points.notes if n != report.points.scan_note and n not in shown]


def date_text(report: Report) -> str:
    d = report.created
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def footer_text(report: Report) -> str:
    base = (f"OOGO-voorbereiding {report.region_name} · {date_text(report)} · "
            f"versie {report.version}")
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
        raise ReportRenderError(
            f"De PDF kon niet worden gemaakt ({type(exc).__name__}: {str(exc)[:120]}). "
            "De HTML- en Markdown-versie werken wel; vraag de beheerder de PDF-onderdelen "
            "(WeasyPrint en Pango) te installeren."
        ) from exc


def render_markdown(report: Report, chart_dir: Path | None = None, stem: str = "rapport") -> str:
    """Markdown text; charts are written to ``chart_dir`` as PNGs and linked relatively."""
    lines = [f"# OOGO-voorbereiding {report.region_name}", "",
             f"{_level(report)} {report.region_code} · gemaakt op {date_text(report)} · "
             f"versie {report.version}", ""]
    if report.demo_data and report.real_figures:
        lines += ["> **Echte cijfers en demonstratiedata.** Een deel van de indicatorcijfers "
                  "zijn echte cijfers (zie Bronnen). Cijfers met \"(demo)\" erachter, en de "
                  "onderbouwing die daarop rust, zijn demonstratiedata.", ""]
    elif report.demo_data:
        lines += ["> **Demonstratiedata.** De indicatorcijfers in dit document zijn "
                  "demonstratiedata: niet de echte cijfers van deze regio. Gebruik ze niet voor "
                  "besluiten.", ""]
    lines += ["## 1. Profiel van de regio", "", "| Kenmerk | Waarde |", "|---|---|"]
    lines += [f"| {label} | {value} |" for label, value in report.profile]
    lines += ["", f"## 2. Cijfers: {report.subjects}", ""]
    lines += [f"- {d}" for d in report.definitions] + ["", rule_text(report), ""]
    swv_head = " SWV PO | SWV VO |" if report.has_swv else ""
    lines += [f"| Cijfer | Jaar | {report.region_name} |{swv_head} Nederland | Getoetst verschil |",
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
        lines += ["*De grafieken staan alleen in de HTML- en PDF-versie.*", ""]
    lines += ["## 3. Regioscan", ""] + _scan_markdown(report) + [""]
    lines += ["## 4. Gesprekspunten voor het OOGO", "", report.points.ranking_explanation, ""]
    lines += [f"{n}\n" for n in point_notes(report)]
    for number, point in enumerate(report.points.ranked, start=1):
        lines += [f"### {number}. {point.title}", "", point.why, "", "**Onderbouwing**", ""]
        for e in point.evidence:
            groups = tested_groups(e, "nl")
            lines.append(f"- {e.text}{' ' + groups if groups else ''} (bron: {e.source})")
        lines += _point_tail(point)
    if report.points.standing:
        lines += ["### Vaste onderwerpen om na te vragen", ""]
        for point in report.points.standing:
            lines += [f"#### {point.title}", "", point.why] + _point_tail(point)
    lines += ["## 5. Bronnen", ""] + [f"- {s}" for s in report.sources]
    lines += [f"- Kennisdocument: {s}" for s in report.knowledge_sources]
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
    lines = ["", "**Vragen voor tafel**", ""] + [f"- {q}" for q in point.questions]
    lines += ["", f"**Wie kan erbij zijn:** {', '.join(point.participants)}", ""]
    lines += [_quote("Achtergrond", p).replace("\n\n", "\n>\n> ") for p in point.passages]
    lines += [_quote("Let op", p) for p in point.caveats]
    return lines


def _scan_markdown(report: Report) -> list[str]:
    scan, own = report.scan, report.own_scan
    if scan is None and own is None:
        return [f"*{report.scan_note}*"]
    lines: list[str] = []
    if scan is not None:
        roles = f" ({scan.roles_text})" if scan.roles else ""
        lines += ["### De regioscan-ronde van de regio", "",
                  f"{scan.count} deelnemers{roles}; schaal {fm.integer(scan.scale[0])} tot "
                  f"{fm.integer(scan.scale[1])}; cijfers die iemand herkenbaar zouden maken "
                  "tonen we niet (-).", "",
                  "| Thema | Gemiddeld | " + " | ".join(scan.roles) + " |",
                  "|---|---|" + "---|" * len(scan.roles)]
        for theme in scan.themes:
            per_role = " | ".join(_nl1(theme.role_means.get(r)) for r in scan.roles)
            lines.append(f"| {theme.label} | {_nl1(theme.mean)} | {per_role} |")
        lines.append("")
    if own is not None:
        lines += ["### Je eigen regioscan", "",
                  f"Jouw eigen antwoorden: het gemiddelde per thema op een schaal van "
                  f"{fm.integer(own.scale[0])} tot {fm.integer(own.scale[1])}.", "",
                  "| Thema | Gemiddeld | Gescoord |", "|---|---|---|"]
        lines += [f"| {t.name} | {_nl1(t.mean)} | {t.answered} van de {t.size} |"
                  for t in own.themes]
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

"""The preparation document renders offline to HTML, PDF and Markdown, has its sections, and
every number in its text is in the data (engine, registry, scan) or is a computed score."""

from __future__ import annotations

import html as htmllib
import re
import socket

import pytest

from tests.oogo.conftest import BIG_CITY, SMALL_RURAL

SECTIONS = ("titel", "demo-notice", "profiel", "indicatoren", "regioscan", "gesprekspunten",
            "bronnen")
#: definitional constants in fixed texts: NEET age range 15-27, the suppression threshold 10,
#: "hoogste 5%", and the 0,5 per extra signal of the ranking rule
CONSTANTS = {15.0, 27.0, 10.0, 5.0, 0.5}
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\w])")


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access while rendering the report")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def report(services):
    from bot.oogo.report import build_report

    return build_report(services, SMALL_RURAL)


def _text_of(document: str) -> str:
    document = re.sub(r"<style.*?</style>", " ", document, flags=re.S)
    document = re.sub(r"<[^>]+>", " ", document)
    return htmllib.unescape(document)


def _parse(token: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return float(token.replace(".", ""))
    return float(token.replace(",", "."))


def _data_numbers(services, report) -> set[float]:
    """Numbers from the data itself: every engine value of the region, its SWVs and Nederland,
    the registry profile, the cited passages, and the scores/ranks computed by the generator."""
    engine, registry = services.indicators, services.registry
    region = registry.get(report.region_code)
    codes = [c for c in (region.code, region.swv_po, region.swv_vo, "NL01") if c]
    allowed: set[float] = set(CONSTANTS)
    for indicator, definition in engine.catalog.items():
        categories = list(definition.all_categories)
        for year in engine.years(indicator):
            allowed.add(float(year))
            for code in codes:
                for category in categories:
                    try:
                        value = engine.lookup(indicator, code, category, year)
                    except Exception:
                        continue
                    if not value.suppressed and value.value is not None:
                        allowed.add(round(float(value.value), 2))
    allowed.update({float(region.inhabitants), float(region.density)})
    allowed.update(_parse(t) for t in NUMBER.findall(region.size_class))
    for passage in report.points.passages:
        allowed.update(_parse(t) for t in NUMBER.findall(passage.text))
    for number, point in enumerate(report.points.points, start=1):
        allowed.update({float(number), point.score, *point.score_parts.values()})
        for item in point.evidence:
            allowed.update(_numbers(item.detail))
    if report.scan is not None:
        allowed.update(report.scan.numbers())
    created = report.created
    allowed.update({float(created.day), float(created.year)})
    return {round(v, 2) for v in allowed}


def _region_names(services, code: str) -> list[str]:
    registry = services.registry
    region = registry.get(code)
    names = [registry.get(c).name for c in (region.swv_po, region.swv_vo) if c]
    names += [p.name for p in registry.peers(code, n=8)] if region.level == "gemeente" else []
    return sorted(names, key=len, reverse=True)


def _numbers(obj) -> list[float]:
    if isinstance(obj, bool):
        return []
    if isinstance(obj, int | float):
        return [float(obj)]
    if isinstance(obj, dict):
        return [n for v in obj.values() for n in _numbers(v)]
    if isinstance(obj, list | tuple):
        return [n for v in obj for n in _numbers(v)]
    return []


def test_html_has_sections_and_demo_notice(report, no_network) -> None:
    from bot.oogo.report_render import render_html

    document = render_html(report)
    for section in SECTIONS:
        assert f'id="{section}"' in document, section
    text = _text_of(document)
    assert "Demonstratiedata" in text and "DEMONSTRATIEDATA" in document  # first page + footer
    assert report.version in text
    assert "Voor deze regio is nog geen regioscan-ronde afgerond" in text
    for point in report.points.points:
        assert htmllib.escape(point.title, quote=False) in document
    assert "http://" not in document and "https://" not in document  # nothing fetched


def test_every_number_in_the_html_is_in_the_data(services, report) -> None:
    assert_numbers_in_data(services, report)


def assert_numbers_in_data(services, report) -> None:
    """Every number in the report's visible text is a data value, a score or a date part."""
    from bot.oogo.report_render import render_html

    text = _text_of(render_html(report)).replace(f"versie {report.version}", "versie")
    for name in _region_names(services, report.region_code):  # SWV names hold numbers
        text = text.replace(name, " ")
    for source in report.sources:  # provenance lines name their edition year
        text = text.replace(source, " ")
    text = re.sub(r"\b[1-5]\. (?=Profiel|Cijfers|Regioscan|Gesprekspunten|Bronnen)", " ", text)
    allowed = _data_numbers(services, report)
    found = [_parse(t) for t in NUMBER.findall(text)]
    assert found
    strays = sorted({n for n in found if round(n, 2) not in allowed})
    assert not strays, f"numbers not in the data: {strays}"


def test_pdf_renders_offline(report, no_network) -> None:
    from bot.oogo.report_render import render_pdf

    pdf = render_pdf(report)
    assert pdf.startswith(b"%PDF")
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    assert len(document) >= 2
    first_page = document[0].get_textpage().get_text_range()
    assert report.region_name in first_page and "Demonstratiedata" in first_page
    assert "DEMONSTRATIEDATA" in document[len(document) - 1].get_textpage().get_text_range()


def test_markdown_writes_charts_next_to_file(report, tmp_path) -> None:
    from bot.oogo.report_render import write_report

    target = write_report(report, tmp_path / "oogo.md", "md")
    text = target.read_text(encoding="utf-8")
    assert "## 4. Gesprekspunten voor het OOGO" in text and "Demonstratiedata" in text
    for chart in report.charts:
        assert (tmp_path / f"oogo_{chart.key}.png").read_bytes().startswith(b"\x89PNG")
        assert f"(oogo_{chart.key}.png)" in text


def test_report_for_a_big_city_has_charts_and_rows(services) -> None:
    from bot.oogo.report import build_report

    big = build_report(services, BIG_CITY)
    assert len(big.charts) >= 2
    assert {row.indicator for row in big.rows} == {"jeugdzorg", "neet"}
    assert any(label == "Samenwerkingsverband vo" for label, _ in big.profile)

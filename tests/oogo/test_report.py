"""The preparation document renders offline to HTML, PDF and Markdown, has its sections, says
what the table columns are (SWV PO, SWV VO; a partnership that is the gemeente alone), uses the
chat's partnership per figure, takes its labels from the catalog, shows no score and no id, and
every number in its text is in the data (engine, registry, regioscan) or a quoted source."""

from __future__ import annotations

import html as htmllib
import re
import socket

import pytest

from tests.oogo.conftest import BIG_CITY, MID_SIZE, SMALL_RURAL

SECTIONS = ("titel", "demo-notice", "profiel", "indicatoren", "regioscan", "gesprekspunten",
            "bronnen")
#: definitional constants in fixed texts: the suppression threshold 10
CONSTANTS = {10.0}
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


@pytest.fixture(scope="module")
def deventer(services):
    from bot.oogo.report import build_report

    return build_report(services, MID_SIZE, with_charts=False)


def _text_of(document: str) -> str:
    document = re.sub(r"<style.*?</style>", " ", document, flags=re.S)
    document = re.sub(r"<[^>]+>", " ", document)
    return htmllib.unescape(document)


def _parse(token: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return float(token.replace(".", ""))
    return float(token.replace(",", "."))


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


def _data_numbers(services, report) -> set[float]:
    """Numbers from the data itself: every engine value of the region, its SWVs and Nederland
    (as stored and as shown with one decimal), the registry profile, the quoted passages and
    their source lines, the tests behind the evidence and the regioscan figures."""
    from bot.oogo.passages import origin_of

    engine, registry = services.indicators, services.registry
    region = registry.get(report.region_code)
    codes = [c for c in (region.code, region.swv_po, region.swv_vo, "NL01") if c]
    allowed: set[float] = set(CONSTANTS)
    for indicator, definition in engine.catalog.items():
        for year in engine.years(indicator):
            allowed.add(float(year))
            for code in codes:
                for category in definition.all_categories:
                    try:
                        value = engine.lookup(indicator, code, category, year)
                    except Exception:
                        continue
                    if not value.suppressed and value.value is not None:
                        allowed.update({round(float(value.value), 2),
                                        round(float(value.value), 1)})
    allowed.update({float(region.inhabitants), float(region.density)})
    allowed.update(_parse(t) for t in NUMBER.findall(region.size_class))
    quoted = [p.text + " " + origin_of(p) for p in report.points.passages]
    for text in quoted + report.definitions:
        allowed.update(_parse(t) for t in NUMBER.findall(text))
    for number, point in enumerate(report.points.points, start=1):
        allowed.add(float(number))
        for item in point.evidence:
            allowed.update(_numbers(item.detail))
    for view in (report.scan, report.own_scan):
        if view is not None:
            allowed.update(view.numbers())
    created = report.created
    allowed.update({float(created.day), float(created.year)})
    return {round(v, 2) for v in allowed}


def _region_names(services, code: str) -> list[str]:
    registry = services.registry
    region = registry.get(code)
    names = [registry.get(c).name for c in (region.swv_po, region.swv_vo) if c]
    names += [p.name for p in registry.peers(code, n=8)] if region.level == "gemeente" else []
    return sorted(names, key=len, reverse=True)


def assert_numbers_in_data(services, report) -> None:
    """Every number in the report's visible text is a data value, a quote or a date part."""
    from bot.oogo.report_render import render_html

    text = _text_of(render_html(report)).replace(f"versie {report.version}", "versie")
    for name in _region_names(services, report.region_code):  # SWV names hold numbers
        text = text.replace(name, " ")
    for source in report.sources:  # provenance lines name their edition year
        text = text.replace(source, " ")
    text = re.sub(r"\b[1-5]\. (?=Profiel|Cijfers|Regioscan|Gesprekspunten|Bronnen)", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    allowed = _data_numbers(services, report)
    found = [_parse(t) for t in NUMBER.findall(text)]
    assert found
    strays = sorted({n for n in found if round(n, 2) not in allowed})
    assert not strays, f"numbers not in the data: {strays}"


def test_html_has_sections_and_demo_notice(report, no_network) -> None:
    from bot.oogo.report_render import render_html

    document = render_html(report)
    for section in SECTIONS:
        assert f'id="{section}"' in document, section
    text = _text_of(document)
    assert "Demonstratiedata" in text and "DEMONSTRATIEDATA" in document  # first page + footer
    assert report.version in text
    assert "Er is nog geen afgeronde regioscan" in text
    for point in report.points.points:
        assert htmllib.escape(point.title, quote=False) in document
    assert "Vaste onderwerpen om na te vragen" in text
    assert "http://" not in re.sub(r"<p class=\"src origin\">.*?</p>", "", document)


def test_every_number_in_the_html_is_in_the_data(services, report) -> None:
    assert_numbers_in_data(services, report)


def test_no_scores_ids_or_old_labels(report) -> None:
    from bot.oogo.report_render import render_html, render_markdown

    for document in (_text_of(render_html(report)), render_markdown(report)):
        assert not re.search(r"\bscore\b", document, re.I)
        assert "alle onderwijssoorten samen" not in document
        assert "alle jeugdigen van 0 tot 23 jaar" in document
        assert "thuis te zitten" not in document and "thuis te komen" not in document
    for chart in report.charts:
        assert not re.search(r"\b(jeugdzorg|neet|neet_rr) · ", chart.title), chart.title
        assert "_" not in chart.title and "·" not in chart.title


def test_columns_name_the_partnership_levels(services, report) -> None:
    from bot.oogo.report_render import render_html

    text = _text_of(render_html(report))
    assert "SWV PO" in text and "SWV VO" in text
    engine = services.indicators
    for row in report.rows:
        if row.indicator == "neet":
            assert row.swv_po == "niet per SWV PO" and row.swv_vo != "niet per SWV VO"
        if row.category in ("po", "sbo", "so"):
            assert row.swv_vo == "niet per SWV VO"
        if "rest SWV" in row.wording:  # the chat's partnership for the same figure
            kind = "SWV PO" if engine.swv_for(report.region_code,
                                              row.category).startswith("PO") else "SWV VO"
            assert f"rest {kind}" in row.wording, (row.category, row.wording)


def test_a_partnership_of_one_gemeente_is_said_not_repeated(deventer) -> None:
    from bot.oogo.report_render import render_html

    assert sorted(deventer.alone) == ["PO2303", "VO2303"]
    text = _text_of(render_html(deventer))
    assert "bestaan alleen uit Deventer" in text
    for row in deventer.rows:
        assert row.swv_po in ("alleen Deventer", "niet per SWV PO"), row
        assert row.swv_vo in ("alleen Deventer", "niet per SWV VO"), row
        assert "rest SWV" not in row.wording


def test_pdf_renders_offline_and_looks_like_a_document(report, no_network, tmp_path) -> None:
    from bot.oogo.report_render import render_pdf

    pdf = render_pdf(report)
    assert pdf.startswith(b"%PDF")
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    assert len(document) >= 2
    first_page = document[0].get_textpage().get_text_range()
    assert report.region_name in first_page and "Demonstratiedata" in first_page
    assert "DEMONSTRATIEDATA" in document[len(document) - 1].get_textpage().get_text_range()
    image = document[1].render(scale=1.0).to_pil().convert("L")  # the figures table page
    image.save(tmp_path / "page2.png")
    dark = sum(1 for pixel in image.getdata() if pixel < 128)
    assert 0.01 < dark / (image.width * image.height) < 0.5  # text on the page, not a blank


def test_markdown_writes_charts_next_to_file(report, tmp_path) -> None:
    from bot.oogo.report_render import write_report

    target = write_report(report, tmp_path / "oogo.md", "md")
    text = target.read_text(encoding="utf-8")
    assert "## 4. Gesprekspunten voor het OOGO" in text and "Demonstratiedata" in text
    assert "| SWV PO | SWV VO |" in text
    for chart in report.charts:
        assert (tmp_path / f"oogo_{chart.key}.png").read_bytes().startswith(b"\x89PNG")
        assert f"(oogo_{chart.key}.png)" in text


def test_report_for_a_big_city_has_charts_and_rows(services) -> None:
    from bot.oogo.report import build_report

    big = build_report(services, BIG_CITY)
    assert len(big.charts) >= 4
    assert {row.indicator for row in big.rows} == {"jeugdzorg", "neet", "neet_rr"}
    assert any(label == "Samenwerkingsverband VO" for label, _ in big.profile)
    assert any("zonder Amsterdam" in c.title for c in big.charts)  # the tested rest is drawn


def test_report_for_a_po_partnership_has_no_vo_or_neet_rows(services) -> None:
    from bot.oogo.report import build_report

    po = build_report(services, "PO2001", with_charts=False)
    assert po.rows and {row.indicator for row in po.rows} == {"jeugdzorg"}
    assert not {row.category for row in po.rows} & {"vo", "vso", "pro", "mbo"}
    assert not po.has_swv

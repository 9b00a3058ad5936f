"""Issue 17: adding an indicator is a catalog entry plus data. A temporary entry
("maatwerktraject") and consistent CSV rows in a temporary data dir, and the assistant answers,
compares and charts it, and the preparation report shows it in its table, charts and findings,
with no other change."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

import indicators.catalog as cat
from indicators import vocabulary as vc

NEW = "maatwerktraject"


def _entry() -> cat.IndicatorDef:
    return cat.IndicatorDef(
        id=NEW, label_nl="maatwerktrajecten", label_en="tailored learning paths",
        the_nl="het aandeel leerlingen met een maatwerktraject",
        the_en="the share of pupils on a tailored learning path",
        keyword_nl="maatwerktraject", keyword_en="tailored learning path",
        synonyms=("maatwerktrajecten",), unit="%", categories={"totaal": ("totaal",)},
        definition_nl="Percentage leerplichtige leerlingen met een maatwerktraject (testcijfer).",
        definition_en="Percentage of pupils of compulsory school age on a tailored path (test).",
        age_range="5 tot 18 jaar",
        words_nl={"totaal": vc.Words("alle leerplichtigen", "leerplichtige leerlingen")},
        words_en={"totaal": vc.Words("all pupils", "pupils of compulsory school age")},
        levels={"totaal": cat.ALL_LEVELS},
    )


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    """A data dir for the new indicator's figures (the catalog goes in through the
    composition root: no module is patched)."""
    return tmp_path_factory.mktemp("new-indicator")


def _write_rows(registry, path: Path) -> None:
    """Gemeente figures, and SWV and national rows as their sums (what the import checks ask)."""
    rnd = random.Random(7)
    own = {}
    for region in registry.gemeenten():
        for year in (2022, 2023):
            den = max(200, (region.inhabitants or 10_000) // 6)
            own[region.code, year] = (max(10, int(den * rnd.uniform(0.003, 0.012))), den)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["indicator", "region", "category", "year", "numerator", "denominator",
                      "value"])
        for region in registry.all():
            for year in (2022, 2023):
                parts = [own[region.code, year]] if region.level == "gemeente" else [
                    own[m.code, year] for m in registry.members(region.code)
                    if (m.code, year) in own]
                if parts:
                    num, den = sum(p[0] for p in parts), sum(p[1] for p in parts)
                    out.writerow([NEW, region.code, "totaal", year, num, den,
                                  round(100 * num / den, 1)])


@pytest.fixture(scope="module")
def services(extended):
    from bot.services import build_services
    from bot.settings import Settings
    from indicators.registry import RegionRegistry

    data = extended / "maatwerk.csv"
    _write_rows(RegionRegistry.load(), data)
    return build_services(Settings(data_dir=extended / "var", indicator_data=data,
                                   _env_file=None),
                          catalog={**cat.build_catalog(), NEW: _entry()})


@pytest.fixture(scope="module")
def ask(services):
    from bot.core.messages import IncomingMessage
    from bot.core.state import InMemoryStateStore
    from bot.services import build_assistant

    assistant = build_assistant(services, store=InMemoryStateStore(), charts=True)

    def _ask(text: str):
        return assistant.handle(IncomingMessage(conversation_id=f"new-{text}", user_id="u",
                                                text=text, channel="test"))
    return _ask


def test_the_engine_has_the_new_figures(services) -> None:
    assert services.indicators.years(NEW) == [2022, 2023]
    assert services.indicators.catalog is services.catalog and NEW in services.catalog
    assert NEW not in cat.catalog()  # the entry came in through the composition root only


def test_the_assistant_answers_the_new_indicator(ask, services) -> None:
    reply = ask("Hoeveel maatwerktrajecten heeft Zwolle?")
    value = services.indicators.lookup(NEW, "GM0193")
    assert reply.debug["label"] == "figure" and "Maatwerktrajecten in Zwolle (2023)" in reply.text
    assert f"{value.value:.1f}".replace(".", ",") in reply.text


def test_the_assistant_compares_and_charts_it(ask) -> None:
    reply = ask("Vergelijk maatwerktraject in Zwolle met Nederland")
    assert reply.intent == "compare" and "Nederland" in reply.text and reply.charts
    trend = ask("maatwerktraject Zwolle ontwikkeling")
    assert trend.intent == "trend" and "2022" in trend.text and trend.charts


def test_a_question_in_other_words_is_a_figure_question(ask, services) -> None:
    """The catalog's words in any sentence (plural or singular, nl or en): the intent model
    never saw them, so they are kept out of its input and the question reads as a figure."""
    value = f"{services.indicators.lookup(NEW, 'GM0193').value:.1f}"
    for text in ("Hoeveel maatwerktrajecten zijn er in Zwolle?",
                 "Hoeveel maatwerktraject zijn er in Zwolle?",
                 "How many tailored learning paths are there in Zwolle?"):
        reply = ask(text)
        assert reply.debug["label"] == "figure" and reply.intent == "indicator", text
        assert value in reply.text or value.replace(".", ",") in reply.text, text


def test_the_clarifying_question_offers_it(ask) -> None:
    reply = ask("Vergelijk Zwolle met Nederland")
    assert reply.intent == "clarify"
    assert ("Maatwerktraject", "maatwerktraject Zwolle") in [
        (b.label, b.value) for b in reply.buttons]


def test_the_texts_that_list_the_figures_name_it(ask, services) -> None:
    """Help, out of scope, "which figures?" and "figures unavailable" name every catalog
    indicator (``{indicators}``), in Dutch and English, the new one included."""
    from bot.core.answers.simple import data_unavailable_reply

    said = {"nl": ("het aandeel leerlingen met een maatwerktraject", "relatieve risico op NEET"),
            "en": ("the share of pupils on a tailored learning path", "relative risk of NEET")}
    for text, lang in (("help", "nl"), ("Wat is het weer morgen?", "nl"),
                       ("Vergelijk Zwolle met Nederland", "nl"),
                       ("What's the weather tomorrow?", "en"),
                       ("Compare Zwolle with the Netherlands", "en")):
        reply = ask(text)
        assert all(words in reply.text for words in said[lang]), (text, reply.text)
    for lang in ("nl", "en"):
        assert said[lang][0] in data_unavailable_reply(services.catalog, lang).text


def test_the_report_shows_its_figures(services) -> None:
    from bot.oogo.report import build_report

    report = build_report(services, "GM0193")
    rows = [row for row in report.rows if row.indicator == NEW]
    assert [row.category for row in rows] == ["totaal"]
    assert rows[0].label.startswith("Maatwerktrajecten") and rows[0].region != "-"
    assert [c.key for c in report.charts if NEW in c.key] == [
        f"vergelijking_{NEW}_totaal", f"trend_{NEW}_totaal"]
    assert all(c.title.startswith("Maatwerktrajecten") for c in report.charts if NEW in c.key)
    assert "maatwerktraject" in report.subjects



def test_its_findings_make_a_point_of_its_own(services) -> None:
    """No topic in the catalog entry: the point gets a topic named by the label and the
    neutral questions, never another indicator's wording."""
    from bot.oogo.findings import figures
    from bot.oogo.points import generate_points

    region = services.registry.get("GM0193")
    assert NEW in {v.indicator for v in figures(services.indicators, region)}
    points = [p for p in generate_points(services, "GM0193").points
              if any(r.startswith(f"{NEW}/") for r in p.reasons)]
    assert [p.topic for p in points] == [NEW]
    assert points[0].title.startswith("Maatwerktrajecten")
    assert not any("jeugdzorg" in q or "werk en zonder opleiding" in q
                   for q in points[0].questions)

"""A year named by counting back ("vijf jaar geleden", "het jaar daarvoor", "two years
earlier"): counted from the year the conversation showed, said in the answer, and read as a year
by the intent model."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding.features import delexicalise
from bot.core.understanding.relative_years import years_back


@pytest.mark.parametrize("folded, expected", [
    ("hoe zat het vijf jaar geleden?", (5, "vijf jaar geleden", True)),
    ("en 3 jaar eerder", (3, "3 jaar eerder", False)),
    ("en vorig jaar?", (1, "vorig jaar", True)),
    ("en vorig schooljaar?", (1, "vorig schooljaar", True)),
    ("en het jaar daarvoor?", (1, "het jaar daarvoor", False)),
    ("what about two years earlier?", (2, "two years earlier", False)),
    ("and last year?", (1, "last year", True)),
    ("een jaar terug", (1, "een jaar terug", True)),
    ("en vijftien jaar eerder?", (15, "vijftien jaar eerder", False)),
    ("five years ago", (5, "five years ago", True)),
])
def test_wordings_that_count_back(folded, expected) -> None:
    assert years_back(folded) == expected


@pytest.mark.parametrize("folded", [
    "neet in zwolle in 2019", "0 jaar geleden", "jaarlijks overleg",
    "het ondersteuningsplan geldt vier jaar",
])
def test_wordings_that_do_not(folded) -> None:
    assert years_back(folded) is None


def test_the_model_reads_a_year_counted_back_as_a_year() -> None:
    assert delexicalise("Hoe zat het vijf jaar geleden?") == delexicalise("Hoe zat het 2018?")


def test_counted_back_from_the_year_shown_and_said(ask) -> None:
    first = ask("NEET in Groningen", conv="yb-1")
    shown = first.facts[0].year
    reply = ask("Hoe zat het twee jaar eerder?", conv="yb-1")
    assert reply.facts and {f.year for f in reply.facts} == {shown - 2}
    assert {f.region for f in reply.facts} == {"GM0014", "NL01"}
    assert reply.text.startswith(f'"twee jaar eerder" lees ik als {shown - 2}, teruggeteld '
                                 f"vanaf {shown}.")


def test_after_the_nearest_year_was_shown_the_count_goes_on_from_it(ask) -> None:
    """No figures for 2015: the nearest year is shown, and "het jaar daarvoor" counts back from
    that year, not from the year asked (which would drift further from the data)."""
    first = ask("NEET in Groningen in 2015", conv="yb-2")
    shown = first.facts[0].year
    assert shown != 2015
    reply = ask("en het jaar daarvoor?", conv="yb-2")
    assert f"teruggeteld vanaf {shown}" in reply.text


def test_last_year_and_years_ago_count_from_today(ask) -> None:
    """"vorig jaar" in 2026 is 2025, whatever the newest figures are: the answer says so and,
    as for any year without figures, shows the nearest year."""
    this_year = date.today().year
    newest = ask("NEET in Zwolle", conv="yb-3").facts[0].year
    reply = ask("Hoe hoog was de NEET in Zwolle vorig jaar?", conv="yb-4")
    assert reply.text.startswith(f'"vorig jaar" lees ik als {this_year - 1}, teruggeteld '
                                 f"vanaf {this_year}.")
    if newest < this_year - 1:
        assert {f.year for f in reply.facts} == {newest}
        assert f"Voor {this_year - 1} heb ik geen cijfers" in reply.text


def test_last_year_without_figures_offers_the_year_before_the_one_shown(ask) -> None:
    """Found in a user trial: "en vorig jaar?" after the newest figure showed that figure
    again; the year before it, which many mean, is now the first suggestion, and it is read
    as that year."""
    this_year = date.today().year
    newest = ask("Hoe hoog is de NEET in Enschede?", conv="yb-7").facts[0].year
    reply = ask("en vorig jaar?", conv="yb-7")
    if newest >= this_year - 1:
        pytest.skip("the figures reach last year: nothing to offer")
    assert reply.followups[0] == f"En in {newest - 1}?"
    before = ask(reply.followups[0], conv="yb-7")
    assert {f.year for f in before.facts} == {newest - 1}
    same_year = ask("Hoe hoog was de NEET in Enschede in 2022?", conv="yb-8")
    assert not any(f.startswith("En in ") for f in same_year.followups)


def test_a_province_after_a_figure_is_still_a_figure_question(ask) -> None:
    ask("NEET in Groningen", conv="yb-6")
    assert "geen cijfers per provincie" in ask("en in de provincie?", conv="yb-6").text


def test_in_english(ask) -> None:
    ask("What is the NEET rate in Rotterdam?", conv="yb-5")
    reply = ask("And two years earlier?", conv="yb-5")
    assert reply.text.startswith('I take "two years earlier" to mean')


def test_since_a_year_counted_back_starts_the_trend_there(ask) -> None:
    """"sinds vijf jaar geleden" is a trend from that year on; it used to say the year and
    then show every year there is."""
    this_year = date.today().year
    newest = ask("jeugdzorg in Zwolle", conv="yb-s").facts[0].year
    reply = ask("jeugdzorg in Zwolle sinds vijf jaar geleden", conv="yb-s2")
    start = this_year - 5
    assert {f.year for f in reply.facts if f.region == "GM0193"} == \
        set(range(start, newest + 1)) or start > newest

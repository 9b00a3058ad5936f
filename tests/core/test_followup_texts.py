"""The follow-up buttons under a figure answer (``followup_<key>``) and the meanings of CBS
marks (``mark_*``) come from prompts/answers, in the reply's language."""

from __future__ import annotations

from bot.core.answers.followups import KEYS, followups_for
from bot.core.understanding.model import Understanding
from prompts.loader import templates


def test_every_followup_renders_in_both_languages() -> None:
    for key in KEYS:
        nl, en = (templates().render(f"followup_{key}", lang) for lang in ("nl", "en"))
        assert nl.endswith("?") and en.endswith("?") and nl != en, key


def test_the_followups_follow_the_language() -> None:
    u = Understanding(intent="indicator", indicator="jeugdzorg", regions=["GM0193"])
    assert followups_for(u, "nl")[:2] == ["Hoe heeft dit zich de afgelopen jaren ontwikkeld?",
                                          "En vergeleken met het samenwerkingsverband?"]
    assert followups_for(u, "en")[0] == "How has this developed over the years?"


def test_every_cbs_mark_has_its_meaning_in_both_languages() -> None:
    from bot.core.answers.provenance import MARK_MEANING, mark_meaning

    assert mark_meaning(".", "nl") == "geheim of onbekend bij CBS"
    assert mark_meaning("?", "en") == "unreliable according to CBS"
    assert mark_meaning("unknown mark", "en") == "secret or unknown at CBS"
    for mark in MARK_MEANING:
        assert mark_meaning(mark, "nl") != mark_meaning(mark, "en"), mark


def test_no_suggestion_for_what_was_shown_or_cannot_be_answered(ask) -> None:
    """Found by the user9 walkthrough: "En landelijk?" under a trend that shows Nederland's
    figures already, and "En vergeleken met het samenwerkingsverband?" for Deventer, whose
    samenwerkingsverband is Deventer alone (the answer then says it cannot compare)."""
    national = "En landelijk?"
    swv = "En vergeleken met het samenwerkingsverband?"
    trend = ask("Hoe heeft de NEET in Zwolle zich ontwikkeld?")
    assert "NL01" in {f.region for f in trend.facts} and national not in trend.followups
    assert swv in trend.followups  # Zwolle shares its samenwerkingsverband: still offered
    alone = ask("Hoe hoog is de NEET in Deventer?")
    assert swv not in alone.followups and alone.followups
    assert swv in ask("Hoe hoog is de NEET in Zwolle?").followups

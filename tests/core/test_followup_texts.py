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

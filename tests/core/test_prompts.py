"""The strict template loader: unknown template, missing value, mismatched languages."""

from __future__ import annotations

import pytest

from prompts.loader import PromptError, TemplateSet, load_prompt, templates


def test_all_shipped_templates_load_in_both_languages():
    t = templates()
    assert "value" in t.names() and t.get("help", "en").text != t.get("help", "nl").text


def test_unknown_template_and_missing_value():
    with pytest.raises(PromptError):
        templates().get("does_not_exist", "nl")
    with pytest.raises(PromptError):
        templates().render("value", "nl", region="Zwolle")
    with pytest.raises(PromptError):
        load_prompt("no_such_file.md")
    with pytest.raises(PromptError):
        load_prompt("llm_system.md")


def test_languages_must_use_the_same_placeholders(tmp_path):
    for lang, text in (("nl", "Hallo {naam}"), ("en", "Hello {name}")):
        (tmp_path / "set" / lang).mkdir(parents=True)
        (tmp_path / "set" / lang / "greet.txt").write_text(text)
    with pytest.raises(PromptError, match="placeholders differ"):
        TemplateSet("set", root=tmp_path)


def test_missing_language_file_is_an_error(tmp_path):
    (tmp_path / "set" / "nl").mkdir(parents=True)
    (tmp_path / "set" / "en").mkdir(parents=True)
    (tmp_path / "set" / "nl" / "only_dutch.txt").write_text("Alleen Nederlands")
    with pytest.raises(PromptError, match="unknown template"):
        TemplateSet("set", root=tmp_path)

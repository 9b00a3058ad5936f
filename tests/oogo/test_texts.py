"""The OOGO texts in ``prompts/oogo``: every template and every structured text renders in both
languages, and the structured loader refuses files whose languages disagree."""

from __future__ import annotations

import re

import pytest

from prompts.loader import LANGUAGES, PromptError, templates
from prompts.oogo_data import TextData, text_data

DATA_FILES = ("topics", "words")


def _sample(fields: frozenset[str]) -> dict[str, str]:
    return {name: f"<{name}>" for name in fields}


def test_every_oogo_template_renders_in_both_languages() -> None:
    t = templates("oogo")
    assert len(t.names()) > 40
    for name in t.names():
        nl, en = t.get(name, "nl"), t.get(name, "en")
        values = _sample(nl.fields)
        rendered = [nl.render(**values), en.render(**values)]
        assert all(text.strip() for text in rendered), name
        assert all(f"<{field}>" in text for text in rendered for field in nl.fields), name
        assert "{" not in "".join(rendered).replace("<", "").replace(">", ""), name


def _leaves(node: object, path: tuple = ()) -> list[tuple[tuple, str]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, path + (key,))]
    if isinstance(node, list):
        return [leaf for i, value in enumerate(node) for leaf in _leaves(value, path + (i,))]
    assert isinstance(node, str), path
    return [(path, node)]


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_structured_text_renders_in_both_languages(name: str) -> None:
    data = text_data("oogo", name)
    leaves = _leaves(data.get())
    assert leaves
    for path, _text in leaves:
        for language in LANGUAGES:
            text = data.get(*path, language=language)
            fields = {f[1:-1] for f in re.findall(r"\{\w+\}", text)}
            rendered = data.text(*path, language=language, **_sample(frozenset(fields)))
            assert rendered.strip() and "{" not in rendered, (name, path, language)


def test_topics_have_questions_and_participants_in_both_languages() -> None:
    from bot.oogo.topics import STANDING, all_topics, lead_question, trend_question

    topics = all_topics()
    assert set(STANDING) <= set(topics)
    for topic in topics.values():
        for language in LANGUAGES:
            assert topic.title(language) and topic.questions(language)
            assert topic.participants(language)
        assert topic.title("en") != topic.title("nl")
        assert topic.title("nl", "vraag", "jeugdzorg").endswith("wat zit erachter?")
        assert topic.title("en", "sterk").endswith("keeping what works")
    assert lead_question("aandacht", "jeugdzorg", "en").startswith("What lies behind")
    assert lead_question("vraag", "unknown_indicator", "nl").startswith("Wat zit achter het lagere")
    assert trend_question("nl").startswith("Welk doel")


def _write(tmp_path, name: str, nl: str, en: str) -> None:
    for language, text in (("nl", nl), ("en", en)):
        folder = tmp_path / "set" / language
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("nl", "en", "match"), [
    ("a: Hallo\nb: Dag\n", "a: Hello\n", "keys differ"),
    ("a: [een, twee]\n", "a: [one]\n", "2 items in nl, 1 in en"),
    ("a: Hallo {naam}\n", "a: Hello {name}\n", "placeholders differ"),
    ("a: Hallo\n", "a: 3\n", "same kind of text"),
    ("a: nee\nb: no\n", "a: no\nb: no\n", "same kind of text"),  # YAML's "no" is a boolean
    ("a: 'Hallo\n", "a: Hello\n", "malformed"),
])
def test_structured_texts_must_agree_between_languages(tmp_path, nl, en, match) -> None:
    _write(tmp_path, "texts", nl, en)
    with pytest.raises(PromptError, match=match):
        TextData("set", "texts", root=tmp_path)


def test_missing_language_and_missing_value_are_errors(tmp_path) -> None:
    (tmp_path / "set" / "nl").mkdir(parents=True)
    (tmp_path / "set" / "nl" / "texts.yaml").write_text("a: Hallo\n", encoding="utf-8")
    with pytest.raises(PromptError, match="unknown text file"):
        TextData("set", "texts", root=tmp_path)
    _write(tmp_path, "ok", "a: Hallo {naam}\n", "a: Hello {naam}\n")
    data = TextData("set", "ok", root=tmp_path)
    assert data.text("a", language="en", naam="Ann") == "Hello Ann"
    with pytest.raises(PromptError, match="needs values"):
        data.text("a")
    with pytest.raises(PromptError, match="unknown text"):
        data.get("b")

"""The sentences indicators/ and knowledge/ show users live in prompts/data/{nl,en} (issue 17):
every template renders in both languages, and every ``data_text`` call in the libraries names
a template that exists with exactly the values it needs (a typo fails here, not before a user)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from prompts.data_texts import FOLDER, data_text
from prompts.loader import LANGUAGES, PromptError, templates

ROOT = Path(__file__).resolve().parents[2]


def _calls() -> list[tuple[str, str, set[str]]]:
    """(where, template, keyword names) of every ``data_text("name", ...)`` in the libraries."""
    found = []
    for package in ("indicators", "knowledge"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id == "data_text"):
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    first = node.args[0] if node.args else None
                    names = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [
                        first]
                    assert all(isinstance(n, ast.Constant) for n in names), (
                        f"{where}: name the template")
                    assert all(k.arg for k in node.keywords), f"{where}: no **values"
                    found += [(where, n.value, {k.arg for k in node.keywords if k.arg})
                              for n in names if isinstance(n, ast.Constant)]
    return found


def test_every_data_template_renders_in_both_languages() -> None:
    texts = templates(FOLDER)
    assert texts.names()
    for name in texts.names():
        fields = texts.get(name, "nl").fields
        for language in LANGUAGES:
            text = texts.render(name, language, **{f: f"<{f}>" for f in fields})
            assert text.strip() and "{" not in text, (name, language)
            assert all(f"<{f}>" in text for f in fields), (name, language)


def test_every_call_names_a_template_with_exactly_its_values() -> None:
    calls = _calls()
    assert len(calls) > 50  # the scan sees the libraries' calls
    texts = templates(FOLDER)
    for where, name, values in calls:
        assert values == set(texts.get(name, "nl").fields), (where, name, values)
    unused = set(texts.names()) - {name for _, name, _ in calls}
    assert not unused, f"templates no code renders: {sorted(unused)}"


def test_a_missing_value_is_an_error_not_a_half_sentence() -> None:
    with pytest.raises(PromptError):
        data_text("import_unknown_indicator", indicator="x")
    assert data_text("engine_no_trend", "en", region="GM0193") == (
        "No figures over the years for GM0193.")

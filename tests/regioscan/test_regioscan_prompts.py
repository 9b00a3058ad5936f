"""The regioscan's texts in ``prompts/regioscan``: every template renders in Dutch and English,
every key the code asks for exists, and the role labels a user sees are labels it can type back.

Why: the sentences moved out of the code (issue 17 part 5); a typo in a key or a placeholder
would otherwise show up only when a user reaches that rare branch (a closed round, a full disk).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from prompts.loader import LANGUAGES, PromptError, templates

ROOT = Path(__file__).resolve().parents[2]
# the files whose sentences live in prompts/regioscan, and how each names its templates
USERS = {
    "bot/regioscan": {"t": ""},
    "bot/cli/regioscan_cmd.py": {"_text": "cli_", "t": ""},
    "bot/oogo/scan_texts.py": {"text": "points_", "items": "points_"},
    "bot/oogo/scan_signals.py": {"say": "points_"},
    "bot/channels/api/routes_rounds.py": {"t": ""},
    "bot/channels/api/routes_coordinator.py": {"t": ""},
}


def _names() -> list[str]:
    return templates("regioscan").names()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_renders_with_sample_values(language: str) -> None:
    scan = templates("regioscan")
    assert len(_names()) > 100
    for name in _names():
        template = scan.get(name, language)
        text = template.render(**{field: f"<{field}>" for field in template.fields})
        assert text.strip(), name
        assert "{" not in text and "}" not in text, (name, text)
        for field in template.fields:
            assert f"<{field}>" in text, (name, field)


def test_a_missing_value_or_key_is_an_error_not_a_half_sentence() -> None:
    from bot.regioscan.texts import t

    with pytest.raises(PromptError):
        t("nl", "question", n=1, total=16)  # no theme, no text
    with pytest.raises(PromptError):
        t("nl", "no_such_text")
    assert t("fr", "submitted") == t("nl", "submitted")  # an unknown language speaks Dutch


def _literal_keys(path: Path, functions: dict[str, str]) -> set[str]:
    """Template names in calls such as ``t(lang, "key")``, ``t("nl", "a" if x else "b")`` or
    ``_say("key")`` (the key is the second argument of ``t``, the first of the others), with the
    function's prefix. Keys built at run time (f-strings) are covered by the render test."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in functions):
            continue
        position = 1 if node.func.id == "t" else 0
        if len(node.args) > position:
            found |= {functions[node.func.id] + key for key in _keys(node.args[position])}
    return found


def _keys(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _keys(node.body) | _keys(node.orelse)
    return set()


def test_every_key_the_code_uses_exists() -> None:
    names = set(_names())
    used: set[str] = set()
    for where, functions in USERS.items():
        target = ROOT / where
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            used |= _literal_keys(path, functions)
    assert len(used) > 60, sorted(used)  # the scan found the calls (not vacuous)
    assert not used - names, sorted(used - names)


def test_role_labels_can_be_typed_back() -> None:
    """A user types the label a button or the CLI showed; it must parse to that role."""
    from bot.regioscan.rounds import ROLES, parse_role, role_label

    for role in ROLES:
        for language in LANGUAGES:
            assert parse_role(role_label(role, language)) == role, (role, language)
    assert role_label("onbekend") == "onbekend"


def test_point_texts_keep_their_shape() -> None:
    """``bot.oogo.scan_signals`` renders ``points_*`` sentences and reads one list template."""
    from bot.oogo.scan_texts import items, text

    names = [n for n in templates("regioscan").names() if n.startswith("points_")]
    assert "points_round_theme" in names and len(names) >= 15
    for language in LANGUAGES:
        participants = items(language, "participants")
        assert isinstance(participants, tuple) and len(participants) == 3
        assert text(language, "improve", label="X") == templates("regioscan").get(
            "points_improve", language).text.format(label="X")

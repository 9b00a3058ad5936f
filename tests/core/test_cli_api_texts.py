"""The CLI's and the HTTP API's sentences (``prompts/cli``, ``prompts/api``): every template
renders in both languages, and every template the code names exists.

A template with a broken placeholder, a Dutch and English pair that disagree, or a name in the
code without a file would otherwise only show up when a user hits that one message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prompts.loader import LANGUAGES, templates

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {"cli": ("bot/cli",), "api": ("bot/channels/api", "bot/storage")}
# text("name", ...) / api_text("name", ...) and the loader's own render("name", ...)
NAMED = re.compile(r"""\b(?:text|api_text|render)\(\s*f?["']([a-z0-9_{}.]+)["']""")


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_every_template_renders_in_both_languages(folder: str) -> None:
    texts = templates(folder)
    assert texts.names()
    for name in texts.names():
        for language in LANGUAGES:
            template = texts.get(name, language)
            rendered = template.render(**{f: f"<{f}>" for f in template.fields})
            assert rendered.strip(), f"{language}/{name} is empty"
            for field in template.fields:
                assert f"<{field}>" in rendered


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_every_template_the_code_names_exists(folder: str) -> None:
    known = set(templates(folder).names())
    named: set[str] = set()
    for package in FOLDERS[folder]:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.name in {"regioscan_cmd.py", "report_cmd.py", "routes_rounds.py",
                             "routes_coordinator.py", "reports.py"}:
                continue  # other folders' texts
            named |= set(NAMED.findall(path.read_text(encoding="utf-8")))
    fixed = {name for name in named if "{" not in name}
    assert fixed, "the pattern found no template names"
    assert fixed <= known, sorted(fixed - known)
    # names built from a prefix: at least one template with that prefix exists
    for name in named - fixed:
        prefix = name.split("{")[0]
        assert any(k.startswith(prefix) for k in known), name


def test_http_statuses_and_readiness_reasons_have_texts() -> None:
    from bot.channels.api.errors import OWN_TEXT_STATUSES, default_message
    from bot.channels.api.routes_health import CHECKS, INDEX_STATUSES

    api = set(templates("api").names())
    assert {f"http_{s}" for s in OWN_TEXT_STATUSES} <= api
    assert {f"ready_failed_{name}" for name in CHECKS} <= api
    assert {f"ready_index_{status}" for status in INDEX_STATUSES} <= api
    assert default_message(404) == "Niet gevonden."
    assert default_message(418) == "Dit verzoek kan ik niet verwerken."


def test_every_cli_command_gets_its_help_from_the_templates() -> None:
    """Building the app renders every help text (a missing one raises PromptError)."""
    import typer

    from bot.cli.main import create_cli

    command = typer.main.get_command(create_cli())
    seen: list[str] = []

    def walk(cmd: object) -> None:
        seen.append(getattr(cmd, "help", None) or "")
        for param in getattr(cmd, "params", []):
            if getattr(param, "help", None) is not None or param.param_type_name == "option":
                seen.append(param.help or "")
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(command)
    cli = templates("cli")
    helps = {cli.render(n) for n in cli.names() if n.startswith("help_")}
    ours = [h for h in seen if h in helps]
    assert len(ours) > 40
    assert "De vraag (tussen aanhalingstekens)." in ours


def test_storage_errors_render_their_standard_messages() -> None:
    from bot.storage.errors import StorageUnavailable

    down, read_only = StorageUnavailable(), StorageUnavailable(read_only=True)
    assert "niet bereikbaar" in down.message and not down.read_only
    assert "alleen-lezen" in read_only.message and read_only.read_only
    assert StorageUnavailable("eigen tekst").message == "eigen tekst"


def test_every_documented_api_route_has_a_summary_of_its_own(tmp_path: Path) -> None:
    from fastapi.routing import APIRoute

    from bot.channels.api import routes_chat, routes_data, routes_health, routes_history
    from bot.channels.api.app import create_app
    from bot.settings import Settings

    app = create_app(settings=Settings(_env_file=None, data_dir=tmp_path))
    routes = [r for m in (routes_chat, routes_data, routes_health, routes_history)
              for r in m.router.routes if isinstance(r, APIRoute) and r.include_in_schema]
    assert len(routes) == 15
    assert all(r.summary == templates("api").render(f"summary_{r.name}") for r in routes)
    chat = app.openapi()["paths"]["/api/chat"]["post"]
    assert chat["summary"] == "Eén beurt in het gesprek"
    assert "(`demo_data`)" in app.openapi()["info"]["description"]

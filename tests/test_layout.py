"""House rules that keep the layout honest (DESIGN.md): libraries never import the application,
and only channels and the CLI import web, chat or command-line frameworks."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORKS = {"fastapi", "starlette", "telegram", "typer", "click", "uvicorn"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _py_files(*parts: str) -> list[Path]:
    return sorted((ROOT.joinpath(*parts)).rglob("*.py"))


def test_libraries_never_import_the_application() -> None:
    for package in ("indicators", "knowledge"):
        for path in _py_files(package):
            assert "bot" not in _imports(path), f"{path} imports bot"


def test_only_channels_and_cli_import_frameworks() -> None:
    allowed = (ROOT / "bot" / "channels", ROOT / "bot" / "cli")
    for package in ("bot", "indicators", "knowledge", "prompts"):
        for path in _py_files(package):
            if any(path.is_relative_to(a) for a in allowed):
                continue
            bad = _imports(path) & FRAMEWORKS
            assert not bad, f"{path} imports {bad}"


def test_top_level_layout_exists() -> None:
    for name in ("bot", "bot/channels", "indicators", "knowledge", "prompts", "tests",
                 "pyproject.toml", "Dockerfile", "README.md", ".ci/run"):
        assert (ROOT / name).exists(), name

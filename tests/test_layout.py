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


def test_prompts_is_a_leaf_the_libraries_may_use() -> None:
    """indicators/ and knowledge/ render their user messages through prompts/ (the texts live
    in prompts/data/), so prompts/ itself never imports the application or the libraries."""
    for path in _py_files("prompts"):
        bad = _imports(path) & {"bot", "indicators", "knowledge"}
        assert not bad, f"{path} imports {bad}"


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


def _modules(path: Path, package: str | None = None) -> set[str]:
    """Every module a file imports, in full (``bot.core.messages``), at any depth of the file:
    function-level imports count too. Relative imports are resolved against the file's package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if package is None:
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            # "from bot.core import assistant" imports the submodule bot.core.assistant
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_the_core_never_imports_channels_cli_or_oogo() -> None:
    """The conversation core is channel-agnostic: it reaches oogo through the Points port and
    never knows which channel or command called it (not even inside a function)."""
    forbidden = ("bot.oogo", "bot.channels", "bot.cli")
    for path in _py_files("bot", "core"):
        bad = {m for m in _modules(path) if any(_under(m, f) for f in forbidden)}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


# The core's public face for channels (docs/ARCHITECTURE.md, "Layer rules"): the assistant, the
# message types, the ports, the plain renderer and the conversation state (the web channel keeps
# the state of a conversation it shows; Telegram's in-memory fallback store).
CORE_PUBLIC = {"bot.core", "bot.core.assistant", "bot.core.messages", "bot.core.ports",
               "bot.core.plaintext", "bot.core.state"}


def test_channels_use_only_the_cores_public_modules() -> None:
    for path in _py_files("bot", "channels"):
        bad = {m for m in _modules(path)
               if _under(m, "bot.core") and m not in CORE_PUBLIC
               and m.rsplit(".", 1)[0] not in CORE_PUBLIC - {"bot.core"}}
        assert not bad, f"{path.relative_to(ROOT)} imports the core's internals {sorted(bad)}"


def test_the_rule_checker_sees_function_level_and_relative_imports(tmp_path: Path) -> None:
    """The checks above would pass vacuously if _modules missed imports inside functions."""
    probe = tmp_path / "probe.py"
    source = "def f():\n    from bot.oogo.points import x\n    from .answers import labels\n"
    probe.write_text(source, encoding="utf-8")
    found = _modules(probe, package="bot.core")
    assert "bot.oogo.points" in found and "bot.core.answers.labels" in found


ENVIRON = {"environ", "getenv", "environb", "getenvb"}


def test_libraries_never_read_the_environment() -> None:
    """indicators/ and knowledge/ take configuration as arguments; only bot.settings reads
    OOGO_* (the composition root passes the values on)."""
    for package in ("indicators", "knowledge"):
        for path in _py_files(package):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
                if isinstance(node, ast.Attribute):
                    assert node.attr not in ENVIRON, f"{where} reads os.{node.attr}"
                if isinstance(node, ast.ImportFrom) and node.module == "os":
                    assert not {a.name for a in node.names} & ENVIRON, f"{where} imports os.environ"


def test_the_composition_root_passes_library_configuration(tmp_path: Path) -> None:
    """OOGO_USE_THREADS reaches the embedder as an argument, through Settings and Services."""
    from bot.services import build_services
    from bot.settings import Settings

    services = build_services(Settings(data_dir=tmp_path, use_threads=3))
    assert services.knowledge.embedding_threads == 3


def _any_locators(path: Path, root: Path = ROOT) -> list[str]:
    """Parameters named ``services`` annotated ``Any`` (or ``Any | None``) in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.arg == "services" and node.annotation is not None:
            names = {n.id for n in ast.walk(node.annotation) if isinstance(n, ast.Name)}
            if "Any" in names:
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_any_service_locator() -> None:
    """Application parts arrive typed (issue 17): ``Services`` outside the core, the narrow
    port a core module uses inside it; never ``services: Any``."""
    bad = [hit for path in _py_files("bot") for hit in _any_locators(path)]
    assert not bad, bad


def test_the_locator_check_sees_an_any_annotation(tmp_path: Path) -> None:
    """The check above would pass vacuously if it missed the annotations it looks for."""
    probe = tmp_path / "probe.py"
    probe.write_text("def f(x: Any, services: Any | None) -> None: ...\n", encoding="utf-8")
    assert _any_locators(probe, tmp_path) == ["probe.py:1"]

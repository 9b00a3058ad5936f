"""The package the container runs: built as the Dockerfile builds it, installed in a fresh
virtual environment, and asked for a PDF report (issue 20: ``report.html.j2`` was missing from
the package, and ``oogo report`` then blamed the disk).

There is no Docker engine here, so the test reads the Dockerfile instead: it copies what the
``COPY`` lines copy (minus .dockerignore), builds the wheel from it with pip (no network: the
shared venv's setuptools, no build isolation), installs that wheel with ``--no-deps`` into a new
venv that sees the shared venv's dependencies, and runs ``oogo report`` from that venv in an
empty directory, so only the installed package can be used.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "indicators", "knowledge", "prompts")


def _dockerignore() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip().rstrip("/") for line in lines if line.strip()
            and not line.startswith("#")]


def _ignored(relative: str, patterns: list[str]) -> bool:
    """Docker's rule: a pattern matches from the context root ("data" is only the top-level
    data directory); a leading "**/" matches at any depth."""
    parts = relative.split("/")
    anchored = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    for pattern in patterns:
        if pattern.startswith("**/"):
            tail = pattern[3:]
            if any(fnmatch.fnmatchcase(part, tail) for part in parts):
                return True
        elif any(fnmatch.fnmatchcase(prefix, pattern) for prefix in anchored):
            return True
    return False


def _copies() -> tuple[list[str], str]:
    """The sources the Dockerfile copies into the build directory, and that directory."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    install = re.search(r'pip install "([^"\[]+)\[\$\{OOGO_EXTRAS\}\]"', text)
    assert install, "the Dockerfile must install the copied package with the OOGO_EXTRAS"
    target = install.group(1).rstrip("/")
    sources: list[str] = []
    for line in text.splitlines():
        parts = line.split()
        if parts[:1] == ["COPY"] and parts[-1].rstrip("/").startswith(target):
            sources += parts[1:-1]
    return sources, target


def _copy_build_context(dest: Path) -> None:
    sources, _ = _copies()
    assert {"pyproject.toml", *PACKAGES} <= set(sources), sources
    patterns = _dockerignore()
    for source in sources:
        path = ROOT / source
        if path.is_file():
            shutil.copy2(path, dest / source)
            continue
        for file in path.rglob("*"):
            relative = file.relative_to(ROOT).as_posix()
            if file.is_file() and not _ignored(relative, patterns):
                (dest / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, dest / relative)


def _source_files() -> set[str]:
    """Every file the packages ship in the repository (tracked by git; caches left out)."""
    try:
        listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", *PACKAGES], check=True,
                                capture_output=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: the tree itself
        listed = [f.relative_to(ROOT).as_posix() for package in PACKAGES
                  for f in (ROOT / package).rglob("*") if f.is_file()]
    return {name for name in listed if "__pycache__" not in name and not name.endswith(".pyc")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    context = tmp_path_factory.mktemp("context")
    _copy_build_context(context)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--no-index", "-q", "-w", str(dist), str(context)], check=True,
                   capture_output=True, text=True, timeout=300)
    built = sorted(dist.glob("oogo_assistent-*.whl"))
    assert built, "no wheel was built"
    with zipfile.ZipFile(built[0]) as archive:
        names = set(archive.namelist())
    missing = sorted(_source_files() - names)
    assert not missing, f"files of the packages missing from the wheel: {missing}"
    return built[0]


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel; dependencies come from the shared venv (a .pth line)."""
    env_dir = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True,
                   timeout=120)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"], check=True,
                             capture_output=True, text=True).stdout.strip()
    # a plain path line: the shared packages are importable, but their .pth files (the
    # editable install of the source tree) are not run, so only the wheel provides `bot`
    Path(purelib, "shared-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--no-index", "-q", str(wheel)], check=True,
                   capture_output=True, text=True, timeout=300)
    return env_dir


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OOGO_", "PYTHON"))}
    env.update({"OOGO_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1",
                "ANONYMIZED_TELEMETRY": "False"})
    return env


def test_installed_package_is_the_wheel(venv, tmp_path) -> None:
    out = subprocess.run([str(venv / "bin" / "python"), "-c",
                          "import bot, prompts; print(bot.__file__); print(prompts.__file__)"],
                         capture_output=True, text=True, cwd=tmp_path, env=_env(tmp_path),
                         check=True)
    assert all(line.startswith(str(venv)) for line in out.stdout.split()), out.stdout


def test_pdf_report_from_the_installed_package(venv, tmp_path) -> None:
    output = tmp_path / "zwolle.pdf"
    run = subprocess.run([str(venv / "bin" / "oogo"), "report", "Zwolle", "-o", str(output)],
                         capture_output=True, text=True, cwd=tmp_path,
                         env=_env(tmp_path / "var"), timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert output.read_bytes().startswith(b"%PDF"), run.stdout
    assert output.stat().st_size > 20_000


def test_missing_template_is_named_not_blamed_on_the_disk(venv, tmp_path) -> None:
    """The old failure, on purpose: without the template the user hears what is missing."""
    purelib = next((venv / "lib").glob("python*/site-packages"))
    template = purelib / "bot" / "oogo" / "templates" / "report.html.j2"
    kept = template.read_bytes()
    template.unlink()
    try:
        run = subprocess.run([str(venv / "bin" / "oogo"), "report", "Zwolle", "-o",
                              str(tmp_path / "x.pdf")], capture_output=True, text=True,
                             cwd=tmp_path, env=_env(tmp_path / "var"), timeout=600)
    finally:
        template.write_bytes(kept)
    assert run.returncode == 2
    assert "report.html.j2" in run.stderr and "sjabloon" in run.stderr, run.stderr
    assert "schrijven" not in run.stderr and "Traceback" not in run.stderr


def test_image_can_include_the_llm_extra() -> None:
    """The build argument names extras that exist, and the default installs PostgreSQL."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    default = re.search(r"^ARG OOGO_EXTRAS=(\S+)$", text, re.MULTILINE)
    assert default and set(default.group(1).split(",")) <= set(extras)
    assert "postgres" in default.group(1).split(",")
    documented = re.search(r"--build-arg OOGO_EXTRAS=(\S+)", text)
    assert documented and "llm" in documented.group(1).split(",")
    assert set(documented.group(1).split(",")) <= set(extras)

"""A mistyped ``oogo`` command gets a Dutch sentence and exit code 2, not click's English.

Runs the real console entry point (``bot.cli.main.run``) in a fresh interpreter, as a user starts
it, and checks the message names what was wrong and where the help is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = "import sys; sys.argv = ['oogo', *sys.argv[1:]]; from bot.cli.main import run; run()"


def _oogo(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OOGO_DATA_DIR": str(tmp_path / "var")}
    return subprocess.run([sys.executable, "-c", ENTRY, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("args", "expected"), [
    (("points",), "Er ontbreekt een waarde voor 'regio'. Zie 'oogo points --help'."),
    (("points", "Zwolle", "--bogus"), "De optie --bogus bestaat niet bij 'oogo points'."),
    (("points", "Zwolle", "--max", "99"),
     "Deze waarde voor --max kan niet: kies een getal van 1 tot en met 20."),
    (("pointz",), "Het commando 'pointz' bestaat niet. Zie 'oogo --help'"),
    (("report", "Zwolle"), "Er ontbreekt een waarde voor --output."),
])
def test_usage_errors_are_dutch(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    done = _oogo(tmp_path, *args)
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Error:" not in done.stderr and "Usage:" not in done.stderr
    assert "Traceback" not in done.stderr


def test_help_and_a_bare_group_still_show_the_help(tmp_path: Path) -> None:
    assert "regioscan" in _oogo(tmp_path, "--help").stdout
    bare = _oogo(tmp_path, "round")
    assert "Regioscan-rondes voor een regio" in bare.stdout + bare.stderr


@pytest.mark.parametrize("args", [("--help",), ("ask", "--help"), ("round",),
                                  ("indicator", "show", "--help")])
def test_help_pages_are_dutch_around_the_help_texts_too(tmp_path: Path,
                                                        args: tuple[str, ...]) -> None:
    """click's headings, placeholders and the --help line in Dutch (``bot.cli.help_chrome``)."""
    done = _oogo(tmp_path, *args)
    page = done.stdout + done.stderr
    assert page.startswith("Gebruik: oogo")
    assert "Opties:" in page and "Toon deze hulp en stop." in page
    for english in ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message",
                    "[OPTIONS]", "COMMAND [ARGS]", "<str>", "<path>", "[required]"):
        assert english not in page, english
    if args[0] == "indicator":
        assert "Argumenten:" in page and "[verplicht]" in page and "<getal>" in page


@pytest.mark.parametrize(("args", "usage", "row"), [
    (("report", "--help"), "oogo report [OPTIES] {regio}", "  regio  Gemeente"),
    (("data", "check", "--help"), "oogo data check [OPTIES] [bestand]", "  bestand  "),
    (("search", "--help"), "oogo search [OPTIES] {zoekvraag}", "  zoekvraag  "),
    (("ask", "--help"), "oogo ask [OPTIES] [vraag]", "  vraag  De vraag"),
])
def test_arguments_are_named_in_dutch(tmp_path: Path, args: tuple[str, ...], usage: str,
                                      row: str) -> None:
    """typer names an argument after its Python parameter: '{region}', 'file', 'question'
    stood in the Dutch usage line and argument list (and in 'Er ontbreekt een waarde voor')."""
    page = _oogo(tmp_path, *args).stdout
    assert f"Gebruik: {usage}\n" in page and f"\n{row}" in page, page

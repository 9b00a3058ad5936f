"""Count Dutch sentences that still live in code instead of in ``prompts/``.

Why: user-facing text belongs in ``prompts/`` behind the strict loader (nl/en parity, no missing
placeholder), so it can be reviewed and reworded without touching code and follows the reply's
language. This is a heuristic, not a parser of meaning: a string literal of at least three words
of which at least two are common Dutch words counts; docstrings, comments and the arguments of
logging calls and exceptions meant for developers do not. ``tests/test_texts_in_prompts.py`` holds
the budget per file so the count can only go down.

Usage: ``python scripts/dutch_strings.py [--list] [paths...]`` (default: bot indicators knowledge).
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUTCH = frozenset(
    """de het een en van is in op te dat die voor met niet er zijn je jouw we wij ik u uw om
    aan als bij of ook nog naar dan uit over door kan kun kunt geen deze dit wat wordt worden
    heeft hebben was waren maar meer welke hoe waar wil wilt moet mag kies typ alle nu al
    eerst later graag vraag vragen antwoord antwoorden cijfers gemeente regio geen niets hier
    staat staan gaan gaat ga""".split()  # noqa: SIM905 (a word list reads better as text)
)
LOG_CALLS = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log"})
DEFAULT_PATHS = ("bot", "indicators", "knowledge")


REGEX_MARKS = ("(?:", "\\b", "\\s", "\\w", "|")


def _is_dutch(text: str) -> bool:
    if any(mark in text for mark in REGEX_MARKS):
        return False  # a pattern the understanding matches, not a sentence shown
    words = [w.strip(".,:;!?()'\"«»—-").lower() for w in text.split()]
    words = [w for w in words if w]
    return len(words) >= 3 and sum(w in DUTCH for w in words) >= 2


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """Ids of string constants that are docstrings or arguments of log calls."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip.add(id(body[0].value))
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in LOG_CALLS:
                for sub in ast.walk(node):
                    skip.add(id(sub))
    return skip


def dutch_strings(path: Path) -> list[tuple[int, str]]:
    """The Dutch-looking string literals of one file, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _skipped_nodes(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                skip.add(id(part))
            text = "".join(
                p.value if isinstance(p, ast.Constant) and isinstance(p.value, str) else " x "
                for p in node.values
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if _is_dutch(text):
            found.append((node.lineno, text))
    return found


def count(paths: tuple[str, ...] = DEFAULT_PATHS) -> Counter[str]:
    """Dutch-looking strings per file (relative path), over the given folders."""
    counts: Counter[str] = Counter()
    for base in paths:
        for path in sorted((ROOT / base).rglob("*.py")):
            n = len(dutch_strings(path))
            if n:
                counts[path.relative_to(ROOT).as_posix()] = n
    return counts


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    paths = tuple(a for a in argv if not a.startswith("--")) or DEFAULT_PATHS
    counts = count(paths)
    for name, n in counts.most_common():
        print(f"{n:4d}  {name}")
        if listing:
            for line, text in dutch_strings(ROOT / name):
                print(f"        {line}: {text[:90]!r}")
    print(f"{sum(counts.values()):4d}  total in {len(counts)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

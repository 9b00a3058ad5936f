"""Run every benchmark script in bench/ and print their tables as one Markdown document.

Run: ``python3 bench/run_all.py`` (``--only service,indicators`` to choose, ``--timeout`` per
script in seconds). ``--figures FILE`` writes only the README's figures table (issue 18; every
row with the command that produced it, see ``bench/figures.py``) to FILE. Each script runs in
its own process, so one slow or broken script costs only its own section (its error is printed
in the section), and the figures of one cannot be skewed by memory or caches another left behind.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _table import machine  # noqa: E402


def scripts(only: set[str] | None) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if p.stem.removeprefix("bench_") in only]
    return found


def run(script: Path, timeout: float) -> tuple[str, float, int]:
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, text=True,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"_Afgebroken na {timeout:.0f} s._", time.perf_counter() - start, -1
    output = done.stdout.strip()
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        output += f"\n\n_Mislukt (exit {done.returncode}):_\n\n```\n{tail}\n```"
    return output, time.perf_counter() - start, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated names, e.g. service,oogo")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per script")
    parser.add_argument("--figures", type=Path, default=None,
                        help="write the README figures table to this file and stop")
    args = parser.parse_args(argv)
    if args.figures:
        output, _, code = run(HERE / "figures.py", args.timeout)
        args.figures.write_text(output + "\n", encoding="utf-8")
        print(output)
        return 0 if code == 0 else 1
    only = {n.strip() for n in args.only.split(",") if n.strip()} or None
    print("# Benchmarks OOGO-assistent\n")
    print(f"Machine: {machine()}\n")
    failures = 0
    for script in scripts(only):
        print(f"running {script.name} ...", file=sys.stderr)
        output, seconds, code = run(script, args.timeout)
        failures += code != 0
        print(f"## {script.stem.removeprefix('bench_')} (`python3 bench/{script.name}`, "
              f"{seconds:.0f} s)\n")
        print(output + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Seconds from launching ``oogo serve`` to ``/readyz`` 200, on a fresh and on an existing data
dir, a few times: ``python3 bench/bench_ready.py [--runs N] [--root TREE ...]``.

Why a bench of its own: the ready time moves with the load of the machine, so a before/after
comparison only means something when both run back to back; ``--root`` runs the code of another
source tree (an export of ``main``) in the same loop, interleaved with this one. Besides the
wall time it prints the CPU seconds the server process had used by then (less sensitive to the
load of others) and its resident memory a moment later. A tree without its install-time files
(``python -m bot.install``) is measured as it is: slower, which is the point of those files.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _server import Server, start_server, stop_server, wait_ready  # noqa: E402

ROOT = HERE.parent


def _cpu_seconds(server: Server) -> float:
    fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(server: Server) -> int:
    for line in Path(f"/proc/{server.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def one_run(root: Path) -> list[str]:
    """Fresh, then existing (the same data dir started again)."""
    out = []
    with tempfile.TemporaryDirectory(prefix="oogo-ready-") as tmp:
        data = Path(tmp) / "data"
        for label in ("fresh", "existing"):
            server = start_server(data, {"OOGO_LOG_LEVEL": "WARNING",
                                         "PYTHONDONTWRITEBYTECODE": ""}, root=root)
            try:
                ready = wait_ready(server, timeout=300)
                cpu = _cpu_seconds(server)
                rss = _rss_mb(server)
            finally:
                stop_server(server)
            shown = (f"{ready['ready_s']:.2f} s" if ready["ready"]
                     else f"niet klaar: {ready['detail']}")
            out.append(f"{label} {shown} (cpu {cpu:.2f} s, {rss} MB)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, action="append", default=[],
                        help="another source tree to run in the same loop (e.g. main)")
    args = parser.parse_args(argv)
    roots = [*[r.resolve() for r in args.root], ROOT]
    for root in roots:  # compiled as an installed package is, so no run pays for compiling
        subprocess.run([sys.executable, "-m", "compileall", "-q", "bot", "indicators",
                        "knowledge", "prompts"], cwd=root, check=False,
                       stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})
    for _ in range(args.runs):
        for root in roots:
            print(f"{root.name:>12}: " + " | ".join(one_run(root)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

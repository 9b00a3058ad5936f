"""The README's figures table (issue 18): every row measured here, with the command behind it.

Run through ``python3 bench/run_all.py --figures FILE`` (or ``python3 bench/figures.py``). CLI
rows are wall time and peak RSS of a fresh process (``/usr/bin/time``-style, from ``wait4``);
server rows come from ``bench_vs_bare.py`` in the same run. Absolute figures vary by machine and
by what else runs on it; the ratio to the bare app is measured side by side and holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _server import start_server, stop_server, wait_ready  # noqa: E402
from _table import machine, markdown_table  # noqa: E402

FIGURE_Q = "Hoe hoog is de NEET in Zwolle?"
KNOWLEDGE_Q = "Wie zit er aan tafel bij het OOGO?"


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        return float("nan"), float("nan")
    return wall, usage.ru_maxrss / 1024.0


def best_of(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    """The fastest of ``repeat`` runs (the least disturbed by other load) and its peak RSS."""
    runs = [timed(args, env) for _ in range(repeat)]
    return min(runs)


def oogo(*args: str) -> list[str]:
    return [sys.executable, "-c", "from bot.cli.main import run; run()", *args]


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def collect(repeat: int = 3, quick: bool = False) -> list[list[str]]:
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="oogo-figures-") as tmp:
        data = Path(tmp) / "data"
        # compiled like an installed package (pip writes .pyc files): a shell with
        # PYTHONDONTWRITEBYTECODE and a tree without __pycache__ would otherwise compile every
        # module of the project on every run and add ~0.3 s to each figure. In place, next to
        # the sources (ignored by git and Docker): a PYTHONPYCACHEPREFIX would also leave the
        # installed libraries without their .pyc files and make the first start compile them.
        bytecode = {"PYTHONDONTWRITEBYTECODE": ""}
        env = {**os.environ, "PYTHONPATH": str(ROOT), "OOGO_DATA_DIR": str(data),
               "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
               "ANONYMIZED_TELEMETRY": "False", **bytecode}
        subprocess.run([sys.executable, "-m", "compileall", "-q", "bot", "indicators",
                        "knowledge", "prompts"], cwd=ROOT, env=env, check=False,
                       stdout=subprocess.DEVNULL)
        for label in ("fresh", "existing"):
            server = start_server(data, {"OOGO_LOG_LEVEL": "WARNING", **bytecode})
            try:
                ready = wait_ready(server, timeout=600)
            finally:
                stop_server(server)
            rows.append([f"klaar (`/readyz`), {'nieuwe' if label == 'fresh' else 'bestaande'} "
                         "datamap", f"{ready['ready_s']:.1f} s", "< 3 s",
                         "`python3 bench/figures.py` (start `oogo serve`, poll `/readyz`)"])
        wall, _ = best_of(oogo("--help"), env, repeat)
        rows.append(["`oogo --help`", f"{wall:.2f} s", "< 0.2 s", "`oogo --help`"])
        wall, rss = best_of(oogo("ask", FIGURE_Q), env, repeat)
        rows.append(["`oogo ask` cijfervraag", f"{wall:.2f} s ({rss:.0f} MB)", "< 0.6 s",
                     f"`oogo ask \"{FIGURE_Q}\"`"])
        wall, rss = best_of(oogo("ask", KNOWLEDGE_Q), env, repeat)
        rows.append(["`oogo ask` kennisvraag (index bestaat)", f"{wall:.2f} s ({rss:.0f} MB "
                     "piek)", "–", f"`oogo ask \"{KNOWLEDGE_Q}\"`"])
    command = [sys.executable, str(HERE / "bench_vs_bare.py"), "--json", "-"]
    if quick:
        command.append("--quick")
    with tempfile.NamedTemporaryFile(suffix=".json") as raw:
        command[command.index("-")] = raw.name
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        results = json.loads(Path(raw.name).read_text())
    bench = "`python3 bench/bench_vs_bare.py`"
    for level, r in results["levels"].items():
        served, floor, bare = r["oogo"], r["bare_index"], r["bare"]
        goal = "≥ 0.6×, p95 < 60 ms" if int(level) == 10 else "p95 < 250 ms"
        rows.append([f"`/api/chat` {level} clients, oogo / kaal geïndexeerd",
                     f"{served['rps'] / floor['rps']:.2f}× ({served['rps']:.0f} / "
                     f"{floor['rps']:.0f} req/s; p95 {served['p95']:.0f} / "
                     f"{floor['p95']:.0f} ms)", goal, bench])
        rows.append([f"`/api/chat` {level} clients, oogo / kaal (filtert per verzoek)",
                     f"{served['rps'] / bare['rps']:.2f}× ({bare['rps']:.0f} req/s kaal; p95 "
                     f"{bare['p95']:.0f} ms)", "–", bench])
    busiest = max(server.get("client_cpu", 0.0) for r in results["levels"].values()
                  for server in r.values())
    rows.append(["CPU van de belastingsclient (hoogste slice)", f"{busiest:.0%} van één kern",
                 "ver onder 100%", bench])
    rows.append(["geheugen per worker na de belasting", f"{results['rss_mb']['oogo']:.0f} MB "
                 f"(kaal {results['rss_mb']['bare']:.0f} MB)", "< 400 MB", bench])
    return rows


def render(rows: list[list[str]], load_before: str) -> str:
    return "\n".join([
        f"Machine: {machine()}; load average bij de start: {load_before}, aan het eind: "
        f"{load_average()}.", "",
        "Absolute cijfers hangen af van de machine en van wat er verder op draait; de "
        "verhoudingen (naast elkaar gemeten, in één run) veel minder, maar niet helemaal: ze "
        "hangen wat af van de processor.", "",
        markdown_table(["meting", "resultaat", "doel", "commando"], rows)])


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short load slices")
    parser.add_argument("--repeat", type=int, default=3, help="CLI runs per row (best counts)")
    args = parser.parse_args(argv)
    before = load_average()
    print(render(collect(args.repeat, args.quick), before))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

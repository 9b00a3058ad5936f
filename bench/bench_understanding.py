#!/usr/bin/env python3
"""Understanding alone, in-process: the time to load the intent model and the time per message
(targets: model load < 1 s, understanding < 5 ms median), plus the wall time of `oogo --help`
(target < 0.2 s). Messages: every training message, each in a fresh conversation, after one
warm-up pass (the region registry and the model are loaded before timing).

Usage: python3 bench/bench_understanding.py [--limit 800]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=800)
    args = parser.parse_args()
    from bot.core.state import ConversationState
    from bot.core.understanding.corpus import TRAIN, load
    from bot.core.understanding.intent_model import MODEL_PATH, IntentModel
    from bot.core.understanding.parse import understand
    from indicators.registry import RegionRegistry

    started = time.perf_counter()
    model = IntentModel.load(MODEL_PATH)
    load_ms = (time.perf_counter() - started) * 1000
    registry = RegionRegistry.load()
    texts = [e.text for e in load(TRAIN)][: args.limit]
    for text in texts:  # warm-up: registry indexes, rapidfuzz, template caches
        understand(text, ConversationState(), registry, model=model)
    times = []
    for text in texts:
        state = ConversationState()
        t0 = time.perf_counter()
        understand(text, state, registry, model=model)
        times.append((time.perf_counter() - t0) * 1000)
    oogo = shutil.which("oogo") or "oogo"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    walls = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([oogo, "--help"], cwd=ROOT, check=False, capture_output=True, env=env)
        walls.append((time.perf_counter() - started) * 1000)
    help_ms = min(walls)
    print(f"{'measure':<28} {'value':>10} {'target':>10}")
    print(f"{'model load (ms)':<28} {load_ms:>10.1f} {'< 1000':>10}")
    print(f"{'understand median (ms)':<28} {statistics.median(times):>10.2f} {'< 5':>10}")
    print(f"{'understand p95 (ms)':<28} {percentile(times, 95):>10.2f} {'':>10}")
    print(f"{'understand max (ms)':<28} {max(times):>10.2f} {'':>10}")
    print(f"{'messages':<28} {len(times):>10d} {'':>10}")
    print(f"{'oogo --help wall (ms)':<28} {help_ms:>10.0f} {'< 200':>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

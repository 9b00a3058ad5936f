#!/usr/bin/env python3
"""Time per question of the conversation core, in-process (targets: indicator < 20 ms,
knowledge < 60 ms median). Loading (engine, index) happens before timing; charts are off
unless --charts is given, because channels that show no pictures do not draw them.

Usage: python3 bench/bench_conversation.py [--rounds 20] [--charts]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

INDICATOR = [
    "Hoeveel procent van de jeugdigen in Utrecht heeft jeugdzorg?",
    "Vergelijk Zwolle en Deventer op jeugdzorg",
    "Hoe heeft het jeugdzorggebruik in Almere zich de afgelopen jaren ontwikkeld?",
    "Welke gemeenten lijken op Deventer en hoe doen die het op NEET?",
    "Hoort Nijmegen bij de hoogste gemeenten qua jeugdzorg?",
    "How does youth care in Eindhoven compare nationally?",
    "Wat is het relatieve risico op NEET na voortijdig schoolverlaten in Groningen?",
    "Jeugdzorg per onderwijssoort in Zwolle",
]
KNOWLEDGE = [
    "Wat is het OOGO?",
    "Hoe vaak moet het ondersteuningsplan worden vastgesteld?",
    "Waar vind ik cijfers over thuiszitters?",
    "Hoe zet ik de vragenlijsten uit in mijn regio?",
    "Wat is het verschil tussen OOGO passend onderwijs en OOGO jeugd?",
    "What is the OOGO?",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def run(assistant, questions: list[str], rounds: int) -> list[float]:
    from bot.core.messages import IncomingMessage

    times = []
    for r in range(rounds):
        for i, question in enumerate(questions):
            msg = IncomingMessage("bench", f"bench-{r}-{i}", "bench", question)
            start = time.perf_counter()
            assistant.handle(msg)
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--charts", action="store_true")
    args = parser.parse_args()
    from bot.core.state import InMemoryStateStore
    from bot.services import build_assistant, build_services
    from bot.settings import Settings

    services = build_services(Settings())
    assistant = build_assistant(services, store=InMemoryStateStore(), charts=args.charts)
    run(assistant, INDICATOR + KNOWLEDGE, 1)  # warm-up: load engine, index, model
    rows = []
    for name, questions, target in (("indicator", INDICATOR, 20.0),
                                    ("knowledge", KNOWLEDGE, 60.0)):
        times = run(assistant, questions, args.rounds)
        median = statistics.median(times)
        rows.append((name, len(times), median, percentile(times, 95), max(times), target))
    print(f"{'kind':<10} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} "
          f"{'target':>7}  ok")
    for name, n, median, p95, worst, target in rows:
        print(f"{name:<10} {n:>5} {median:>10.1f} {p95:>8.1f} {worst:>8.1f} {target:>7.0f}  "
              f"{'yes' if median < target else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

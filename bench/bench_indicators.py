"""Benchmark of the indicator engine (prints a table; not a test).

Measures, in-process on the shipped demonstration data: loading the registry and the engine,
lookup alone, lookup + comparison with Nederland (the target: under 2 ms median), comparison
with the SWV, with peers, trend, position, name resolution and find_mentions.

Run: ``python bench/bench_indicators.py [--n 2000]``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time


def _measure(fn, n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[args.index("--n") + 1]) if "--n" in args else 2000
    from indicators.engine import IndicatorEngine
    from indicators.registry import RegionRegistry

    start = time.perf_counter()
    registry = RegionRegistry.load()
    engine = IndicatorEngine.load(registry)
    load_ms = (time.perf_counter() - start) * 1000
    rng = random.Random(1)
    codes = [g.code for g in registry.gemeenten()]
    categories = engine.catalog["jeugdzorg"].all_categories
    engine.position("jeugdzorg", "GM0363")  # warm the ranking cache once
    cases = {
        "lookup": lambda: engine.lookup("jeugdzorg", rng.choice(codes), rng.choice(categories)),
        "lookup + compare NL01": lambda: engine.compare(
            "jeugdzorg", rng.choice(codes), "NL01", rng.choice(categories)),
        "lookup + compare swv": lambda: engine.compare(
            "neet", rng.choice(codes), "swv", "totaal"),
        "compare neet_rr NL01": lambda: engine.compare(
            "neet_rr", rng.choice(codes), "NL01", "pro"),
        "compare_peers (8)": lambda: engine.compare_peers("jeugdzorg", rng.choice(codes)),
        "trend (5 years)": lambda: engine.trend("neet", rng.choice(codes)),
        "position (cached ranking)": lambda: engine.position("jeugdzorg", rng.choice(codes)),
        "resolve (exact)": lambda: registry.resolve("Den Bosch"),
        "resolve (typo)": lambda: registry.resolve("Amsterdm"),
        "find_mentions (sentence)": lambda: registry.find_mentions(
            "Vergelijk Zwolle en Deventer op jeugdzorg in het vso"),
    }
    print(f"load registry + engine: {load_ms:.0f} ms (once per process)")
    print(f"{'operation':<28} {'median ms':>10} {'p95 ms':>10}   (n={n})")
    print("-" * 54)
    for name, fn in cases.items():
        median, p95 = _measure(fn, n)
        print(f"{name:<28} {median:>10.4f} {p95:>10.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of the knowledge index: cold build, unchanged re-index, query latency per method.

Run: python3 bench/bench_retrieval.py [--model use-multilingual] [--rounds 5]
Prints a table; it is a benchmark, not a test (timings depend on the machine and its load).
Uses a throwaway data dir, the shipped documents and every question file of knowledge/eval.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.evaluation import (  # noqa: E402
    evaluate,
    format_table,
    load_part,
    part_name,
    question_files,
)
from knowledge.retrieval import METHODS  # noqa: E402
from knowledge.service import KnowledgeBase  # noqa: E402


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="use-multilingual")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    parts = {part_name(p): load_part(p) for p in question_files()}
    questions = [q for qs in parts.values() for q in qs]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        kb = KnowledgeBase.open(Path(tmp) / "var", embedding_model=args.model)
        embedder = kb.embedder
        embedder.embed_query("opwarmen")
        load_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = kb.index()
        cold_s = time.perf_counter() - t0
        n_chunks = report.added

        t0 = time.perf_counter()
        again = kb.index()
        warm_s = time.perf_counter() - t0
        assert not again.changed, again

        reopened = KnowledgeBase.open(Path(tmp) / "var", embedding_model=args.model)
        t0 = time.perf_counter()
        reopened.search("Wat is het OOGO?")
        first_search_s = time.perf_counter() - t0

        rows = []
        for method in METHODS:
            latencies = []
            for _ in range(args.rounds):
                for question in questions:
                    start = time.perf_counter()
                    kb.search(question.question, k=3, method=method)
                    latencies.append((time.perf_counter() - start) * 1000)
            rows.append((method, statistics.median(latencies), _pct(latencies, 0.95)))

        print(f"model: {embedder.name}; {n_chunks} passages; {len(questions)} vragen")
        print(f"{'stap':<40} {'tijd':>10}")
        print(f"{'model laden + eerste embedding':<40} {load_s:>9.2f}s")
        print(f"{'index bouwen (koud)':<40} {cold_s:>9.2f}s  ({n_chunks / cold_s:.0f} passages/s)")
        print(f"{'opnieuw indexeren (ongewijzigd)':<40} {warm_s:>9.2f}s")
        print(f"{'eerste zoekvraag na openen':<40} {first_search_s:>9.2f}s")
        print()
        print(f"{'methode':<8} {'mediaan ms':>11} {'p95 ms':>8}   ({args.rounds} rondes)")
        for method, median, p95 in rows:
            print(f"{method:<8} {median:>11.2f} {p95:>8.2f}")
        print()
        print(format_table(evaluate(kb, parts)))


if __name__ == "__main__":
    main()

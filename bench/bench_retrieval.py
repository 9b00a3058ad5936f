"""Benchmark of the knowledge index: cold build, unchanged re-index, query latency per method.

Run: python3 bench/bench_retrieval.py [--model use-multilingual] [--rounds 3] [--eval]
Prints a table; it is a benchmark, not a test (timings depend on the machine and its load, so
the load average is printed with the figures, and the plain baseline is timed in the same run).
Uses a throwaway data dir, the shipped documents and the development questions
(knowledge/eval/retrieval_dev.jsonl) as queries. Per method: wall-clock and CPU time of
``KnowledgeBase.search`` in process; for the two-stage search also where the time goes (the
question's forward passes, the signals, the reranker and gate). ``--eval`` adds the evaluation
table of ``oogo eval retrieval`` for the development part only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.baseline import BaselineIndex  # noqa: E402
from knowledge.evaluation import EVAL_DIR, evaluate, format_table, load_part  # noqa: E402
from knowledge.features import focus_text  # noqa: E402
from knowledge.retrieval import METHODS, single_thread  # noqa: E402
from knowledge.service import KnowledgeBase  # noqa: E402


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _time(fn: Callable[[str], object], questions: list[str], rounds: int) -> tuple[list[float],
                                                                                  list[float]]:
    """Wall-clock and CPU milliseconds of ``fn`` per question."""
    wall, cpu = [], []
    for _ in range(rounds):
        for q in questions:
            w, c = time.perf_counter(), time.process_time()
            fn(q)
            wall.append((time.perf_counter() - w) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    return wall, cpu


def _row(name: str, wall: list[float], cpu: list[float]) -> str:
    return (f"{name:<34} {statistics.median(wall):>9.2f} {_pct(wall, 0.95):>8.2f} "
            f"{statistics.median(cpu):>9.2f}")


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} / {five:.2f} (1 / 5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="use-multilingual")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--eval", action="store_true", help="also the dev evaluation table")
    args = parser.parse_args()

    dev = load_part(EVAL_DIR / "retrieval_dev.jsonl")
    questions = [q.question for q in dev]
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
        first_search_s = time.perf_counter() - t0  # loads the cached vectors, no embedding

        retriever = kb.retriever()
        dense = retriever._dense
        baseline = BaselineIndex(kb._directories(), embedder)
        baseline.search("opwarmen")
        load_before = _load()
        rows = []
        for method in METHODS:
            rows.append(_row(f"search ({method})",
                             *_time(lambda q, m=method: kb.search(q, k=3, method=m),
                                    questions, args.rounds)))
        rows.append(_row("basislijn 1000/200 (embed + Chroma)",
                         *_time(lambda q: baseline.search(q, k=3), questions, args.rounds)))
        parts = [
            ("  hybride: vraag + focuswoorden embedden",
             lambda q: dense.embed_queries([q, focus_text(q)])),
            ("  hybride: signalen zonder embedden", None),
            ("  hybride: rank() totaal", lambda q: retriever.rank(q)),
        ]
        cached: dict[str, object] = {}

        def signals_only(q: str) -> object:
            with single_thread():
                sims = cached[q]
                return retriever.features.compute(q, **sims)  # type: ignore[arg-type]

        for q in questions:
            cached[q] = retriever._similarities(q)
        for name, fn in parts:
            rows.append(_row(name, *_time(fn or signals_only, questions, args.rounds)))
        load_after = _load()
        baseline.close()

        print(f"model: {embedder.name}; {n_chunks} passages, {len(retriever.sections)} secties; "
              f"{len(questions)} vragen x {args.rounds} rondes")
        print(f"{'stap':<40} {'tijd':>10}")
        print(f"{'model laden + eerste embedding':<40} {load_s:>9.2f}s")
        print(f"{'index bouwen (koud)':<40} {cold_s:>9.2f}s  ({n_chunks / cold_s:.0f} passages/s)")
        print(f"{'opnieuw indexeren (ongewijzigd)':<40} {warm_s:>9.2f}s")
        print(f"{'eerste zoekvraag na openen':<40} {first_search_s:>9.2f}s")
        print()
        print(f"belasting van de machine: voor {load_before}; na {load_after}")
        print(f"{'in process':<34} {'mediaan ms':>9} {'p95 ms':>8} {'CPU ms':>9}")
        for row in rows:
            print(row)
        if args.eval:
            print()
            print(format_table(evaluate(kb, {"dev": dev})))


if __name__ == "__main__":
    main()

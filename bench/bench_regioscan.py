"""Benchmark of the regioscan storage path: committed answers per second through the service
(every answer is its own transaction, committed before the reply) and round aggregation time.

Usage: python bench/bench_regioscan.py [--answers 400] [--respondents 300] [--pg URL]
Prints a table; not a test (timings depend on the machine and its disks).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path


def _service(url: str):
    from bot.regioscan.definition import load_scan
    from bot.regioscan.service import RegioscanService
    from bot.storage.db import make_engine, migrate
    from bot.storage.stores import RoundStore, ScanStore

    engine = make_engine(url)
    migrate(engine)
    return RegioscanService(load_scan(), ScanStore(engine), RoundStore(engine)), engine


def bench_answers(url: str, n: int) -> tuple[float, float]:
    """(answers per second, p95 latency in ms) for n answers via handle()."""
    service, engine = _service(url)
    latencies, done, conv = [], 0, 0
    while done < n:
        conv += 1
        service.start(f"bench-{conv}", f"user-{conv}")
        for _ in range(16):
            start = time.perf_counter()
            service.handle(f"bench-{conv}", f"user-{conv}", text=str(random.randint(1, 5)))
            latencies.append(time.perf_counter() - start)
            done += 1
    engine.dispose()
    total = sum(latencies)
    return n / total, statistics.quantiles(latencies, n=20)[18] * 1000


def bench_round(url: str, respondents: int) -> tuple[float, float]:
    """(seconds to fill a round directly in the stores, seconds for round_result)."""
    from bot.storage.records import AnswerWrite

    service, engine = _service(url)
    _, code, token = service.create_round("GM0363", "bench")
    round_ = service.rounds.by_code(code)
    roles = ["gemeente", "swv", "onderwijs", "jeugdhulp", "anders"]
    start = time.perf_counter()
    for i in range(respondents):
        member = service.rounds.add_respondent(round_.id, f"r{i}", roles[i % 5])
        scan = service.scans.create(f"r{i}", f"c{i}", {}, round_id=round_.id,
                                    respondent_id=member.id)
        answers = [AnswerWrite(q.id, random.randint(1, 5)) for q in service.definition.questions]
        service.scans.apply(scan.id, answers=answers, status="submitted", submitted=True)
    fill = time.perf_counter() - start
    service.close_round(code, token)  # results exist only for a closed round
    start = time.perf_counter()
    service.round_result(code)
    result = time.perf_counter() - start
    engine.dispose()
    return fill, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=400)
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--pg", help="PostgreSQL URL to include (postgresql+psycopg://...)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        backends = [("sqlite (WAL, synchronous=FULL)",
                     f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")]
        if args.pg:
            backends.append(("postgresql", args.pg))
        print(f"{'backend':32} {'answers/s':>10} {'p95 ms':>8} "
              f"{'fill ' + str(args.respondents):>10} {'result s':>9}")
        for name, url in backends:
            rate, p95 = bench_answers(url, args.answers)
            fill, result = bench_round(url, args.respondents)
            print(f"{name:32} {rate:10.0f} {p95:8.1f} {fill:10.2f} {result:9.3f}")


if __name__ == "__main__":
    main()

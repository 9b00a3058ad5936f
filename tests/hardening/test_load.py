"""200 simultaneous regioscan conversations over HTTP, on SQLite and on PostgreSQL.

Each conversation answers a distinct pattern; afterwards the database must hold exactly the
acknowledged answers, each in its own conversation: nothing lost, doubled or crossed. The default
run uses 4 answers per conversation; OOGO_LONG_TESTS=1 runs all 16.
"""

from __future__ import annotations

import asyncio

import pytest

from .helpers import LONG
from .loadrun import pattern, run_conversations, scan_counts, stored_answers

CONVERSATIONS = 200


def _labels(services) -> dict[int, str]:
    return {v: services.scan_definition.scale_label(v, "nl") for v in range(1, 6)}


def _check_database(services, length: int, acknowledged: dict[str, list[int]]) -> None:
    question_ids = [q.id for q in services.scan_definition.questions]
    stored = stored_answers(services.db, question_ids)
    counts = scan_counts(services.db)
    problems = []
    for number in range(CONVERSATIONS):
        conv = f"load-{number}"
        expected = pattern(number, length)
        if acknowledged.get(conv) != expected:
            problems.append(f"{conv}: acknowledged {acknowledged.get(conv)}")
        if stored.get(conv) != expected:
            problems.append(f"{conv}: stored {stored.get(conv)} expected {expected}")
        if counts.get(conv) != 1:
            problems.append(f"{conv}: {counts.get(conv)} scans")
    assert not problems, problems[:10]


def _run(services, live_app, length: int) -> None:
    base = live_app(services)
    total = services.scan_definition.total
    result = asyncio.run(run_conversations(base, CONVERSATIONS, length, _labels(services), total))
    assert not result.problems, result.problems[:10]
    assert result.requests == CONVERSATIONS * (length + 1)
    _check_database(services, length, result.acknowledged)


def test_patterns_are_distinct() -> None:
    """The check only works when no two conversations answer the same."""
    for length in (4, 16):
        patterns = {tuple(pattern(n, length)) for n in range(CONVERSATIONS)}
        assert len(patterns) == CONVERSATIONS


def test_200_conversations_sqlite(services_factory, live_app) -> None:
    services = services_factory()
    _run(services, live_app, 16 if LONG else 4)


@pytest.mark.postgres
def test_200_conversations_postgres(services_factory, live_app, pg_url) -> None:
    services = services_factory(database_url=pg_url)
    _run(services, live_app, 16 if LONG else 4)

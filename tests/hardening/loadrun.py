"""Drive many regioscan conversations at once over HTTP and check them in the database.

Each conversation answers its own pattern (conversation number in base 5), so an answer that
lands in the wrong conversation, is lost, or is stored twice shows up as a mismatch. The check
reads the database directly, not the API: what counts is what was committed.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

SCAN_START = "Ik wil de regioscan invullen"
ACK = re.compile(r"Genoteerd: ([a-zë ]+?)[.\n]")


def pattern(number: int, length: int) -> list[int]:
    """Distinct answers 1-5 for conversation ``number`` (its base-5 digits)."""
    digits, rest = [], number
    for _ in range(length):
        digits.append(1 + rest % 5)
        rest //= 5
    return digits


@dataclass
class LoadResult:
    problems: list[str] = field(default_factory=list)
    acknowledged: dict[str, list[int]] = field(default_factory=dict)
    requests: int = 0


async def _conversation(http: Any, number: int, answers: list[int], labels: dict[int, str],
                        total: int, result: LoadResult) -> None:
    conv = f"load-{number}"
    try:
        response = await http.post("/api/chat", json={"text": SCAN_START,
                                                      "conversation_id": conv})
    except Exception as exc:  # noqa: BLE001 - reported as a problem of this conversation
        result.problems.append(f"{conv} start: {type(exc).__name__} {exc!r}")
        return
    result.requests += 1
    if response.status_code != 200 or (response.json().get("progress") or {}).get("current") != 1:
        result.problems.append(f"{conv}: start gave {response.status_code} {response.text[:200]}")
        return
    acked: list[int] = []
    for position, value in enumerate(answers, start=1):
        try:
            response = await http.post("/api/chat", json={"text": str(value),
                                                          "conversation_id": conv})
        except Exception as exc:  # noqa: BLE001 - reported as a problem of this conversation
            result.problems.append(f"{conv} q{position}: {type(exc).__name__} {exc!r}")
            return
        result.requests += 1
        if response.status_code != 200:
            result.problems.append(f"{conv} q{position}: HTTP {response.status_code}")
            return
        data = response.json()
        acks = ACK.findall(data["text"])
        if acks != [labels[value]]:
            result.problems.append(f"{conv} q{position}: acks {acks}, expected {labels[value]}")
            return
        expected_next = position + 1
        progress = data.get("progress") or {}
        if position < total and progress.get("current") != expected_next:
            result.problems.append(f"{conv} q{position}: progress {progress}")
            return
        acked.append(value)
    result.acknowledged[conv] = acked


async def run_conversations(base: str, count: int, length: int, labels: dict[int, str],
                            total: int, headers: dict[str, str] | None = None) -> LoadResult:
    """``count`` simultaneous conversations of ``length`` answers each against ``base``."""
    import httpx

    result = LoadResult()

    async def one(number: int) -> None:
        # one client (one connection) per conversation, like one browser per user; a shared
        # pool would hand a request to a keep-alive connection the server is just closing
        async with httpx.AsyncClient(base_url=base, timeout=120, headers=headers or {}) as http:
            await _conversation(http, number, pattern(number, length), labels, total, result)

    await asyncio.gather(*(one(n) for n in range(count)))
    return result


def stored_answers(engine: Any, question_ids: list[str]) -> dict[str, list[int | None]]:
    """Per conversation suffix (``load-N``): stored values in question order."""
    from sqlalchemy import select

    from bot.storage.models import AnswerRow, ScanRow

    scans, answers = ScanRow.__table__, AnswerRow.__table__
    query = select(scans.c.conversation_id, answers.c.question_id, answers.c.value).join(
        answers, answers.c.scan_id == scans.c.id)
    found: dict[str, dict[str, int | None]] = {}
    with engine.connect() as conn:
        for conversation_id, question_id, value in conn.execute(query):
            suffix = conversation_id.rsplit(":", 1)[-1]
            found.setdefault(suffix, {})[question_id] = value
    return {conv: [by_q[q] for q in question_ids if q in by_q] for conv, by_q in found.items()}


def scan_counts(engine: Any) -> dict[str, int]:
    """How many scans each conversation suffix has (must be exactly one)."""
    from sqlalchemy import select

    from bot.storage.models import ScanRow

    scans = ScanRow.__table__
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for (conversation_id,) in conn.execute(select(scans.c.conversation_id)):
            suffix = conversation_id.rsplit(":", 1)[-1]
            counts[suffix] = counts.get(suffix, 0) + 1
    return counts

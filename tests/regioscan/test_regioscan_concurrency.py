"""Two workers stepping the same scan at once: every question is acknowledged exactly once
(optimistic concurrency on the scan's revision), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

from bot.regioscan.model import AnswerRecorded


def test_concurrent_steps_on_one_scan_never_double_an_answer(service):
    service.start("shared", "anna")
    acked: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(value: str) -> None:
        try:
            for _ in range(8):
                step = service.handle("shared", "anna", text=value)
                with lock:
                    acked.extend(e.question_id for e in step.events
                                 if isinstance(e, AnswerRecorded))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(v,)) for v in ("2", "4")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(acked) == sorted(q.id for q in service.definition.questions)
    record = service.scans.latest_for_conversation("shared")
    stored = service.scans.answers(record.id)
    assert len(stored) == 16 and record.state["phase"] == "confirm"
    assert record.revision == 16  # one committed step per answer; refused answers write nothing

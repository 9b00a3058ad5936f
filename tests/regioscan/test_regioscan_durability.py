"""Kill the process (SIGKILL) between answers: every acknowledged answer survives, on SQLite
and PostgreSQL, and the scan resumes after the last answer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("kill_driver.py")


def _run_and_kill(url: str, kill_after: int) -> list[tuple[str, int]]:
    proc = subprocess.Popen([sys.executable, str(DRIVER), url], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    acks: list[tuple[str, int]] = []
    try:
        for line in proc.stdout:
            if line.startswith("ACK "):
                _, qid, value = line.split()
                acks.append((qid, int(value)))
                if len(acks) >= kill_after:
                    break
            elif line.startswith("DONE"):
                break
        else:  # pragma: no cover - the driver died by itself
            pytest.fail("driver ended early: " + proc.stderr.read())
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return acks


@pytest.mark.parametrize("kill_after", [3, 11])
def test_sigkill_between_answers_loses_no_acknowledged_answer(db_url, definition, kill_after):
    from bot.regioscan.service import RegioscanService
    from bot.storage.db import make_engine
    from bot.storage.stores import RoundStore, ScanStore

    acks = _run_and_kill(db_url, kill_after)
    assert len(acks) == kill_after
    engine = make_engine(db_url)
    scans = ScanStore(engine)
    record = scans.latest_for_conversation("crash-test")
    stored = scans.answers(record.id)
    for qid, value in acks:
        assert stored[qid].value == value, f"acknowledged answer {qid}={value} lost"
        assert stored[qid].explanation.startswith("toelichting")
    # the restarted program offers to resume and continues after the last stored answer
    service = RegioscanService(definition, scans, RoundStore(engine))
    offer = service.start("crash-test", "kees")
    assert [b.label for b in offer.buttons] == ["verder waar je was", "opnieuw"]
    step = service.handle("crash-test", "kees", text="verder")
    assert f"Vraag {len(stored) + 1} van 16" in step.text
    engine.dispose()

"""Subprocess for the crash test: answers the scan through the service and prints
``ACK <question> <value>`` only after ``handle`` returned (i.e. after the commit), exactly like
a channel that replies after the service. The test SIGKILLs it between answers.

Usage: python kill_driver.py DATABASE_URL
"""

from __future__ import annotations

import sys
import time

from bot.regioscan.definition import load_scan
from bot.regioscan.model import AnswerRecorded
from bot.regioscan.service import RegioscanService
from bot.storage.db import make_engine, migrate
from bot.storage.stores import RoundStore, ScanStore


def main(url: str) -> None:
    engine = make_engine(url)
    migrate(engine)
    service = RegioscanService(load_scan(), ScanStore(engine), RoundStore(engine))
    service.start("crash-test", "kees")
    print("READY", flush=True)
    for i in range(16):
        value = i % 5 + 1
        step = service.handle("crash-test", "kees", text=f"{value}, toelichting {i}")
        for event in step.events:
            if isinstance(event, AnswerRecorded):
                print(f"ACK {event.question_id} {event.value}", flush=True)
        time.sleep(0.005)
    print("DONE", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main(sys.argv[1])

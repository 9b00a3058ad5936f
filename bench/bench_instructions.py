#!/usr/bin/env python3
"""Instructions per understood message, counted by valgrind: a measure the machine's load does
not move.

Run: ``python3 bench/bench_instructions.py`` (about a minute; needs ``valgrind``, which Debian
has as a package). ``--baseline DIR`` counts another source tree too (e.g. a ``git worktree`` of
the commit before a change) and prints the change.

Why: on a shared 2-core machine the wall and CPU time of a millisecond of Python move by 10-30%
from one run to the next, more than most single changes to the understanding save. Callgrind
counts the instructions the processor executes: for the same code and input the count of two
runs back to back agrees to a few in a million here, and runs an hour apart within about 2%
(2.26-2.30 M for one tree), so two versions counted side by side can be compared one change at a
time, and a difference of a few percent between runs far apart is no change at all.
Instructions are not time (cache misses, the interpreter's branch prediction), so a result is
confirmed with ``bench/bench_vs_bare.py`` before it is reported as requests per second.

How: each measured run loads the registry and the intent model, understands its messages once to
warm up, freezes the heap as the server does after its start (``gc.freeze``), then tells this
script it is ready; only then is counting switched on (``callgrind_control -i on``), and the
process ends with ``os._exit`` so that the interpreter's shutdown is not counted. Two sets: the
bench question ("Hoe hoog is de NEET in Zwolle?", as a follow-up of itself, as in
``bench_vs_bare``) and every 40th message of the training corpus, each in a conversation that
just asked that question.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3

RUNNER = r'''
import json, os, sys, time
root, which, rounds, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, root)
import numpy  # noqa: F401 - the server has it, and the intent model then uses it
from bot.core.state import ConversationState
from bot.core.understanding.intent_model import MODEL_PATH, IntentModel
from bot.core.understanding.memory import remember
from bot.core.understanding.parse import understand
from indicators.registry import RegionRegistry

registry, model = RegionRegistry.load(), IntentModel.load(MODEL_PATH)
QUESTION = "Hoe hoog is de NEET in Zwolle?"
if which == "bench":
    texts = [QUESTION] * 20
else:
    corpus = os.path.join(root, "bot/core/understanding/data/train.jsonl")
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")][::40][:40]
state = ConversationState()
remember(state, understand(QUESTION, state, registry, model=model), answered=True)
context = state.to_dict()


def one_round():
    for text in texts:
        understand(text, ConversationState.from_dict(context), registry, model=model,
                   latest_year=lambda: 2023)


one_round()
import gc
gc.collect()
gc.freeze()
print("READY", len(texts), flush=True)
while not os.path.exists(go):
    time.sleep(0.05)
for _ in range(rounds):
    one_round()
sys.stdout.flush()
os._exit(0)
'''


def count(tree: Path, which: str) -> float:
    """Instructions per message of ``which`` ("bench" or "corpus") understood by ``tree``."""
    with tempfile.TemporaryDirectory(prefix="oogo-instr-") as tmp:
        work = Path(tmp)
        runner, go, out = work / "runner.py", work / "go", work / "callgrind.out"
        runner.write_text(RUNNER, encoding="utf-8")
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        env.pop("PYTHONPATH", None)
        process = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
             sys.executable, str(runner), str(tree), which, str(ROUNDS), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert process.stdout is not None
        ready = process.stdout.readline().split()
        if not ready or ready[0] != "READY":
            process.kill()
            problem = process.stderr.read() if process.stderr else ""
            raise SystemExit(f"the run did not start:\n{problem[-2000:]}")
        messages = int(ready[1]) * ROUNDS
        subprocess.run(["callgrind_control", "-i", "on", str(process.pid)], check=True,
                       capture_output=True)
        go.touch()
        _, err = process.communicate()
        refs = re.search(r"refs:\s*([\d,]+)", err)
        if refs is None:
            raise SystemExit(f"valgrind printed no count:\n{err[-2000:]}")
        return int(refs.group(1).replace(",", "")) / messages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another source tree to count as well")
    args = parser.parse_args()
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("valgrind is not installed (Debian: apt-get install valgrind); nothing counted")
        return 0
    trees = [("this tree", ROOT)] + ([("baseline", args.baseline.resolve())]
                                     if args.baseline else [])
    started = time.perf_counter()
    print("| set | " + " | ".join(name for name, _ in trees)
          + (" | change |" if args.baseline else " |"))
    print("|---|" + "---|" * (len(trees) + (1 if args.baseline else 0)))
    for which in ("bench", "corpus"):
        counts = [count(tree, which) for _, tree in trees]
        cells = [f"{c / 1e6:.3f} M" for c in counts]
        if args.baseline:
            cells.append(f"{(counts[0] - counts[1]) / counts[1] * 100:+.1f}%")
        label = "bench question" if which == "bench" else "corpus sample (40)"
        print(f"| {label} | " + " | ".join(cells) + " |")
    print(f"\ninstructions per understood message; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

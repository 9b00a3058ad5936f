"""Small shared helpers for the benchmark scripts: timing statistics, the machine, tables.

Why a helper: every bench script prints a Markdown table that the lead pastes into the README,
and the figures only mean something next to the machine they were measured on, so all scripts
describe the machine and compute medians and percentiles the same way.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile (0-100) with linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p95 and max of durations given in seconds, returned in milliseconds."""
    ms = [s * 1000.0 for s in seconds]
    return {
        "n": float(len(ms)),
        "median": statistics.median(ms) if ms else float("nan"),
        "p95": percentile(ms, 95),
        "max": max(ms) if ms else float("nan"),
    }


def time_calls(fn: Callable[[], Any], repeat: int, warmup: int = 2) -> list[float]:
    """Call ``fn`` ``warmup`` times untimed, then ``repeat`` times; the durations in seconds."""
    for _ in range(warmup):
        fn()
    durations: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        durations.append(time.perf_counter() - start)
    return durations


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (or what platform knows)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekend"


def machine() -> str:
    """One line describing where the figures were measured."""
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) // 1024 // 1024 + 1} GB RAM"
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu_model()}){memory}, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (VmRSS from /proc), NaN when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def fmt(value: Any, digits: int = 1) -> str:
    """A table cell: floats rounded, NaN as a dash."""
    if isinstance(value, float):
        if value != value:  # NaN
            return "–"
        return f"{value:.{digits}f}"
    return str(value)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(fmt(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def verdict(value: float, target: float, lower_is_better: bool = True) -> str:
    """'ja' when the target is met, else 'nee' (NaN counts as not met)."""
    if value != value:
        return "nee"
    ok = value < target if lower_is_better else value >= target
    return "ja" if ok else "nee"

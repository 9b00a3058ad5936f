"""A served worker freezes its long-lived objects after the warm-up (issue 18: a full garbage
collection over them took about 100 ms and made the slowest answers); nothing else freezes."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import types

from bot.channels.api import startup


def _prints_ok(script: str) -> None:
    """Run ``script`` in a fresh interpreter (the collector's state is per process) and check
    that it got to its last line."""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_freeze_heap_hides_old_objects_and_still_collects_new_garbage() -> None:
    script = (
        "import gc\n"
        "from bot.channels.api.startup import freeze_heap\n"
        "kept = [[i] for i in range(5000)]\n"
        "freeze_heap()\n"
        "assert gc.get_freeze_count() >= 5000, gc.get_freeze_count()\n"
        "a = []; b = [a]; a.append(b); del a, b\n"
        "assert gc.collect() >= 2\n"
        "print('ok')\n")
    _prints_ok(script)


def test_the_collector_paused_for_the_start_is_back_after_the_freeze() -> None:
    script = (
        "import gc\n"
        "from bot.channels.api.startup import freeze_heap, pause_gc\n"
        "pause_gc()\n"
        "assert not gc.isenabled()\n"
        "a = []; b = [a]; a.append(b); del a, b\n"
        "freeze_heap()\n"
        "assert gc.isenabled() and gc.get_count()[0] < 50, gc.get_count()\n"
        "print('ok')\n")
    _prints_ok(script)


def test_only_a_served_warm_up_freezes(monkeypatch) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(startup, "freeze_heap", lambda: frozen.append(True))
    monkeypatch.setattr(startup, "WARM_UP_STEPS", ())
    monkeypatch.setattr(startup, "AFTER_READY_STEPS", (), raising=False)
    services = types.SimpleNamespace(save_caches=lambda: None)
    startup.warm_up(services, threading.Event())  # type: ignore[arg-type]
    assert frozen == []
    done = threading.Event()
    startup.warm_up(services, done, freeze=True)  # type: ignore[arg-type]
    assert frozen == [True] and done.is_set()


def test_oogo_serve_runs_the_freezing_factory(monkeypatch, tmp_path) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from bot.cli.main import create_cli

    calls: list[tuple] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setenv("OOGO_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)  # restored after the test
    try:
        result = CliRunner().invoke(create_cli(), ["serve", "--port", "8999"])
        assert result.exit_code == 0, result.output
        # the single worker is this process: its collector waits for the freeze
        assert not gc.isenabled() and os.environ["OPENBLAS_NUM_THREADS"] == "1"
        (target,), options = calls[0]
        assert target == "bot.channels.api.app:serve_app" and options["factory"] is True
        from bot.channels.api.app import serve_app

        gc.enable()
        assert serve_app().router.lifespan_context is not None and not gc.isenabled()
    finally:
        gc.enable()

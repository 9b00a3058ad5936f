"""A question classified while another thread is importing numpy (the web service's warm-up
does that right after it is ready) must not see the half-built module."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_predict_while_numpy_is_being_imported_in_another_thread():
    script = textwrap.dedent("""
        import sys, threading
        assert "numpy" not in sys.modules
        from bot.core.understanding.intent_model import shipped_model
        model = shipped_model()
        assert model is not None
        importer = threading.Thread(target=lambda: __import__("numpy"))
        importer.start()
        calls = 0
        while importer.is_alive() or calls < 50:
            model.predict("hoe hoog is de neet in <plaats>", [])
            calls += 1
        importer.join()
        print("ok", calls)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok")

"""Small helpers shared by the hardening tests (kept out of conftest so tests can import them)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

LONG = os.environ.get("OOGO_LONG_TESTS") == "1"


def make_settings(data_dir: Path, **overrides: Any) -> Any:
    """Settings on embedded defaults in ``data_dir``; rate limit raised (tests share 127.0.0.1)."""
    from bot.settings import Settings

    values: dict[str, Any] = {"data_dir": data_dir, "rate_limit_per_minute": 1_000_000}
    values.update(overrides)
    return Settings(**values, _env_file=None)


def ask(services: Any, conversation: str, text: str = "", choice: str | None = None) -> Any:
    """One turn through the real ``Assistant.handle``."""
    from bot.core.messages import IncomingMessage

    return services.assistant.handle(IncomingMessage(
        channel="test", conversation_id=conversation, user_id=conversation, text=text,
        choice=choice))


def has_number(text: str) -> bool:
    """True when the answer contains a figure (a digit followed by % or a decimal comma)."""
    return re.search(r"\d+(?:,\d+)?\s?%|\d+,\d+", text) is not None


def wait_until_up(url: str, process: Any, seconds: float = 60, timeout: float = 1) -> None:
    """Poll ``url`` until it answers 200; fail when ``process`` ends or time runs out."""
    import time

    import httpx

    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(url, timeout=timeout).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up")
        time.sleep(0.2)


SMALL_DOCS = {
    "oogo.md": "---\ntitle: OOGO\n---\n# Wie zit er aan tafel\nGemeente en "
               "samenwerkingsverband voeren het OOGO over het ondersteuningsplan.\n",
    "thuiszitten.md": "---\ntitle: Thuiszitters\n---\n# Wat is thuiszitten\nEen "
                      "thuiszitter is een leerplichtig kind dat niet naar school gaat.\n",
    "neet.md": "---\ntitle: NEET\n---\n# Wat is NEET\nJongeren zonder werk, onderwijs of "
               "training heten NEET.\n",
}


def small_docs(tmp_path: Path) -> Path:
    """A folder with three short knowledge documents (a small index for the fake embedder)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in SMALL_DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs

"""Shared fixtures: every test runs offline against a fresh data directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def pytest_configure(config: pytest.Config) -> None:
    """Property tests draw the same examples on every run (a test command that passes on one
    run and fails on the next blocks a merge at random). ``OOGO_PROPERTY_RANDOM=1`` explores new
    examples instead; a failure found that way is kept in ``.hypothesis`` and becomes a fix and
    a plain test."""
    from hypothesis import settings as hypothesis_settings

    hypothesis_settings.register_profile("fixed", derandomize=True)
    hypothesis_settings.register_profile("explore", derandomize=False)
    hypothesis_settings.load_profile(
        "explore" if os.environ.get("OOGO_PROPERTY_RANDOM") == "1" else "fixed")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data directory for one test."""
    path = tmp_path / "var"
    path.mkdir()
    return path


@pytest.fixture
def settings(data_dir: Path):
    """Settings on embedded defaults in a throwaway data directory."""
    from bot.settings import Settings

    return Settings(data_dir=data_dir, _env_file=None)

"""Fixtures for the indicators tests: one registry and one demo engine per session (read-only)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def registry():
    from indicators.registry import RegionRegistry

    return RegionRegistry.load()


@pytest.fixture(scope="session")
def engine(registry):
    from indicators.engine import IndicatorEngine

    return IndicatorEngine.load(registry)

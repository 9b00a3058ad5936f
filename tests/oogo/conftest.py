"""Fixtures for the OOGO points and report tests: one set of real services per module.

The services use the shipped demonstration data and a throwaway data directory, so everything
runs offline. Building the indicator engine once per module keeps the folder well under a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest

#: three contrasting gemeenten: a big city, a mid-size town and a small rural gemeente
BIG_CITY = "GM0363"  # Amsterdam
MID_SIZE = "GM0150"  # Deventer
SMALL_RURAL = "GM1680"  # Aa en Hunze
CONTRASTING = (BIG_CITY, MID_SIZE, SMALL_RURAL)


@pytest.fixture(scope="module")
def oogo_settings(tmp_path_factory: pytest.TempPathFactory):
    from bot.settings import Settings

    data_dir: Path = tmp_path_factory.mktemp("oogo-var")
    return Settings(data_dir=data_dir, _env_file=None)


@pytest.fixture(scope="module")
def services(oogo_settings):
    from bot.services import build_services

    built = build_services(oogo_settings)
    yield built
    built.close()

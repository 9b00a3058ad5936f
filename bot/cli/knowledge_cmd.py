"""CLI commands of this group (registered by bot.cli.main)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this group's commands to the oogo app."""

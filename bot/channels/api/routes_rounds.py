"""Regioscan rounds (placeholder until the round service lands)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/rounds", tags=["regioscan"])

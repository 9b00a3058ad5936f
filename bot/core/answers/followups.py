"""Suggested next questions under an answer, phrased so the understanding layer handles them."""

from __future__ import annotations

from bot.core.understanding.model import Understanding

NL = {
    "trend": "Hoe heeft dit zich de afgelopen jaren ontwikkeld?",
    "peers": "Hoe doen vergelijkbare gemeenten het?",
    "national": "En landelijk?",
    "position": "Hoort dit bij de hoogste gemeenten?",
    "why": "Waarom?",
    "breakdown": "Per onderwijssoort?",
}
EN = {
    "trend": "How has this developed over the years?",
    "peers": "How do similar municipalities compare?",
    "national": "And nationally?",
    "position": "Is this among the highest municipalities?",
    "why": "Why?",
    "breakdown": "By type of education?",
}


def followups_for(u: Understanding, language: str) -> list[str]:
    """Two or three follow-ups that fit what was just answered."""
    table = NL if language == "nl" else EN
    keys: list[str] = []
    if u.mode != "trend":
        keys.append("trend")
    gemeente = bool(u.regions) and u.regions[0].startswith("GM")
    if gemeente and u.mode != "peers":
        keys.append("peers")
    if u.regions and u.regions[0] != "NL01" and u.mode not in ("national", "value"):
        keys.append("national")
    if u.indicator == "jeugdzorg" and u.mode != "breakdown" and (u.category in (None, "totaal")):
        keys.append("breakdown")
    return [table[k] for k in keys[:3]]

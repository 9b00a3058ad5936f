"""Suggested next questions under a figure answer, phrased so the understanding reads them as
follow-ups that change one slot (the comparison, the computation) of the question just answered.

A suggestion never asks for what the answer already shows: no "En landelijk?" under an answer
that sets the place against Nederland already, no trend under a trend.
"""

from __future__ import annotations

from bot.core.understanding.model import Understanding

NL = {
    "trend": "Hoe heeft dit zich de afgelopen jaren ontwikkeld?",
    "swv": "En vergeleken met het samenwerkingsverband?",
    "peers": "Hoe doen vergelijkbare gemeenten het?",
    "national": "En landelijk?",
    "position": "Hoort dit bij de hoogste gemeenten?",
    "breakdown": "Per onderwijssoort?",
    "risk_groups": "Welke groepen lopen het meeste risico?",
}
EN = {
    "trend": "How has this developed over the years?",
    "swv": "And compared with the partnership?",
    "peers": "How do similar municipalities compare?",
    "national": "And nationally?",
    "position": "Is this among the highest municipalities?",
    "breakdown": "By type of education?",
    "risk_groups": "Which groups run the highest risk?",
}
NATIONAL = "NL01"
# answer plans whose answer already sets the subject against Nederland
SHOWS_NATIONAL = ("value", "national", "breakdown", "ranking")
MAX_SUGGESTIONS = 3


def followups_for(u: Understanding, language: str) -> list[str]:
    """Up to three follow-ups that fit what was just answered and add something to it."""
    table = NL if language == "nl" else EN
    subject = u.regions[0] if u.regions else NATIONAL
    gemeente = subject.startswith("GM")
    keys: list[str] = []
    if u.mode != "trend":
        keys.append("trend")
    if gemeente and u.mode not in ("swv", "peers"):
        keys.append("swv")
    if gemeente and u.mode != "peers":
        keys.append("peers")
    if subject != NATIONAL and u.mode not in SHOWS_NATIONAL and NATIONAL not in u.regions:
        keys.append("national")
    if u.indicator == "jeugdzorg" and u.mode != "breakdown" and u.category in (None, "totaal"):
        keys.append("breakdown")
    if u.indicator == "neet_rr" and u.mode != "breakdown":
        keys.append("risk_groups")
    return [table[k] for k in keys[:MAX_SUGGESTIONS]]

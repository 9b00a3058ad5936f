"""Suggested next questions under a figure answer, phrased so the understanding reads them as
follow-ups that change one slot (the comparison, the computation) of the question just answered.

A suggestion never asks for what the answer already shows, or for what cannot be answered: no
"En landelijk?" under an answer that shows the figure of Nederland already (a trend does), no
trend under a trend, no comparison with the samenwerkingsverband for a gemeente that is its
samenwerkingsverband on its own, and no comparison of one place under a ranking. Under a
ranking the one suggestion is the other end of it ("En de laagste?"): a trend there was the
trend of Nederland, which the ranking did not ask about.
"""

from __future__ import annotations

from collections.abc import Collection

from bot.core.understanding.model import Understanding
from prompts.loader import templates

#: the follow-ups in the order they are offered (templates ``followup_<key>`` in
#: prompts/answers/{nl,en}/)
KEYS = ("trend", "swv", "peers", "national", "position", "breakdown", "risk_groups", "lowest",
        "highest")
NATIONAL = "NL01"
# answer plans whose answer already sets the subject against Nederland
# (a breakdown shows it unless it set another place beside each category: see ``shown``)
SHOWS_NATIONAL = ("value", "national", "ranking")
MAX_SUGGESTIONS = 3


def followups_for(u: Understanding, language: str, shown: Collection[str] = (),
                  alone: bool = False) -> list[str]:
    """Up to three follow-ups that fit what was just answered and add something to it.
    ``shown``: the regions of the answer's facts; ``alone``: the gemeente asked about is a
    samenwerkingsverband on its own."""
    lang = "nl" if language == "nl" else "en"
    if u.mode == "ranking":
        return [templates().render("followup_highest" if u.ranked_lowest else "followup_lowest",
                                   lang)]
    subject = u.regions[0] if u.regions else NATIONAL
    gemeente = subject.startswith("GM")
    keys: list[str] = []
    if u.mode != "trend":
        keys.append("trend")
    if gemeente and u.mode not in ("swv", "peers") and not alone \
            and not (u.target or "").startswith("swv"):  # set against it already
        keys.append("swv")
    if gemeente and u.mode != "peers":
        keys.append("peers")
    if subject != NATIONAL and u.mode not in SHOWS_NATIONAL and NATIONAL not in u.regions \
            and NATIONAL not in shown:
        keys.append("national")
    if u.indicator == "jeugdzorg" and u.mode != "breakdown" and u.category in (None, "totaal"):
        keys.append("breakdown")
    if u.indicator == "neet_rr" and u.mode != "breakdown":
        keys.append("risk_groups")
    return [templates().render(f"followup_{k}", lang) for k in keys[:MAX_SUGGESTIONS]]

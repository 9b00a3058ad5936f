"""What a conversation remembers of one understood message, for the next one.

One function for the assistant and for ``oogo eval understanding`` (which replays a corpus
line's context messages), so a follow-up is evaluated exactly as it is answered.
"""

from __future__ import annotations

from bot.core.state import ConversationState
from bot.core.understanding.model import Understanding


def remember(state: ConversationState, u: Understanding, *, answered: bool) -> None:
    """Keep what a follow-up will need. ``answered``: the figure answer had facts (a figure
    that could not be computed is not a context to follow up on)."""
    state.language = u.language
    if u.profile_region:
        state.profile_region = u.profile_region
    if u.intent == "clarify":
        return
    state.last_intent = u.intent
    state.last_label = u.label
    state.last_elsewhere = u.held_elsewhere
    if u.label in ("oogo_points", "report") and u.regions:
        # "waarom staat punt 2 erop?" after the points of Gouda: Gouda's points (it asked
        # for a region when the points' region had come from the question, not the profile)
        state.last_regions = list(u.regions[:1])
    if u.held_elsewhere and u.regions:  # "hoeveel thuiszitters in Deventer?": "daar" is Deventer
        state.last_frame = {**state.last_frame, "regions": list(u.regions)}
        state.last_regions = list(u.regions)
    if u.label == "figure" and u.frame is not None and u.clarify_kind == "unknown":
        state.last_frame = u.frame.to_dict()  # refused for an unknown place: no place in it
        return
    if u.label == "figure" and u.frame is not None and answered:
        state.last_frame = u.frame.to_dict()
        state.last_indicator = u.indicator
        state.last_regions = list(u.regions)
        state.last_category = u.category
        state.last_year = u.year
        state.last_comparison = u.mode

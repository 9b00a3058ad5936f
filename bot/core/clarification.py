"""Answers to a clarifying question: which region, which figures, or which reading was meant.

When the user picks an option (a button or a typed name), the original question is answered
as if it had been clear: a region is written into it in place of the unclear name, an indicator
is put in front of it, a reading is passed on as the label the model was unsure about. Anything
else drops the pending question and is handled as a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answers.simple import INTENT_CHOICE
from bot.core.state import ConversationState
from bot.core.understanding.normalize import fold
from bot.core.understanding.places import single_region
from indicators.registry import RegionRegistry

SHORT_REPLY = 6  # words: a longer message is a new question, not an answer to ours


@dataclass(frozen=True, slots=True)
class Completion:
    """The question to answer now, with what the answer to the clarification fixed."""

    question: str
    profile: str | None = None
    label: str | None = None


def complete(registry: RegionRegistry, state: ConversationState, text: str,
             choice: str | None) -> Completion | None:
    """If this message answers the pending question, the question to answer (see above)."""
    pending = state.pending
    if pending is None:
        return None
    state.pending = None
    reply = choice or text
    short = len(fold(text).split()) <= SHORT_REPLY
    if pending.slot == "intent":
        label = (choice or "")[len(INTENT_CHOICE):] if (choice or "").startswith(
            INTENT_CHOICE) else None
        return Completion(pending.question, label=label) if label in pending.options else None
    if pending.slot in ("ambiguous", "unknown"):
        picked = _picked(registry, pending.options, text, choice)
        return Completion(_replace_mention(pending.question, pending.mention, picked)) \
            if picked else None
    if pending.slot == "need_region":
        picked = _picked(registry, pending.options, text, choice) or (
            single_region(registry, reply) if short else None)
        if picked:
            state.profile_region = picked
            return Completion(pending.question, profile=picked)
        return None
    if pending.slot == "need_indicator" and reply and short:
        return Completion(f"{reply} {pending.question}")
    return None


def _picked(registry: RegionRegistry, options: list[str], text: str,
            choice: str | None) -> str | None:
    """The option the reply names: a code, a name ("Bergen (NH.)") or a button."""
    for value in (choice, text):
        if not value:
            continue
        upper = value.strip().upper()
        if upper in options:
            return upper
        code = single_region(registry, value)
        if code in options:
            return code
        folded = fold(value)
        for option in options:
            region = registry.get(option) if option in registry else None
            if region is not None and folded in (fold(region.name),
                                                 fold(f"{region.name} ({region.province})")):
                return option
    return None


def _replace_mention(question: str, mention: str, code: str) -> str:
    if mention:
        idx = fold(question).find(fold(mention))
        if idx >= 0 and len(fold(question)) == len(question):
            return question[:idx] + code + question[idx + len(mention):]
    return f"{question} {code}"

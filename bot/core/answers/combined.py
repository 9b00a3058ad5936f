"""One reply for several figures asked in one message ("jeugdzorg en NEET in het vso").

Each figure is answered on its own by ``answer_indicator`` (so each keeps its own notes, tests,
chart, definition and source); this puts them one after the other in the order they were
asked. A note about the question that an earlier answer already showed (the note that no place
was named, a corrected place name, that no map can be made: ``Reply.debug["notes"]``) is not
repeated; a line about a figure always stands, even when it reads like one before it (two
figures that are both "hoger dan de rest van het samenwerkingsverband" each say so).
Definitions and sources stand once each. The
suggested follow-ups are those of the first answer: a follow-up that names no figure asks for
all of them again (``understanding.variants``).
"""

from __future__ import annotations

from typing import Any, TypeVar

from bot.core.answers.evidence import dedupe
from bot.core.messages import Reply

T = TypeVar("T")


def _unique(items: list[T], key: Any = None) -> list[T]:
    seen: set[Any] = set()
    out = []
    for item in items:
        mark = key(item) if key else item
        if mark not in seen:
            seen.add(mark)
            out.append(item)
    return out


def _about(replies: list[Reply]) -> list[str]:
    """Each figure's definition (and its own source) in order; a line every answer shares (one
    source for all) once, at the end."""
    counts: dict[str, int] = {}
    for reply in replies:
        for line in set(reply.about):
            counts[line] = counts.get(line, 0) + 1
    shared = [line for line in _unique([x for r in replies for x in r.about]) if counts[line] > 1]
    own = [line for r in replies for line in r.about if counts[line] == 1]
    return own + shared


def combine(replies: list[Reply]) -> Reply:
    """The replies as one, in order (the first decides the intent and the follow-ups)."""
    first = replies[0]
    if len(replies) == 1:
        return first
    shown: set[str] = set()
    blocks = []
    for reply in replies:
        notes = set(reply.debug.get("notes", ()))
        lines = [line for line in reply.text.split("\n")
                 if not (line in notes and line in shown)]
        shown.update(notes)
        blocks.append("\n".join(lines).strip("\n"))
    debug: dict[str, Any] = {}
    for reply in replies:
        for name, value in reply.debug.items():
            if name == "notes":
                continue
            if isinstance(value, list):
                debug.setdefault(name, []).extend(value)
            else:
                debug.setdefault(name, value)
    later_followups = {f for reply in replies[1:] for f in reply.followups}
    buttons = first.buttons + [b for reply in replies[1:] for b in reply.buttons
                               if b.label not in later_followups]
    return Reply(
        text="\n\n".join(block for block in blocks if block),
        intent=first.intent,
        facts=dedupe([f for reply in replies for f in reply.facts]),
        regions=_unique([r for reply in replies for r in reply.regions], key=lambda r: r.code),
        charts=[c for reply in replies for c in reply.charts],
        demo_data=any(reply.demo_data for reply in replies),
        about=_about(replies),
        notices=_unique([n for reply in replies for n in reply.notices], key=lambda n: n.text),
        followups=first.followups,
        buttons=_unique(buttons, key=lambda b: b.value),
        options=_unique([o for reply in replies for o in reply.options]),
        language=first.language,
        debug=debug,
    )

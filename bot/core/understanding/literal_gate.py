"""Patterns that first ask whether the text holds a word every match must contain.

Why: most of the understanding's patterns find nothing in most messages ("is the question about a
ranking?", "does it name a school type?"), and the engine learns that only by trying the pattern
at every place of the text. Every match of "\\bwelke (?:drie )?gemeenten?\\b|\\btop ?\\d+|..."
contains "gemeente" or "top" or ...; when the text contains none of these strings, Python's
``in`` (a fast scan in C) says so in a fraction of the time, and the pattern is not run at all
(issue 18). When one of them is there, the pattern runs as before, so the answers are the same.

How: ``needles`` reads the parsed pattern and returns strings of which every match contains
one: for a sequence, the most telling of its literal runs or of its parts that must match
(a group, a branch whose every alternative has needles, a repeat of at least one); for a branch,
the needles of all alternatives together (with the start they share, which the parser moves in
front of them). A needle inside a longer one is dropped (a text with
the longer one has the shorter one too). Patterns without such strings, or with too many or too
short ones to be worth a check, stay plain patterns. ``re.IGNORECASE`` patterns are checked in
the lower-cased text, and only for ASCII text (where lower case is all that case-folding does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from bot.core.understanding.prefix_scan import internals

_parser, _constants = internals("re._parser"), internals("re._constants")

#: a gate is worth its check only with few needles, each long enough to be rare
MAX_NEEDLES = 14
MIN_NEEDLE = 3


class GatedPattern:
    """A compiled pattern behind a needle check (see the module doc). Offers the methods and
    attributes of ``re.Pattern`` the understanding uses, with the same results; a call with a
    start or end position goes to the pattern itself. No ``__getattr__`` for the rest: a class
    with one pays for it on every attribute read, its own included."""

    __slots__ = ("compiled", "needles", "lower", "pattern", "flags", "groups", "groupindex")

    def __init__(self, compiled: re.Pattern[str], needles: tuple[str, ...]) -> None:
        self.compiled = compiled
        self.lower = bool(compiled.flags & re.IGNORECASE)
        self.needles = tuple(n.lower() for n in needles) if self.lower else needles
        self.pattern, self.flags = compiled.pattern, compiled.flags
        self.groups, self.groupindex = compiled.groups, compiled.groupindex

    def may_match(self, text: str) -> bool:
        """False only when no match is possible: the text holds none of the needles."""
        if self.lower:
            if not text.isascii():
                return True
            text = text.lower()
        for needle in self.needles:  # noqa: SIM110 - a loop, not any() over a generator
            if needle in text:
                return True
        return False

    # search, match, finditer and sub run some forty times per message: the needle loop is
    # written out in them, one Python call fewer than asking ``may_match``

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        if bounds or self.lower:
            return self.compiled.search(text, *bounds) if bounds or self.may_match(text) \
                else None
        for needle in self.needles:
            if needle in text:
                return self.compiled.search(text)
        return None

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        if bounds or self.lower:
            return self.compiled.match(text, *bounds) if bounds or self.may_match(text) \
                else None
        for needle in self.needles:
            if needle in text:
                return self.compiled.match(text)
        return None

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, *bounds) if bounds or self.may_match(text) \
            else None

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        if bounds or self.lower:
            return self.compiled.finditer(text, *bounds) if bounds or self.may_match(text) \
                else iter(())
        for needle in self.needles:
            if needle in text:
                return self.compiled.finditer(text)
        return iter(())

    def findall(self, text: str, *bounds: int) -> list[Any]:
        return self.compiled.findall(text, *bounds) if bounds or self.may_match(text) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        if self.lower:
            return self.compiled.sub(repl, text, count) if self.may_match(text) else text
        for needle in self.needles:
            if needle in text:
                return self.compiled.sub(repl, text, count)
        return text

    def subn(self, repl: str | Callable[[re.Match[str]], str], text: str,
             count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, text, count) if self.may_match(text) else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(text, maxsplit) if self.may_match(text) else [text]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, GatedPattern):
            return self.compiled == other.compiled
        return self.compiled == other

    def __hash__(self) -> int:
        return hash(self.compiled)

    def __repr__(self) -> str:
        return f"GatedPattern({self.compiled!r}, needles={self.needles!r})"


def gated(compiled: re.Pattern[str]) -> re.Pattern[str]:
    """``compiled`` behind a needle check where one is worth it, else ``compiled`` itself."""
    if _parser is None or compiled.flags & (re.LOCALE | re.ASCII):
        return compiled
    try:
        found = needles(_parser.parse(compiled.pattern, compiled.flags).data)
    except Exception:  # noqa: BLE001 - the gate is an optimisation, never a failure
        return compiled
    if not found or len(found) > MAX_NEEDLES or min(map(len, found)) < MIN_NEEDLE:
        return compiled
    if compiled.flags & re.IGNORECASE and not all(n.isascii() for n in found):
        return compiled  # "ſ" matches "s" without case: no lower-cased needle says so
    return GatedPattern(compiled, found)  # type: ignore[return-value]


def needles(items: list[Any]) -> tuple[str, ...] | None:
    """Strings of which every match of the parsed sequence ``items`` contains one, or None."""
    candidates: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if run and op is _constants.BRANCH:
            # the parser moves the start the alternatives share in front of them
            # ("samenwerkingsverband|swv" is "s(?:amenwerkingsverband|wv)"): put it back
            lead = [(_constants.LITERAL, ord(char)) for char in run]
            shared = _part_needles(op, (av[0], [_Joined(lead + list(a.data)) for a in av[1]]))
            if shared:
                candidates.append(shared)
        if run:
            candidates.append(("".join(run),))
            run = []
        inner = _part_needles(op, av)
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(("".join(run),))
    return max(candidates, key=_telling, default=None)


class _Joined:
    """A parsed alternative with the shared start put back (only ``data`` is read)."""

    __slots__ = ("data",)

    def __init__(self, data: list[Any]) -> None:
        self.data = data


def _part_needles(op: Any, av: Any) -> tuple[str, ...] | None:
    """The needles of one part of a sequence that must match, or None."""
    c = _constants
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else needles(inner.data)
    if op is c.BRANCH:
        found: list[str] = []
        for alternative in av[1]:
            own = needles(alternative.data)
            if not own:
                return None  # this alternative may match without any needle
            found += own
        return _shortest_cover(found)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return needles(av[2].data)
    return None


def _shortest_cover(found: list[str]) -> tuple[str, ...]:
    """The needles without those that contain another (a text with the longer has the shorter
    too), in their order."""
    unique = list(dict.fromkeys(found))
    return tuple(n for n in unique if not any(o != n and o in n for o in unique))


def _telling(candidate: tuple[str, ...]) -> tuple[int, int]:
    """How well a set of needles rules texts out: long needles first, then few of them."""
    return (min(len(n) for n in candidate), -len(candidate))

"""Regular expressions compiled so that Python's engine can skip ahead to where a match may start.

Why: understanding one message runs some 150 patterns over it, and most are long alternations of
words ("hoogste|laagste|\\btop ?\\d*|..."). Python's ``re`` tries a pattern at every position of
the text unless the compiled pattern carries a *prefix*: a literal it must start with, or the set
of characters it may start with. It finds that set only when every alternative starts with a
plain character. One ``\\b`` in front of one alternative, or a leading ``\\b(?:...)``, and the
engine tries all alternatives at every position: on a 40-character question the big patterns
cost 10-20 µs each, three times what they cost with a prefix (issue 18).

How: ``re_compile`` parses the pattern with the standard parser, rewrites the start of the tree into
an equivalent form that does start with characters, and compiles that tree with the standard
compiler. The pattern as written stays the source (``.pattern`` is the text as typed); the
rewriting is only in the compiled code. The rewrites, each an identity of regular expressions
with the same order of trying (so ``search``, ``match`` and ``finditer`` find the same spans):

* ``\\bw...`` -> ``w(?<!\\w\\w)...`` for a word character ``w``: a word boundary before a word
  character means the character before it is no word character; checked just after it;
* ``\\b(?:a|b)...`` -> ``(?:\\ba|\\bb)...``: a boundary in front of a group goes into each
  alternative;
* ``(?:a|b)x`` at the start of an alternative -> ``ax|bx``, and a non-capturing group at the
  start is opened up;
* ``(?:a)?x`` -> ``(?:ax|x)``: a greedy optional part tries itself first, as the branch does;

and the resulting branch is grouped by first characters (``ab|c|ad`` -> ``a(?:b|d)|c``, three
characters deep), so the engine rejects a letter's alternatives at once instead of one by one.
Last, ``re_compile`` puts the compiled pattern behind a check for the strings every match must
contain, where that is worth it (``literal_gate``).

Anything else (a capturing group, ``^``, a class, a repeat at the start) leaves the pattern as
the standard compiler makes it; so do ``re.IGNORECASE`` (cased letters give no character set)
and ``re.ASCII`` (where ``\b`` and ``str.isalnum`` disagree on "é"), a pattern that already has a
prefix, a whole pattern behind one ``\b`` (the engine tries it only where a word starts, which
the rewrite made slower, measured), and any failure of the rewriting. Used for the lexicon's and
the slots' patterns, where the big alternations are; ``tests/core/test_prefix_scan.py`` checks
for each of them that both compilations find the same matches in thousands of messages.
"""

from __future__ import annotations

import importlib
import re
from typing import Any


def internals(name: str) -> Any:
    """A module of re's internals (the parser and compiler ``re.compile`` uses), or None."""
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - another Python: the plain compilation
        return None


_sre, _compiler, _parser = internals("_sre"), internals("re._compiler"), internals("re._parser")
_constants = internals("re._constants")
if _constants is not None:
    AT, AT_BOUNDARY, BRANCH = _constants.AT, _constants.AT_BOUNDARY, _constants.BRANCH
    LITERAL, MAX_REPEAT = _constants.LITERAL, _constants.MAX_REPEAT
    SUBPATTERN = _constants.SUBPATTERN
else:  # pragma: no cover
    _parser = None

#: the most alternatives a rewrite may produce: a bound on the compiled size
MAX_ALTERNATIVES = 400
# cased letters leave no character set; with ASCII, ``\b`` and ``str.isalnum`` disagree on é
_LEFT_ALONE_FLAGS = re.IGNORECASE | re.LOCALE | re.ASCII


def re_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a prefix where a rewrite gives one (module doc).
    The pattern is parsed once, as ``re.compile`` would, and compiled from that tree."""
    from bot.core.understanding.literal_gate import gated

    if _parser is None or _compiler is None or _sre is None or flags & _LEFT_ALONE_FLAGS:
        return gated(re.compile(pattern, flags))
    try:
        tree = _parser.parse(pattern, flags)
        return gated(_compiled(pattern, flags, _rewritten(tree, flags) or tree))
    except Exception:  # noqa: BLE001 - the rewriting is an optimisation, never a failure
        return gated(re.compile(pattern, flags))


def _rewritten(tree: Any, flags: int) -> Any:
    """The tree rewritten to start with characters, or None (see the module doc)."""
    if _has_prefix(tree, flags) or tree.data[:1] == [(AT, AT_BOUNDARY)]:
        return None  # a pattern behind one ``\b`` is tried only where a word starts: cheap
    data = _lead(list(tree.data), tree.state, flags)
    if data is None:
        return None
    if data[0][0] is BRANCH:
        data = [(BRANCH, (None, _factored(data[0][1][1], tree.state)))] + data[1:]
    rewritten = _parser.SubPattern(tree.state, data)
    return rewritten if _has_prefix(rewritten, flags) else None


def _factored(alternatives: list[Any], state: Any, depth: int = 3) -> list[Any]:
    """Alternatives that all start with a character, grouped by that character:
    ``ab|c|ad`` -> ``a(?:b|d)|c``. Why: the engine rejects an alternative by its first character
    in a few steps, but it does so for every alternative at every place it tries; grouped, it
    rejects a letter's whole group at once. The same matches in the same order: alternatives
    with different first characters never match at the same place, and those with the same one
    keep their order. Applied ``depth`` characters deep, and only where every alternative
    starts with a plain character."""
    if depth == 0 or not all(alt.data and alt.data[0][0] is LITERAL for alt in alternatives):
        return alternatives
    groups: dict[int, list[Any]] = {}
    for alt in alternatives:
        groups.setdefault(alt.data[0][1], []).append(alt)
    if len(groups) == len(alternatives):
        return alternatives
    out = []
    for code, members in groups.items():
        if len(members) == 1:
            out.append(members[0])
            continue
        tails = _factored([_parser.SubPattern(state, list(alt.data[1:])) for alt in members],
                          state, depth - 1)
        out.append(_parser.SubPattern(state, [(LITERAL, code), (BRANCH, (None, tails))]))
    return out


def _compiled(pattern: str, flags: int, tree: Any) -> re.Pattern[str]:
    """What ``re._compiler.compile`` does with a parsed tree, keeping the pattern's text."""
    state = tree.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return _sre.compile(pattern, flags | state.flags,  # type: ignore[no-any-return]
                        _compiler._code(tree, flags), state.groups - 1, state.groupdict,
                        tuple(indexgroup))


def _has_prefix(tree: Any, flags: int) -> bool:
    prefix, _, _ = _compiler._get_literal_prefix(tree, flags)
    return bool(prefix) or bool(_compiler._get_charset_prefix(tree, flags))


def _lead(seq: list[Any], state: Any, flags: int) -> list[Any] | None:
    """``seq`` (a sequence of parsed items) rewritten to start with a character, or with a branch
    whose alternatives all do; None when that cannot be done (see the module doc)."""
    if not seq:
        return None
    op, av = seq[0]
    rest = seq[1:]
    if op is LITERAL:
        return seq
    if op is SUBPATTERN:
        group, add_flags, del_flags, inner = av
        if group is not None or add_flags or del_flags:
            return None
        return _lead(list(inner.data) + rest, state, flags)
    if op is BRANCH:
        return _branch([list(alt.data) for alt in av[1]], rest, state, flags)
    if op is MAX_REPEAT:
        low, high, inner = av
        if low != 0 or high != 1 or inner.getwidth()[0] == 0 or not rest:
            return None
        return _branch([list(inner.data) + rest, rest], [], state, flags)
    if op is AT and av is AT_BOUNDARY:
        led = _lead(rest, state, flags)
        if led is None:
            return None
        first, after = led[0], led[1:]
        if first[0] is LITERAL:
            return [first, _not_after_word(flags)] + after if _is_word(first[1]) else None
        # a branch: the boundary goes into each of its alternatives
        return _branch([[(AT, AT_BOUNDARY)] + list(alt.data) for alt in first[1][1]], after,
                       state, flags)
    return None


def _branch(alternatives: list[list[Any]], rest: list[Any], state: Any,
            flags: int) -> list[Any] | None:
    """A branch of ``alternatives`` followed by ``rest``, each alternative led by a character;
    an alternative that leads with a branch of its own is opened up into this one."""
    flat: list[list[Any]] = []
    for alternative in alternatives:
        led = _lead(alternative, state, flags)
        if led is None:
            return None
        op, av = led[0]
        if op is BRANCH:
            flat += [list(alt.data) + led[1:] for alt in av[1]]
        else:
            flat.append(led)
        if len(flat) > MAX_ALTERNATIVES:
            return None
    return [(BRANCH, (None, [_parser.SubPattern(state, alt) for alt in flat]))] + rest


def _is_word(code: int) -> bool:
    char = chr(code)
    return char.isalnum() or char == "_"


def _not_after_word(flags: int) -> Any:
    """``(?<!\\w\\w)``: placed after a word character, "the character before it is none"."""
    return _parser.parse(r"(?<!\w\w)", flags).data[0]



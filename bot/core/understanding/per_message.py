"""What the readers of one message share while it is understood, and nothing longer.

Why: several readers compute the same thing from the same words (the category spans of a text,
the intent model's features for the intent and the language head). Computing it once per
message saves that work without remembering anything from one message for the next: a memo that
outlived the message would make a benchmark that asks one question over and over look faster
than any real conversation (issue 18). ``understand()`` opens the block; outside one (tests,
training, evaluation) every call computes afresh.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

_MEMO: contextvars.ContextVar[dict[Hashable, Any] | None] = \
    contextvars.ContextVar("oogo_per_message", default=None)


@contextlib.contextmanager
def one_message() -> Iterator[None]:
    """Within the block (the understanding of one message) ``once`` shares what it computes; all
    of it is dropped when the block ends."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def once(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, computed once per ``key`` within the message being understood; outside
    ``one_message``, every time."""
    shared = _MEMO.get()
    if shared is None:
        return compute()
    if key in shared:
        return shared[key]  # type: ignore[no-any-return]
    found = shared[key] = compute()
    return found

"""Errors of the knowledge library that a user may see (their messages are Dutch)."""

from __future__ import annotations


class KnowledgeUnavailable(RuntimeError):
    """The knowledge index cannot be used right now: server unreachable, index damaged, bad input.

    The message is written for the user in Dutch; callers show it as it is, never a stack trace.
    """

"""Errors of the indicators library, each with a Dutch message that can be shown to a user.

Why: a user must never see a stack trace. Callers catch ``IndicatorError`` (or the registry's
``UnknownRegion``, a ``LookupError``) and show ``str(error)``.
"""

from __future__ import annotations


class IndicatorError(ValueError):
    """Base class: the message is plain Dutch for the user."""


class UnknownIndicator(IndicatorError):
    """An indicator id that is not in the catalog."""


class InvalidCategory(IndicatorError):
    """A category that does not belong to the indicator."""


class NoData(IndicatorError):
    """No figure for this region, category and year."""


class ImportRejected(IndicatorError):
    """An import file with at least one bad row; ``problems`` lists 'file, line, reason'."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems

"""Formatting and wording helpers under a second name (``indicators.format``).

Why: some callers import the helpers from ``indicators.format``; the implementation lives in
``indicators.wording``. Re-exported here so both names stay valid.
"""

from __future__ import annotations

from indicators.wording import (
    DEMO_NOTICE_EN,
    DEMO_NOTICE_NL,
    category_label,
    describe_comparison,
    describe_position,
    describe_trend,
    describe_value,
    format_count,
    format_number,
    format_value,
    region_name,
    source_line,
)

__all__ = [
    "DEMO_NOTICE_EN", "DEMO_NOTICE_NL", "category_label", "describe_comparison",
    "describe_position", "describe_trend", "describe_value", "format_count", "format_number",
    "format_value", "region_name", "source_line",
]

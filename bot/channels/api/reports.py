"""The OOGO preparation report of a region as a download (PDF or HTML).

A thin adapter over ``bot.oogo``: the report is built from the services (figures, discussion
points, the region's regioscan round) and rendered; the HTTP route only picks the format.
"""

from __future__ import annotations

from typing import Any


def render_report(services: Any, region_code: str, fmt: str) -> bytes:
    """The report of ``region_code`` as PDF bytes (``fmt='pdf'``) or UTF-8 HTML."""
    from bot.oogo.report import build_report
    from bot.oogo.report_render import render_html, render_pdf

    report = build_report(services, region_code)
    if fmt == "pdf":
        return render_pdf(report)
    return render_html(report).encode("utf-8")

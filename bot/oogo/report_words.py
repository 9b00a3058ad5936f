"""The words of the preparation document, read from ``prompts/oogo/<lang>/words.yaml``.

Why a module of its own: the profile, the figures table, the source lines and the renderers all
write parts of the same (Dutch) document; they read its words from one section (``report``) of
one checked file, so a reviewer finds every word of the document in one place.
"""

from __future__ import annotations

from typing import Any

from prompts.oogo_data import text_data

#: the document is written in Dutch, the product's language (``build_report`` makes Dutch points)
LANGUAGE = "nl"


def report_text(*path: str, **values: object) -> str:
    """One word or line of the document, its placeholders filled."""
    return text_data("oogo", "words").text("report", *path, language=LANGUAGE, **values)


def report_list(*path: str) -> list[Any]:
    """A list of the document's words (the months)."""
    value = text_data("oogo", "words").get("report", *path, language=LANGUAGE)
    return list(value)

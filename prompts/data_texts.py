"""Sentences the libraries (``indicators/``, ``knowledge/``) show users: ``prompts/data/``.

Why here and not in the application: the libraries must not import ``bot/``, but their import
errors, data problems and service messages reach users through the CLI, the API and the chat.
``prompts`` is a leaf package (standard library only, see tests/test_layout.py), so a library
renders its sentence where it raises or returns it, with the same strict loader (missing
template, nl/en placeholder mismatch or a missing value raise ``PromptError``). Without a
language the text is Dutch, the product's language.
"""

from __future__ import annotations

from prompts.loader import templates

FOLDER = "data"


def data_text(name: str, language: str = "nl", /, **values: object) -> str:
    """The template ``prompts/data/<language>/<name>.txt`` filled with ``values``."""
    return templates(FOLDER).render(name, language, **values)

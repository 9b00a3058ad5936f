"""The chat page's own words, handed to the page inside its HTML.

The page's scripts hold no sentences: every word they show (labels around an answer, the
counter, the regioscan progress) is a template in ``prompts/web/<nl|en>/``. ``GET /`` renders
both languages into the page as a JSON data block (``<script type="application/json">``), so
the scripts have them before the first answer, with no extra request and within the page's
Content-Security-Policy (a data block is never executed; ``script-src 'self'`` stays as it is).
The page frame speaks Dutch; the words around an answer follow that answer's ``language``.

The frame's own words in ``index.html`` (title line, region picker, input, dialogs, footer) are
``{{page_*}}`` tokens filled from the same folder when the app is built (HTML-escaped), so the
HTML file holds no sentence either; those templates are not repeated in the data block.
"""

from __future__ import annotations

import html
import json
import re

from prompts.loader import LANGUAGES, templates

MARKER = "<!-- page-texts -->"
FRAME = "page_"
TOKEN = re.compile(r"\{\{(\w+)\}\}")


def page_texts() -> dict[str, dict[str, str]]:
    """``{language: {name: template text}}`` of ``prompts/web``; placeholders stay ``{name}``."""
    texts = templates("web")
    return {lang: {name: texts.get(name, lang).text for name in texts.names()
                   if not name.startswith(FRAME)}
            for lang in LANGUAGES}


def texts_block() -> str:
    """The data block the page's ``dom.js`` reads; ``<`` escaped so no text can end it."""
    data = json.dumps(page_texts(), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="page-texts">{data}</script>'


def render_page(page: str, block: str) -> str:
    """``index.html`` with the texts block in place of its marker (a missing marker is a bug) and
    every ``{{page_*}}`` token replaced by its Dutch template (an unknown one raises
    ``PromptError`` when the app is built)."""
    if MARKER not in page:
        raise ValueError(f"index.html lacks the marker {MARKER}")
    texts = templates("web")
    filled = TOKEN.sub(lambda m: html.escape(texts.render(m.group(1), "nl")), page)
    return filled.replace(MARKER, block, 1)

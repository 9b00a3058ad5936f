"""The chat page's own words, handed to the page inside its HTML.

The page's scripts hold no sentences: every word they show (labels around an answer, the
counter, the regioscan progress) is a template in ``prompts/web/<nl|en>/``. ``GET /`` renders
both languages into the page as a JSON data block (``<script type="application/json">``), so
the scripts have them before the first answer, with no extra request and within the page's
Content-Security-Policy (a data block is never executed; ``script-src 'self'`` stays as it is).
The page frame speaks Dutch; the words around an answer follow that answer's ``language``.
"""

from __future__ import annotations

import json

from prompts.loader import LANGUAGES, templates

MARKER = "<!-- page-texts -->"


def page_texts() -> dict[str, dict[str, str]]:
    """``{language: {name: template text}}`` of ``prompts/web``; placeholders stay ``{name}``."""
    texts = templates("web")
    return {lang: {name: texts.get(name, lang).text for name in texts.names()}
            for lang in LANGUAGES}


def texts_block() -> str:
    """The data block the page's ``dom.js`` reads; ``<`` escaped so no text can end it."""
    data = json.dumps(page_texts(), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="page-texts">{data}</script>'


def render_page(html: str, block: str) -> str:
    """``index.html`` with the texts block in place of its marker (a missing marker is a bug)."""
    if MARKER not in html:
        raise ValueError(f"index.html lacks the marker {MARKER}")
    return html.replace(MARKER, block, 1)

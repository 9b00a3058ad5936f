"""The HTTP API's own sentences: error details, notices and the export's frame.

They are templates in ``prompts/api/<nl|en>/`` (the strict loader checks that both languages exist
with the same placeholders). An HTTP error body has no reply whose language it could follow, so
the API speaks Dutch, the product's language; the English files keep the parity check and are
ready should a request ever carry a language. The web page shows ``detail`` as it comes.
"""

from __future__ import annotations

from prompts.loader import templates


def text(name: str, /, **values: object) -> str:
    """The API sentence ``prompts/api/nl/<name>.txt`` filled with ``values``."""
    return templates("api").render(name, "nl", **values)

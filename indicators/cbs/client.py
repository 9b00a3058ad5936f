"""A thin, testable wrapper around the ``cbsodata`` client (CBS open data, OData v3).

Why a wrapper: ``cbsodata`` keeps its server in module-wide options (host and https flag), and its
``get_data`` replaces region and period codes by their titles, while the import needs the codes
(GM0363, NL01, 2023JJ00) and CBS's own marks ("." for a figure that is secret or missing). So the
wrapper asks for the raw entities (``TableInfos``, ``DataProperties``, the dimension lists and the
``UntypedDataSet``, which keeps the marks) and points the client at another base URL, such as the
fake OData server of the tests on 127.0.0.1, for the duration of one call only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from prompts.data_texts import data_text

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://opendata.cbs.nl"
_OPTIONS_LOCK = threading.Lock()  # cbsodata's options are process-wide


class StatLineError(RuntimeError):
    """The CBS interface could not be reached or answered something unusable (Dutch message)."""


@dataclass(frozen=True)
class Server:
    """Where the OData v3 interface lives: host[:port] and whether to use https."""

    host: str
    https: bool

    @classmethod
    def parse(cls, base_url: str) -> Server:
        """'https://opendata.cbs.nl' or 'http://127.0.0.1:8123' -> Server."""
        parts = urlsplit(base_url if "://" in base_url else f"https://{base_url}")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StatLineError(data_text("cbs_bad_address", address=base_url,
                                          example=DEFAULT_BASE_URL))
        return cls(host=parts.netloc, https=parts.scheme == "https")


class StatLineClient:
    """Reads one table's metadata and data through ``cbsodata``."""

    def __init__(self, base_url: str = DEFAULT_BASE_URL, timeout: float = 60.0) -> None:
        self.server = Server.parse(base_url)
        self.base_url = base_url
        self.timeout = timeout

    @contextmanager
    def _options(self) -> Iterator[Any]:
        import cbsodata

        with _OPTIONS_LOCK:
            old = cbsodata.options.use_https
            cbsodata.options.use_https = self.server.https
            try:
                yield cbsodata
            finally:
                cbsodata.options.use_https = old

    def _get(self, table_id: str, entity: str, filters: str | None = None) -> list[dict]:
        import requests

        with self._options() as cbsodata:
            try:
                kwargs: dict[str, Any] = {"timeout": self.timeout}
                if filters:
                    kwargs["filters"] = filters
                return cbsodata.get_meta(table_id, entity, catalog_url=self.server.host,
                                         **kwargs)
            except requests.HTTPError as exc:
                raise StatLineError(data_text("cbs_table_error", table=table_id,
                                              entity=entity)) from exc
            except requests.RequestException as exc:
                raise StatLineError(data_text("cbs_unreachable", url=self.base_url,
                                              reason=type(exc).__name__)) from exc
            except ValueError as exc:  # not JSON
                raise StatLineError(data_text("cbs_unreadable", table=table_id,
                                              entity=entity)) from exc

    def table_info(self, table_id: str) -> dict:
        """Title, ShortDescription, Modified and the rest of ``TableInfos``."""
        rows = self._get(table_id, "TableInfos")
        if not rows:
            raise StatLineError(data_text("cbs_no_table_info", table=table_id))
        return rows[0]

    def data_properties(self, table_id: str) -> list[dict]:
        """Dimensions and topics (columns) with their keys, titles, units and descriptions."""
        return self._get(table_id, "DataProperties")

    def dimension(self, table_id: str, name: str) -> list[dict]:
        """The codes of one dimension (Key, Title, Description)."""
        return self._get(table_id, name)

    def data(self, table_id: str, filters: str | None = None) -> list[dict]:
        """Rows of the untyped data set (values as text, CBS marks kept)."""
        return self._get(table_id, "UntypedDataSet", filters=filters)

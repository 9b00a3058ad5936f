"""A small fake of the CBS open-data interface (OData v3, ``/ODataFeed/odata/<table>/...``).

It serves the entities the import reads (``TableInfos``, ``DataProperties``, the dimension code
lists and ``UntypedDataSet``) in the documented JSON shape (``{"odata.metadata": ..., "value":
[...]}``), honours the ``$filter`` expressions the client sends (``eq``, ``substringof``,
``startswith``, ``and``/``or``, parentheses) and pages long answers with ``odata.nextLink``, as
CBS does. The data is made up for a few gemeenten (Hardenberg and Ommen, together the whole
samenwerkingsverband VO 23.07, and Amsterdam) plus Nederland and a province, with CBS's padded
region codes, half-year periods to skip and "." where CBS keeps a figure secret.

Run by hand: ``python -m tests.support.fake_statline --port 8123`` and then
``OOGO_CBS_BASE_URL=http://127.0.0.1:8123 oogo data fetch cbs``.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

PAGE = 40  # rows per page, small so that paging is exercised
VORMEN = [
    ("A045561", "JZ Totaal jeugdzorg", "Alle jongeren met een of meer vormen van jeugdzorg."),
    ("A045559", "JZ Totaal jeugdzorg in natura", "Zonder persoonsgebonden budget."),
    ("A045560", "JH 1 Totaal jeugdhulp", ""),
    ("A042503", "JH 121 Totaal jeugdhulp zonder verblijf",
     "Jeugdhulp waarbij de jongere niet bij de aanbieder overnacht."),
    ("A027918", "JH 122 Totaal jeugdhulp met verblijf",
     "Jeugdhulp waarbij de jongere bij de aanbieder of een pleeggezin verblijft."),
    ("A027919", "JB 1 Totaal jeugdbescherming", "Ondertoezichtstelling of voogdij."),
    ("A027920", "JR 1 Totaal jeugdreclassering", "Begeleiding na een strafbaar feit."),
]
REGIONS = [("NL01      ", "Nederland"), ("PV23      ", "Overijssel (PV)"),
           ("GM0160    ", "Hardenberg"), ("GM0175    ", "Ommen"), ("GM0363    ", "Amsterdam"),
           ("GM9999    ", "Opgeheven gemeente")]
# 0-22 population per region (made up); the shares of jeugdzorg per vorm
POPULATION = {"NL01      ": 4_450_000, "PV23      ": 300_000, "GM0160    ": 16_100,
              "GM0175    ": 4_700, "GM0363    ": 232_000, "GM9999    ": 900}
RATE = {"NL01      ": 9.9, "PV23      ": 9.4, "GM0160    ": 11.3, "GM0175    ": 8.7,
        "GM0363    ": 10.6, "GM9999    ": 9.0}
SHARES = {"A045561": 1.0, "A045559": 0.96, "A045560": 0.95, "A042503": 0.90, "A027918": 0.08,
          "A027919": 0.07, "A027920": 0.015}
TABLES = {
    "84134NED": {"title": "Kerncijfers over jeugdzorg, 2015-2020", "years": (2019, 2020),
                 "modified": "2021-10-29T02:00:00"},
    "85099NED": {"title": "Kerncijfers over jeugdzorg", "years": (2021, 2022, 2023),
                 "modified": "2024-10-31T02:00:00"},
}
SHORT_DESCRIPTION = (
    "Deze tabel geeft het aantal jongeren met jeugdzorg en het aandeel daarvan in alle jongeren "
    "van 0 tot 23 jaar. De gemeente is die volgens het woonplaatsbeginsel Jeugd "
    "verantwoordelijk is voor de jeugdzorg. Een jongere met meer vormen van jeugdzorg telt bij "
    "elke vorm mee, maar in een totaal een keer.")


def _round5(x: float) -> int:
    return int(5 * round(x / 5))


def data_rows(table: str) -> list[dict]:
    """The untyped data set: padded text values, '.' where the figure is secret."""
    rows, n = [], 0
    for year in TABLES[table]["years"]:
        periods = [f"{year}JJ00", f"{year}HJ01"]
        for period in periods:
            for region, _ in REGIONS:
                for key, _title, _ in VORMEN:
                    growth = 1 + 0.02 * (year - 2019)
                    population = POPULATION[region] * (1 + 0.003 * (year - 2019))
                    true = population * RATE[region] / 100 * growth * SHARES[key]
                    count, share = _round5(true), round(100 * true / population, 1)
                    count_text, share_text = f"{count:>10}", f"{share:>8.1f}"
                    if region == "GM0175    " and key == "A027920" and year == 2022:
                        count_text, share_text = "         .", "       ."  # secret: few youngsters
                    n += 1
                    rows.append({"ID": n - 1, "VormenVanJeugdzorg": key, "RegioS": region,
                                 "Perioden": period, "JongerenMetJeugdzorg_1": count_text,
                                 "JongerenMetJeugdzorgRelatief_2": share_text,
                                 "Jeugdzorgtrajecten_3": "         ."})
    return rows


def metadata(table: str, entity: str) -> list[dict] | None:
    """One metadata entity of a table, or None when the table has no such entity."""
    info = TABLES[table]
    if entity == "TableInfos":
        return [{"ID": 0, "Identifier": table, "Title": info["title"],
                 "ShortTitle": info["title"][:40], "Modified": info["modified"],
                 "ShortDescription": SHORT_DESCRIPTION, "Summary": "Jongeren met jeugdzorg.",
                 "Language": "nl", "Catalog": "CBS", "Frequency": "Perjaar",
                 "Period": f"{info['years'][0]}-{info['years'][-1]}"}]
    if entity == "DataProperties":
        return [
            {"ID": 0, "Position": 0, "ParentID": None, "Type": "Dimension",
             "Key": "VormenVanJeugdzorg", "Title": "Vormen van jeugdzorg", "Description": ""},
            {"ID": 1, "Position": 1, "ParentID": None, "Type": "GeoDimension", "Key": "RegioS",
             "Title": "Regio's", "Description": ""},
            {"ID": 2, "Position": 2, "ParentID": None, "Type": "TimeDimension",
             "Key": "Perioden", "Title": "Perioden", "Description": ""},
            {"ID": 3, "Position": None, "ParentID": None, "Type": "TopicGroup", "Key": "",
             "Title": "Jongeren met jeugdzorg", "Description": ""},
            {"ID": 4, "Position": 3, "ParentID": 3, "Type": "Topic",
             "Key": "JongerenMetJeugdzorg_1", "Title": "Jongeren met jeugdzorg",
             "Unit": "aantal", "Decimals": 0, "Datatype": "Long",
             "Description": "Aantal jongeren tot 23 jaar met jeugdzorg in de verslagperiode."},
            {"ID": 5, "Position": 4, "ParentID": 3, "Type": "Topic",
             "Key": "JongerenMetJeugdzorgRelatief_2", "Title": "Jongeren met jeugdzorg (relatief)",
             "Unit": "In % bepaalde leeftijdsklasse", "Decimals": 1, "Datatype": "Double",
             "Description": ("Jongeren met jeugdzorg als percentage van alle jongeren van 0 tot "
                             "23 jaar in de gemeente, naar het woonplaatsbeginsel Jeugd.")},
            {"ID": 6, "Position": 5, "ParentID": None, "Type": "Topic",
             "Key": "Jeugdzorgtrajecten_3", "Title": "Jeugdzorgtrajecten", "Unit": "aantal",
             "Decimals": 0, "Datatype": "Long", "Description": "Aantal trajecten."},
        ]
    if entity == "VormenVanJeugdzorg":
        return [{"Key": k, "Title": t, "Description": d, "CategoryGroupID": None}
                for k, t, d in VORMEN]
    if entity == "RegioS":
        return [{"Key": k, "Title": t, "Description": ""} for k, t in REGIONS]
    if entity == "Perioden":
        return [{"Key": f"{y}{p}", "Title": f"{y}", "Description": ""}
                for y in info["years"] for p in ("JJ00", "HJ01")]
    if entity == "UntypedDataSet":
        return data_rows(table)
    return None


# -- a tiny $filter evaluator -----------------------------------------------------------------
_TOKEN = re.compile(r"\s*(\(|\)|,|'[^']*'|[A-Za-z_][A-Za-z0-9_]*)")


def _tokens(text: str) -> list[str]:
    out, pos = [], 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            if text[pos:].strip():
                raise ValueError(f"bad filter near {text[pos:]!r}")
            break
        out.append(match.group(1))
        pos = match.end()
    return out


def compile_filter(text: str):
    """An OData filter string -> predicate over one row."""
    tokens = _tokens(text)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take(expected: str | None = None) -> str:
        nonlocal pos
        token = tokens[pos]
        if expected is not None and token != expected:
            raise ValueError(f"expected {expected}, got {token}")
        pos += 1
        return token

    def literal() -> str:
        return take()[1:-1]

    def factor():
        token = take()
        if token == "(":
            inner = expr()
            take(")")
            return inner
        if token in ("substringof", "startswith"):
            take("(")
            first = take()
            take(",")
            second = take()
            take(")")
            if token == "substringof":
                needle, column = first[1:-1], second
                return lambda row: needle in str(row.get(column, ""))
            column, prefix = first, second[1:-1]
            return lambda row: str(row.get(column, "")).startswith(prefix)
        column = token
        take("eq")
        value = literal()
        return lambda row: str(row.get(column, "")) == value

    def term():
        left = factor()
        while peek() == "and":
            take()
            right = factor()
            left = (lambda a, b: lambda row: a(row) and b(row))(left, right)
        return left

    def expr():
        left = term()
        while peek() == "or":
            take()
            right = term()
            left = (lambda a, b: lambda row: a(row) or b(row))(left, right)
        return left

    predicate = expr()
    if pos != len(tokens):
        raise ValueError("trailing tokens in filter")
    return predicate


class _Handler(BaseHTTPRequestHandler):
    server: FakeStatLine

    def log_message(self, *args) -> None:  # keep test output quiet
        return

    def _send(self, status: int, payload: dict) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = urlsplit(self.path)
        self.server.requests.append(self.path)
        match = re.fullmatch(r"/ODataFeed/odata/(\w+)/(\w*)", parts.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if not match or match.group(1) not in TABLES or self.server.fail:
            self._send(404 if not self.server.fail else 500,
                       {"odata.error": {"message": {"value": "not found"}}})
            return
        table, entity = match.groups()
        rows = metadata(table, entity) if entity else [
            {"name": n, "url": f"http://{self.headers['Host']}/ODataFeed/odata/{table}/{n}"}
            for n in ("TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties",
                      "CategoryGroups", "VormenVanJeugdzorg", "RegioS", "Perioden")]
        if rows is None:
            self._send(404, {"odata.error": {"message": {"value": "no such entity"}}})
            return
        if "$filter" in query:
            try:
                keep = compile_filter(query["$filter"])
            except ValueError as exc:
                self._send(400, {"odata.error": {"message": {"value": str(exc)}}})
                return
            rows = [r for r in rows if keep(r)]
        skip = int(query.get("$skip", 0))
        page = rows[skip:skip + PAGE]
        payload = {"odata.metadata": f"http://{self.headers['Host']}/ODataFeed/odata/{table}/"
                                     f"$metadata#Cbs.OData.WebAPI.{entity}",
                   "value": page}
        if skip + PAGE < len(rows):
            following = {k: v for k, v in query.items() if k != "$skip"}
            following["$skip"] = str(skip + PAGE)
            payload["odata.nextLink"] = (f"http://{self.headers['Host']}{parts.path}?"
                                         f"{urlencode(following)}")
        self._send(200, payload)


class FakeStatLine(ThreadingHTTPServer):
    """The server; ``requests`` records every path asked for, ``fail`` makes it answer 500."""

    daemon_threads = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.requests: list[str] = []
        self.fail = False
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> FakeStatLine:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


if __name__ == "__main__":  # pragma: no cover - manual use
    import argparse

    parser = argparse.ArgumentParser(description="Fake CBS StatLine (OData v3) on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8123)
    server = FakeStatLine(parser.parse_args().port)
    print(f"fake StatLine on {server.base_url}")
    server.serve_forever()

"""``python -m bot.install``: what every start would otherwise compute, written once at install.

Run after the package and its model are on the machine (the Dockerfile does), as the user that
owns the installation; nothing is downloaded. Each part is read back only while it matches what
it was made from, so a stale one costs time, never a wrong answer:

* the vectors of the shipped documents, the prepared embedding model and the retriever's tables
  of the shipped documents (``knowledge.seed``, ``knowledge.prepared``);
* the parsed table of the shipped indicator CSVs (``indicators.store.write_shipped``);
* an empty database made by the migrations (``bot.storage.template``).
"""

from __future__ import annotations


def main() -> int:
    from bot.storage.template import write_template
    from indicators.store import write_shipped
    from knowledge.seed import main as seed

    seed([])  # the shipped seed, next to the documents
    write_shipped()
    write_template()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

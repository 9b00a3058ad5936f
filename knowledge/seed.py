"""Build the shipped vector seed: ``python -m knowledge.seed [output .npz]``.

Why: embedding the shipped documents (chunks, headings, sentences, words: ~4,700 texts) takes
most of a fresh start. Run once at install (after the package and the model are on the machine),
this writes their vectors, keyed by a hash of each text, to ``knowledge/vectors/<model>.npz``;
every fresh data dir then loads them, and only changed or added documents are embedded
(``knowledge.vectorcache``). A seed that does not match the documents is harmless: texts it
lacks are embedded as before. With the default model it also writes the model's tokenizer and
weights as loaded (``knowledge.usecache``), so a start does not parse them again.
``python -m bot.install`` runs this with the other install-time steps.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from knowledge.embeddings import DEFAULT_MODEL
from knowledge.features import group_sections
from knowledge.ingest import SHIPPED_DOCS, collect_chunks
from knowledge.service import KnowledgeBase


def build(out: Path | None = None, model: str = DEFAULT_MODEL) -> int:
    """Index the shipped documents in a scratch data dir and write the seed; the count."""
    with tempfile.TemporaryDirectory(prefix="oogo-seed-") as scratch:
        kb = KnowledgeBase.open(Path(scratch), embedding_model=model)
        kb.seed_path = None  # computed from the model, not copied from an older seed
        kb.index()
        count = kb.write_seed(out)
    if model == DEFAULT_MODEL and out is None:
        from knowledge.embeddings import _load_use
        from knowledge.usecache import write

        write(_load_use(1))  # the model's tokenizer and weights as loaded, next to the seed
    if out is None:  # the retriever's tables of the shipped documents, read by every start
        from knowledge import prepared

        prepared.write(group_sections(collect_chunks([SHIPPED_DOCS])))
    return count


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    count = build(Path(args[0]) if args else None)
    print(f"{count} vectoren weggeschreven")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The retriever's tables prepared at install (``knowledge.prepared``, issue 18 item 1): read
back only for the same sections under the same rules, and searching with them gives what
searching with freshly built tables gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from knowledge import prepared
from knowledge.features import group_sections
from knowledge.ingest import SHIPPED_DOCS, collect_chunks


def _sections():  # type: ignore[no-untyped-def]
    return group_sections(collect_chunks([SHIPPED_DOCS]))


def test_prepared_tables_are_those_a_build_gives(tmp_path: Path) -> None:
    path = tmp_path / "tables.pickle"
    prepared.write(_sections(), path)
    sections = _sections()
    read = prepared._read(path, sections)
    assert read is not None
    features, twins = read
    built, built_twins = prepared.build(sections)
    assert features.sections is sections and twins == built_twins
    assert features.vocabulary == built.vocabulary and features.sentences == built.sentences
    for question in ("Wat is een thuiszitter?", "Wie zit er aan tafel bij het OOGO?",
                     "jeugdzorgcijfers per onderwijssoort"):
        assert np.array_equal(features.bm25_text.scores(question),
                              built.bm25_text.scores(question))
        assert np.array_equal(features.bm25_sent.scores(question),
                              built.bm25_sent.scores(question))


def test_other_sections_or_a_damaged_file_mean_a_build(tmp_path: Path) -> None:
    path = tmp_path / "tables.pickle"
    sections = _sections()
    prepared.write(sections, path)
    changed = sections[:-1]  # a document changed: another key
    assert prepared._read(path, changed) is None
    features, twins = prepared.tables(changed, path)
    assert len(twins) == len(changed) and features.sections is changed

    path.write_bytes(prepared.key(sections) + b"\x00 kapot")
    assert prepared._read(path, sections) is None
    assert prepared.tables(sections, path)[0].sections is sections
    assert prepared._read(tmp_path / "missing.pickle", sections) is None

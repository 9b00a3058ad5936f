"""Messages about a figures file say their numbers with the right noun (no "fout(en)")."""

from __future__ import annotations

import pytest

from indicators.importer import errors_phrase, rows_phrase


@pytest.mark.parametrize("count, errors, rows", [(1, "1 fout", "1 rij"),
                                                 (2, "2 fouten", "2 rijen"),
                                                 (0, "0 fouten", "0 rijen")])
def test_count_phrases(count, errors, rows):
    assert errors_phrase(count) == errors
    assert rows_phrase(count) == rows


def test_a_refused_import_counts_its_one_error_in_the_singular(registry, tmp_path):
    from indicators.errors import ImportRejected
    from indicators.importer import import_file

    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,region,year,category,value\nneet,GM9999,2023,totaal,abc\n",
                   encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_file(bad, registry, tmp_path / "data")
    assert "1 fout in bad.csv" in str(caught.value)
    assert "fout(en)" not in str(caught.value)

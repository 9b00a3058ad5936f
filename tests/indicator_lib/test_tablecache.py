"""The parsed indicator table cached in the data dir (issue 18): read back only while the CSVs
are unchanged, one indicator at a time, and never trusted over the files."""

from __future__ import annotations

import os
from pathlib import Path

from indicators.sources import summarise
from indicators.store import IMPORTED_CSV, load_table
from indicators.tablecache import CACHE_FILE, LazyRows

HEADER = "indicator,region,category,year,numerator,denominator,value,source,source_modified\n"


def _snapshot(table) -> list:  # type: ignore[no-untyped-def]
    return [(k, r.numerator, r.denominator, r.value, r.demo, r.source, r.mark)
            for k, r in table.rows.items()]


def test_cache_is_written_after_use_and_read_back_per_indicator(tmp_path: Path) -> None:
    first = load_table(tmp_path)
    assert not (tmp_path / CACHE_FILE).exists()  # nothing is written while answering
    expected, rr = _snapshot(first), dict(first.rr_counts)
    first.save()
    assert (tmp_path / CACHE_FILE).stat().st_mode & 0o077 == 0  # private, like the data dir

    cached = load_table(tmp_path)
    assert cached.unsaved is None and isinstance(cached.rows, LazyRows)
    # the provenance of every figure (what /readyz reports) is read back, not recomputed
    assert cached.summary() == summarise(first.rows) and not cached.rows._parts
    assert cached.rows.get(("neet", "GM0193", "totaal", 2023)) is not None
    assert set(cached.rows._parts) == {"neet"}  # the other indicators were not decoded
    assert _snapshot(cached) == expected and cached.rr_counts == rr


def test_a_changed_or_added_file_is_read_again(tmp_path: Path) -> None:
    load_table(tmp_path).save()
    imported = tmp_path / IMPORTED_CSV
    imported.parent.mkdir(parents=True)
    imported.write_text(HEADER + "neet,GM0193,totaal,2023,900,20000,4.5,CBS,2024-10-31\n",
                        encoding="utf-8")
    table = load_table(tmp_path)
    assert table.unsaved is not None  # another set of files: the cache does not apply
    row = table.rows[("neet", "GM0193", "totaal", 2023)]
    assert (row.value, row.demo, row.source) == (4.5, False, "CBS (2024-10-31)")
    table.save()

    imported.write_text(HEADER + "neet,GM0193,totaal,2023,950,20000,4.75,CBS,2024-11-30\n",
                        encoding="utf-8")
    status = imported.stat()
    os.utime(imported, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    assert load_table(tmp_path).rows[("neet", "GM0193", "totaal", 2023)].value == 4.75


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    table = load_table(tmp_path)
    expected = _snapshot(table)
    table.save()
    (tmp_path / CACHE_FILE).write_bytes(b"\x00 not a table")
    again = load_table(tmp_path)
    assert again.unsaved is not None and _snapshot(again) == expected


def test_a_fresh_data_dir_reads_the_table_shipped_at_install(tmp_path: Path) -> None:
    from indicators.store import write_shipped

    shipped = tmp_path / "table.marshal"
    write_shipped(path=shipped)
    assert shipped.stat().st_mode & 0o777 == 0o644  # read by the service's own user
    parsed = load_table(tmp_path / "parsed")
    fresh = load_table(tmp_path / "fresh", shipped=shipped)
    assert fresh.unsaved is None and isinstance(fresh.rows, LazyRows)  # read, nothing to save
    assert fresh.summary() == parsed.summary()
    assert _snapshot(fresh) == _snapshot(parsed) and fresh.rr_counts == parsed.rr_counts

    imported = tmp_path / "fresh" / IMPORTED_CSV  # other files: the shipped table does not apply
    imported.parent.mkdir(parents=True)
    imported.write_text(HEADER + "neet,GM0193,totaal,2023,900,20000,4.5,CBS,2024-10-31\n",
                        encoding="utf-8")
    table = load_table(tmp_path / "fresh", shipped=shipped)
    assert table.unsaved is not None
    assert table.rows[("neet", "GM0193", "totaal", 2023)].value == 4.5

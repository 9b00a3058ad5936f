"""The chart cache: content ids, sharing through the data dir, bounded memory."""

from __future__ import annotations

import hashlib
import shutil

from bot.channels.api.charts_cache import ChartCache


def test_the_same_bytes_give_the_same_id_also_as_another_object(tmp_path):
    cache = ChartCache(tmp_path / "charts")
    png = b"\x89PNG" + bytes(range(256)) * 10
    chart_id = cache.put(png)
    assert chart_id == hashlib.sha256(png).hexdigest()[:32]
    assert cache.put(bytes(bytearray(png))) == chart_id
    assert cache.get(chart_id) == png


def test_another_worker_finds_the_chart_in_the_data_dir(tmp_path):
    chart_id = ChartCache(tmp_path / "charts").put(b"png-bytes")
    assert ChartCache(tmp_path / "charts").get(chart_id) == b"png-bytes"


def test_a_chart_removed_from_disk_is_written_again(tmp_path):
    """A known PNG is not hashed again, but its file is checked: another worker may have pruned
    it, or the directory may be gone."""
    cache = ChartCache(tmp_path / "charts", recheck_seconds=0)
    chart_id = cache.put(b"one")
    shutil.rmtree(tmp_path / "charts")
    assert cache.put(b"one") == chart_id
    assert (tmp_path / "charts" / f"{chart_id}.png").read_bytes() == b"one"


def test_the_file_is_looked_at_again_only_after_the_recheck_time(tmp_path, monkeypatch):
    """The same chart answer after answer: one look at the disk per ``recheck_seconds``."""
    import types

    import bot.channels.api.charts_cache as module

    clock = [1000.0]
    monkeypatch.setattr(module, "time", types.SimpleNamespace(monotonic=lambda: clock[0]))
    cache = ChartCache(tmp_path / "charts", recheck_seconds=10)
    chart_id = cache.put(b"one")
    path = tmp_path / "charts" / f"{chart_id}.png"
    path.unlink()
    clock[0] += 9
    cache.put(b"one")
    assert not path.exists() and cache.get(chart_id) == b"one"  # still served from memory
    clock[0] += 1
    cache.put(b"one")
    assert path.read_bytes() == b"one"


def test_memory_stays_bounded_and_ids_follow_the_items(tmp_path):
    cache = ChartCache(None, max_items=3)
    ids = [cache.put(f"png {n}".encode()) for n in range(10)]
    assert len(cache._items) == 3 and len(cache._ids) == 3
    assert cache.get(ids[0]) is None and cache.get(ids[-1]) == b"png 9"
    assert cache.get("../etc/passwd") is None


def test_a_chart_pruned_by_another_worker_is_unknown_not_an_error(tmp_path):
    chart_id = ChartCache(tmp_path / "charts").put(b"png")
    reader = ChartCache(tmp_path / "charts")
    (tmp_path / "charts" / f"{chart_id}.png").unlink()
    assert reader.get(chart_id) is None

"""The shipped regioscan YAML and the strict loader."""

from __future__ import annotations

import copy

import pytest
import yaml

from bot.regioscan.definition import ScanDefinitionError, default_path, parse_scan


def test_shipped_scan_has_four_themes_of_four(definition):
    assert definition.version == 1
    assert [t.name for t in definition.themes] == [
        "Onderwijs en jeugdhulp", "Afstemming", "Samenwerking", "Effecten"]
    assert [len(t.questions) for t in definition.themes] == [4, 4, 4, 4]
    assert definition.total == 16
    assert [q.number for q in definition.questions] == list(range(1, 17))
    for q in definition.questions:
        assert q.text and q.help and q.discuss and q.text_en
    assert [o.label for o in definition.scale] == [
        "helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]
    assert definition.scale_label(None) == "weet ik niet"
    assert all(t.explanation for t in definition.themes)


def _raw():
    with default_path().open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_loader_rejects_duplicate_ids():
    raw = _raw()
    raw["themes"][1]["questions"][0]["id"] = raw["themes"][0]["questions"][0]["id"]
    with pytest.raises(ScanDefinitionError, match="dubbele ids"):
        parse_scan(raw)


def test_loader_rejects_other_scale_and_missing_fields():
    raw = _raw()
    bad = copy.deepcopy(raw)
    bad["scale"] = bad["scale"][:4]
    with pytest.raises(ScanDefinitionError, match="schaal"):
        parse_scan(bad)
    bad = copy.deepcopy(raw)
    del bad["themes"][2]["questions"][1]["help"]
    with pytest.raises(ScanDefinitionError, match="help"):
        parse_scan(bad)

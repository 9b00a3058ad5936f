"""Disclosure control: the subtraction attack over every shipped cell recovers nothing.

The attacker sees what the engine serves (``engine.lookup`` for every region, category and year)
and knows how regions add up (gemeenten into their samenwerkingsverband PO and VO, all gemeenten
and all partnerships of one kind into Nederland). The attack is written independently of
``indicators.disclosure``: per group every sum is one linear equation over the hidden cells; a
hidden cell is recovered when the equations pin it down (peeling one unknown at a time, and the
stronger rank test that also combines equations). The hidden parts of a sum are also never a
small group together, and the category bounds (onderwijssoorten within the total, zorgtypes
covering it) never narrow a hidden cell below "minder dan 10".
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest

from indicators.catalog import ONDERWIJSSOORT, ZORGTYPE


@pytest.fixture(scope="module")
def served(engine):
    """(indicator, category, year) -> region -> served Value, for every shipped cell."""
    groups: dict[tuple, dict] = defaultdict(dict)
    for (ind, region, cat, year), row in engine.table.rows.items():
        if ind == "neet_rr" or row.numerator is None:
            continue
        groups[(ind, cat, year)][region] = engine.lookup(ind, region, cat, year)
    return groups


def _equations(registry, cells):
    eqs = []
    gemeenten = [g.code for g in registry.gemeenten() if g.code in cells]
    if "NL01" in cells:
        eqs.append(("NL01", gemeenten))
    for level in ("swv_po", "swv_vo"):
        swvs = [s.code for s in registry.all(level) if s.code in cells]
        for swv in swvs:
            eqs.append((swv, [m.code for m in registry.members(swv)]))
        if swvs and "NL01" in cells:
            eqs.append(("NL01", swvs))
    return eqs


def _peel(eqs, hidden):
    """The plain subtraction attack: solve every sum with one unknown, repeat."""
    unknown, found = set(hidden), set()
    changed = True
    while changed:
        changed = False
        for total, parts in eqs:
            left = [c for c in (total, *parts) if c in unknown]
            if len(left) == 1:
                unknown.discard(left[0])
                found.add(left[0])
                changed = True
    return found


def _rank_attack(eqs, hidden):
    """Combining all sums: a hidden cell is pinned when it lies in the row space."""
    unknown = sorted(hidden)
    index = {c: i for i, c in enumerate(unknown)}
    rows = []
    for total, parts in eqs:
        row = np.zeros(len(unknown))
        if total in index:
            row[index[total]] += 1
        for part in parts:
            if part in index:
                row[index[part]] -= 1
        if row.any():
            rows.append(row)
    if not rows:
        return set()
    matrix = np.array(rows)
    # e_i lies in the row space exactly when every null-space vector is 0 at i
    _, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > 1e-9 * max(singular[0], 1.0)).sum())
    null = vt[rank:]
    return {code for code, i in index.items()
            if matrix[:, i].any() and (null.size == 0 or np.abs(null[:, i]).max() < 1e-8)}


def test_primary_rule_hides_small_groups_and_their_complement(engine, served):
    for (ind, cat, year), cells in served.items():
        for region, value in cells.items():
            row = engine.table.rows[(ind, region, cat, year)]
            small = min(row.numerator, row.denominator - row.numerator, row.denominator) < 10
            if small:
                assert value.suppressed and value.value is None and value.numerator is None
                assert value.suppressed_reason == "klein"


def test_subtraction_attack_recovers_nothing(engine, registry, served):
    hidden_total = recovered = 0
    for cells in served.values():
        hidden = {r for r, v in cells.items() if v.suppressed}
        hidden_total += len(hidden)
        eqs = [(t, [p for p in parts if p in cells]) for t, parts in _equations(registry, cells)]
        found = _peel(eqs, hidden) | _rank_attack(eqs, hidden)
        recovered += len(found)
        assert not found, found
    assert hidden_total > 1000 and recovered == 0


def test_what_the_sums_reveal_is_never_a_small_group(engine, registry, served):
    for (ind, cat, year), cells in served.items():
        for total, parts in _equations(registry, cells):
            if total not in cells or cells[total].suppressed:
                continue
            hidden = [p for p in parts if p in cells and cells[p].suppressed]
            if not hidden:
                continue
            rows = [engine.table.rows[(ind, p, cat, year)] for p in hidden]
            num = sum(r.numerator for r in rows)
            den = sum(r.denominator for r in rows)
            assert len(hidden) >= 2 and num >= 10 and den - num >= 10, (ind, cat, year, total)


def test_category_bounds_do_not_narrow_a_hidden_cell(engine, served):
    """Onderwijssoorten: a hidden one is at most total - the shown others (never below 10).
    Zorgtypes: a hidden one is at least total - the others; with the others shown that lower
    bound must tell nothing (<= 0)."""
    for (ind, cat, year), cells in served.items():
        if ind != "jeugdzorg" or cat not in (*ONDERWIJSSOORT, *ZORGTYPE):
            continue
        for region, value in cells.items():
            total = served[(ind, "totaal", year)].get(region)
            if not value.suppressed or total is None or total.suppressed:
                continue
            group = ONDERWIJSSOORT if cat in ONDERWIJSSOORT else ZORGTYPE
            others = [served[(ind, c, year)].get(region) for c in group if c != cat]
            others = [o for o in others if o is not None]
            shown = sum(o.numerator for o in others if not o.suppressed)
            if cat in ONDERWIJSSOORT:
                assert total.numerator - shown >= 10, (region, cat, year)
            elif not any(o.suppressed for o in others):
                assert total.numerator - shown <= 0, (region, cat, year)


def test_pooled_peers_leave_hidden_peers_out(engine):
    for region in ("GM0088", "GM0096", "GM0060", "GM0277"):
        pc = engine.compare_peers("jeugdzorg", region, "vso")
        if pc.pooled is not None:
            shown = [p for p in pc.peers if p.value is not None]
            assert pc.pooled.numerator == sum(p.numerator for p in shown)


def test_the_attack_is_real_without_secondary_suppression(registry, monkeypatch):
    """Hiding only the small cells would leak: the same attack then recovers hundreds."""
    from indicators import disclosure
    from indicators.engine import IndicatorEngine

    monkeypatch.setattr(disclosure, "suppress", lambda cells, graph: {
        code: disclosure.PRIMARY for code, (num, den) in cells.items()
        if disclosure.primary_small(num, den)})
    naive = IndicatorEngine.load(registry)
    recovered = 0
    for ind, cat, year in (("jeugdzorg", "pro", 2023), ("jeugdzorg", "sbo", 2023)):
        cells = {region: naive.lookup(ind, region, cat, year)
                 for (i, region, c, y) in naive.table.rows if (i, c, y) == (ind, cat, year)}
        hidden = {r for r, v in cells.items() if v.suppressed}
        eqs = [(t, [p for p in parts if p in cells]) for t, parts in _equations(registry, cells)]
        recovered += len(_peel(eqs, hidden) | _rank_attack(eqs, hidden))
    assert recovered >= 10

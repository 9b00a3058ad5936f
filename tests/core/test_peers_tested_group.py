"""A comparison with the comparable gemeenten says "hoger/lager" against those gemeenten taken
together: the answer names that tested group with its summed counts (it used to say "hoger"
against a figure it never showed). The group is derived, so it is no Fact and gets no
percentage of its own; its counts are the engine's."""

from __future__ import annotations

import re


def test_the_tested_group_of_a_peer_comparison_is_shown_with_its_counts(ask, core_services) \
        -> None:
    reply = ask("Hoe doet Deventer het op NEET vergeleken met vergelijkbare gemeenten?")
    pooled = core_services.indicators.compare_peers("neet", "GM0150", "totaal", None, 8).pooled
    line = next(x for x in reply.text.splitlines() if x.startswith("Getoetst is tegen deze "))
    numbers = [int(n.replace(".", "")) for n in re.findall(r"\d[\d.]*\d", line.split(":")[-1])]
    assert numbers == [pooled.numerator, pooled.denominator]
    assert f"({pooled.year})" in line
    registry = core_services.registry
    assert all(f.region in registry for f in reply.facts)  # no derived group among the facts

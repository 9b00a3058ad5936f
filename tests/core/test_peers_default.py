"""A question about look-alike gemeenten without a figure shows the peers on jeugdzorg."""

from __future__ import annotations


def test_peers_without_a_figure_show_jeugdzorg_of_the_peers(ask) -> None:
    reply = ask("Welke gemeenten lijken op Zeist?")
    assert reply.intent == "compare"
    regions = {f.region for f in reply.facts}
    assert "GM0355" in regions and len(regions - {"GM0355"}) >= 5
    assert {f.indicator for f in reply.facts} == {"jeugdzorg"}

"""Disclosure control: which figures may be shown, so that no small group can be found back.

Why more than "hide counts under 10": a samenwerkingsverband's count is the sum of its gemeenten
and Nederland the sum of all gemeenten (and of all samenwerkingsverbanden of one kind). When
exactly one gemeente of a samenwerkingsverband is hidden and the rest is shown, subtraction gives
it back. So, per indicator, category and year:

* **primary**: a cell is hidden when its numerator, its denominator or its complement (the
  denominator minus the numerator: the children *without* care) is under 10;
* **secondary**: no hidden cell may follow from the sums. The sums form a graph: every
  samenwerkingsverband PO and VO is a node whose equation says "my total = the sum of my
  gemeenten"; two national nodes say "Nederland = the sum of the SWV PO / VO totals"; a gemeente
  is an edge between its PO and its VO node, an SWV total an edge between the SWV and its national
  node, Nederland an edge between the two national nodes; levels without figures are one free
  node without an equation. A hidden cell can be computed back exactly when its edge is a
  *bridge* among the hidden edges (a tree of equations peels it off); on a cycle it cannot. So
  every hidden bridge gets a cycle: the cheapest path of other cells between its ends is hidden
  as well (gemeenten before samenwerkingsverbanden, Nederland last, small before large);
* **group sums**: what the sums do reveal at a node, the hidden parts together, must itself pass
  the primary rule (at least 10, and at least 10 short of its denominator); otherwise the
  smallest shown part there is hidden too.

Relative risks are ratios without published counts, so only their primary rule applies (in the
engine). The categories of one dimension are no exact sums (onderwijssoorten leave out the
children in no school type; zorgtypes overlap), so they allow no subtraction; the test
``tests/indicator_lib/test_disclosure.py`` runs the attack (linear algebra over every sum) and
checks those category bounds.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass, field

THRESHOLD = 10
PRIMARY = "klein"  # fewer than 10 (or fewer than 10 without)
SECONDARY = "afgeleid"  # hidden so that a small group cannot be computed back
FREE = "*"  # the node of every level without an equation
COST = {"gemeente": 1.0, "swv": 5.0, "land": 1000.0}  # what hiding a cell costs

Counts = tuple[int, int]  # numerator, denominator


def primary_small(num: int, den: int) -> bool:
    """The rule on one cell: numerator, denominator or complement under 10."""
    return num < THRESHOLD or den < THRESHOLD or den - num < THRESHOLD


@dataclass
class SumGraph:
    """The sum relations of one group as a graph: cells are edges, equations are nodes."""

    ends: dict[str, tuple[str, str]] = field(default_factory=dict)  # cell -> (node, node)
    parts: dict[str, list[str]] = field(default_factory=dict)  # node -> part cells
    total: dict[str, str] = field(default_factory=dict)  # node -> its total cell
    cost: dict[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, registry, cells: Mapping[str, Counts]) -> SumGraph:
        """The graph for the cells present (region code -> counts)."""
        graph = cls()
        levels = {"po": "swv_po", "vo": "swv_vo"}
        swvs = {kind: [s.code for s in registry.all(level) if s.code in cells]
                for kind, level in levels.items()}
        national = {kind: (f"NL-{kind}" if swvs[kind] and "NL01" in cells else FREE)
                    for kind in levels}
        nodes: dict[str, str] = {}  # swv code -> node (FREE when its equation is incomplete)
        for kind, codes in swvs.items():
            for swv in codes:
                members = [m.code for m in registry.members(swv)]
                complete = all(m in cells for m in members)
                nodes[swv] = swv if complete else FREE
                if complete:
                    graph.total[swv], graph.parts[swv] = swv, members
                graph._edge(swv, nodes[swv], national[kind], COST["swv"])
            if national[kind] != FREE:
                graph.total[national[kind]], graph.parts[national[kind]] = "NL01", list(codes)
        for gemeente in registry.gemeenten():
            if gemeente.code in cells:
                graph._edge(gemeente.code, nodes.get(gemeente.swv_po, FREE),
                            nodes.get(gemeente.swv_vo, FREE), COST["gemeente"])
        if "NL01" in cells:
            graph._edge("NL01", national["po"], national["vo"], COST["land"])
        return graph

    def _edge(self, cell: str, a: str, b: str, cost: float) -> None:
        self.ends[cell] = (a, b)
        self.cost[cell] = cost

    def bridges(self, hidden: set[str]) -> list[str]:
        """Hidden cells that the sums determine: bridges of the graph of hidden edges."""
        adjacent: dict[str, list[tuple[str, str]]] = {}
        for cell in hidden:
            if cell not in self.ends:
                continue
            a, b = self.ends[cell]
            adjacent.setdefault(a, []).append((b, cell))
            adjacent.setdefault(b, []).append((a, cell))
        order: dict[str, int] = {}
        low: dict[str, int] = {}
        found: list[str] = []
        for root in sorted(adjacent):
            if root not in order:
                _bridges_from(root, adjacent, order, low, found)
        return sorted(found)

    def cheapest_cycle(self, cell: str, hidden: set[str], cells: Mapping[str, Counts]
                       ) -> list[str]:
        """Shown cells on the cheapest path between the ends of ``cell`` (without it)."""
        start, goal = self.ends[cell]
        adjacent: dict[str, list[tuple[str, str]]] = {}
        for other, (a, b) in self.ends.items():
            if other != cell:
                adjacent.setdefault(a, []).append((b, other))
                adjacent.setdefault(b, []).append((a, other))
        best = {start: 0.0}
        back: dict[str, tuple[str, str]] = {}
        queue = [(0.0, start)]
        while queue:
            dist, node = heapq.heappop(queue)
            if node == goal:
                break
            if dist > best.get(node, float("inf")):
                continue
            for nxt, other in adjacent.get(node, ()):
                step = 0.0 if other in hidden else self.cost[other] * (1 + cells[other][0] / 1e7)
                if dist + step < best.get(nxt, float("inf")):
                    best[nxt], back[nxt] = dist + step, (node, other)
                    heapq.heappush(queue, (dist + step, nxt))
        path, node = [], goal
        while node != start and node in back:
            node, other = back[node]
            path.append(other)
        return [c for c in path if c not in hidden]


def _bridges_from(root: str, adjacent, order, low, found) -> None:
    """Iterative Tarjan bridge search (parallel edges count as a cycle)."""
    counter = len(order)
    order[root] = low[root] = counter
    stack = [(root, None, iter(adjacent[root]))]
    while stack:
        node, via, edges = stack[-1]
        advanced = False
        for nxt, cell in edges:
            if cell == via:
                continue
            if nxt not in order:
                counter += 1
                order[nxt] = low[nxt] = counter
                stack.append((nxt, cell, iter(adjacent[nxt])))
                advanced = True
                break
            low[node] = min(low[node], order[nxt])
        if advanced:
            continue
        stack.pop()
        if stack:
            parent = stack[-1][0]
            low[parent] = min(low[parent], low[node])
            if low[node] > order[parent]:
                found.append(via)


def suppress(cells: Mapping[str, Counts], graph: SumGraph) -> dict[str, str]:
    """Region -> reason (``klein`` / ``afgeleid``) for every hidden cell of one group."""
    hidden = {code: PRIMARY for code, (num, den) in cells.items() if primary_small(num, den)}
    for _round in range(len(cells) + 1):
        changed = _group_sums(cells, graph, hidden)
        for cell in graph.bridges(set(hidden)):
            for extra in graph.cheapest_cycle(cell, set(hidden), cells):
                hidden[extra] = SECONDARY
                changed = True
            break  # one bridge at a time: a new cycle often protects others as well
        if not changed:
            break
    return hidden


def _group_sums(cells: Mapping[str, Counts], graph: SumGraph, hidden: dict[str, str]) -> bool:
    """Hide more parts where the hidden parts of a node together are a small group."""
    changed = False
    for node, parts in graph.parts.items():
        if graph.total[node] in hidden:
            continue
        while True:
            unknown = [p for p in parts if p in hidden]
            if len(unknown) < 2:
                break
            num = sum(cells[p][0] for p in unknown)
            den = sum(cells[p][1] for p in unknown)
            shown = [p for p in parts if p not in hidden]
            if not primary_small(num, den) or not shown:
                break
            hidden[min(shown, key=lambda c: (cells[c][0], c))] = SECONDARY
            changed = True
    return changed

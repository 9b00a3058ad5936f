"""A small, stable view of a regioscan round result, as the points and the report need it.

The regioscan package owns the aggregation (means, spreads and counts per theme, statement and
role); this module only reshapes its ``RoundResult`` into sorted lists, so the OOGO code has one
place that knows the regioscan's field names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ScanItem:
    """A theme or statement: overall mean, answer count and the mean per role."""

    key: str
    label: str
    mean: float
    count: int
    role_means: dict[str, float] = field(default_factory=dict)

    @property
    def gap(self) -> float:
        values = list(self.role_means.values())
        return max(values) - min(values) if len(values) > 1 else 0.0


@dataclass(slots=True)
class ScanView:
    count: int
    roles: list[str]
    scale: tuple[float, float]
    themes: list[ScanItem]
    weakest: list[ScanItem]
    disagreements: list[ScanItem]
    round_id: str = ""

    @property
    def roles_text(self) -> str:
        return ", ".join(self.roles)

    def numbers(self) -> set[float]:
        """All numbers this view can put in a text, rounded as they are shown."""
        out: set[float] = {float(self.count), float(self.scale[0]), float(self.scale[1])}
        for item in self.themes + self.weakest + self.disagreements:
            out.update({round(item.mean, 2), float(item.count), round(item.gap, 2)})
            out.update(round(v, 2) for v in item.role_means.values())
        return out


def _item(obj: Any, key: str, label: str) -> ScanItem:
    roles = getattr(obj, "per_role", None) or getattr(obj, "roles", None) or {}
    role_means = {str(r): round(float(getattr(s, "mean", s)), 2) for r, s in dict(roles).items()
                  if getattr(s, "mean", s) is not None}
    return ScanItem(key=key, label=label, mean=round(float(obj.mean), 2),
                    count=int(getattr(obj, "count", 0)), role_means=role_means)


def scan_view(result: Any) -> ScanView | None:
    """Reshape the regioscan ``RoundResult``; ``None`` when it holds no answers."""
    if result is None:
        return None
    themes = [_item(t, str(getattr(t, "id", getattr(t, "key", ""))),
                    str(getattr(t, "title", getattr(t, "label", ""))))
              for t in getattr(result, "themes", [])]
    statements = [_item(s, str(getattr(s, "id", getattr(s, "key", ""))),
                        str(getattr(s, "text", getattr(s, "label", ""))))
                  for s in getattr(result, "statements", [])]
    items = [i for i in statements or themes if i.count]
    roles = sorted({r for i in themes + statements for r in i.role_means})
    scale = tuple(getattr(result, "scale", (1, 5)))
    return ScanView(
        count=int(getattr(result, "respondents", getattr(result, "count", 0)) or 0),
        roles=roles, scale=(float(scale[0]), float(scale[-1])), themes=themes,
        weakest=sorted(items, key=lambda i: (i.mean, i.key)),
        disagreements=sorted([i for i in items if i.gap > 0], key=lambda i: (-i.gap, i.key)),
        round_id=str(getattr(result, "round_id", "")))

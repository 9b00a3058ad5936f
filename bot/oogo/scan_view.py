"""A small, stable view of a regioscan round result, as the points and the report need it.

The regioscan package owns the aggregation and its anonymity rules (theme means overall and per
role, statements as answer groups, the disagreement list; figures the rules hold back are
absent); this module only reshapes its ``RoundResult`` into sorted lists with readable role
names, so the OOGO code has one place that knows those field names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ScanItem:
    """A theme (overall mean, count, mean per role label) or a statement (``disagree``: how many
    of ``count`` respondents were (helemaal) oneens; ``mean`` is not published for statements)."""

    key: str
    label: str
    mean: float
    count: int
    role_means: dict[str, float] = field(default_factory=dict)
    discuss: str = ""
    kind: str = "statement"
    theme: str = ""
    disagree: int = 0

    @property
    def share_disagree(self) -> float:
        return self.disagree / self.count if self.count else 0.0

    @property
    def gap(self) -> float:
        values = list(self.role_means.values())
        return round(max(values) - min(values), 2) if len(values) > 1 else 0.0


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
    def weakest_statements(self) -> list[ScanItem]:
        return [i for i in self.weakest if i.kind == "statement"]

    @property
    def roles_text(self) -> str:
        return ", ".join(self.roles)

    def numbers(self) -> set[float]:
        """All numbers this view can put in a text, rounded as they are shown."""
        out: set[float] = {float(self.count), float(self.scale[0]), float(self.scale[1])}
        for item in self.themes + self.weakest + self.disagreements:
            out.update({round(item.mean, 2), round(item.mean, 1), float(item.count), item.gap,
                        round(item.gap, 1), float(item.disagree)})
            out.update(round(v, 2) for v in item.role_means.values())
            out.update(round(v, 1) for v in item.role_means.values())
        return out


def _role_label(role: str) -> str:
    from bot.regioscan.rounds import role_label

    return role_label(role, "nl")


def _roles(means: dict[str, Any]) -> dict[str, float]:
    return {_role_label(r): round(float(v), 2) for r, v in means.items() if v is not None}


def scan_view(result: Any, definition: Any | None = None) -> ScanView | None:
    """Reshape the regioscan ``RoundResult``; ``None`` when it shows no respondents."""
    if result is None or not getattr(result, "respondents", None):
        return None
    discuss: dict[str, str] = {}
    theme_of: dict[str, str] = {}
    if definition is not None:
        discuss = {q.id: q.discuss for q in definition.questions}
        theme_of = {q.id: t.name for t in definition.themes for q in t.questions}
    themes = [ScanItem(key=t.id, label=t.label, mean=round(float(t.mean), 2), count=t.count,
                       role_means=_roles(t.per_role), kind="theme", theme=t.label)
              for t in result.themes if t.mean is not None]
    by_theme = {t.key: t for t in themes}
    statements = [ScanItem(key=s.id, label=s.label, mean=0.0, count=int(s.count),
                           discuss=discuss.get(s.id, ""), theme=theme_of.get(s.id, ""),
                           disagree=round((s.share(1, 2) or 0.0) * s.count))
                  for s in result.statements if not getattr(s, "hidden", False) and s.count]
    disagreements = []
    for d in result.disagreements:
        base = by_theme.get(d.theme_id)
        disagreements.append(ScanItem(
            key=d.theme_id, label=d.name, mean=base.mean if base else 0.0,
            count=base.count if base else 0, role_means=_roles(d.role_means), kind="theme",
            theme=d.name))
    weakest = sorted(themes, key=lambda i: (i.mean, i.key))[:1] + sorted(
        statements, key=lambda i: (-i.share_disagree, i.key))
    scale = tuple(getattr(result, "scale", (1, 5)))
    return ScanView(
        count=int(result.respondents), roles=[_role_label(r) for r in result.roles_shown],
        scale=(float(scale[0]), float(scale[-1])), themes=themes, weakest=weakest,
        disagreements=sorted(disagreements, key=lambda i: (-i.gap, i.key)))

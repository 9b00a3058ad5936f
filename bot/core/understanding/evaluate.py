"""``oogo eval understanding``: how well the understanding does on a labelled split.

Each example is understood as in a conversation: its context messages are understood first
(and remembered as the assistant remembers them), its ``region`` is the profile, and
``scan_active`` says whether a regioscan statement is open. Reported: intent accuracy with
per-intent precision and recall and the confusion matrix, slot accuracy on the figure
questions (per slot and all slots at once), and the worst errors.

A clarifying question about what the user wants counts as an error for intent accuracy (it is
not a wrong answer, but not an answer either); how often it happens is reported separately.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.core.state import ConversationState
from bot.core.understanding.corpus import SLOT_NAMES, Example
from bot.core.understanding.frame import Frame
from bot.core.understanding.memory import remember
from bot.core.understanding.model import Understanding
from bot.core.understanding.parse import understand

if TYPE_CHECKING:  # pragma: no cover
    from indicators.registry import RegionRegistry

CLARIFY = "clarify"


@dataclass(slots=True)
class Outcome:
    """One example and what the understanding made of it."""

    example: Example
    predicted: str
    confidence: float
    frame: Frame | None
    slot_errors: list[str] = field(default_factory=list)
    top: str = ""  # the model's reading before a clarifying question
    alternatives: list[tuple[str, float]] = field(default_factory=list)

    @property
    def intent_ok(self) -> bool:
        return self.predicted == self.example.intent


@dataclass(slots=True)
class Report:
    """The numbers of one evaluation run."""

    outcomes: list[Outcome]

    @property
    def intent_accuracy(self) -> float:
        return sum(o.intent_ok for o in self.outcomes) / max(len(self.outcomes), 1)

    def slot_counts(self) -> dict[str, tuple[int, int]]:
        """Per slot: (right, total) over the figure examples."""
        counts: dict[str, list[int]] = {name: [0, 0] for name in SLOT_NAMES}
        for outcome in self.outcomes:
            if outcome.example.frame is None:
                continue
            for name in SLOT_NAMES:
                counts[name][1] += 1
                counts[name][0] += name not in outcome.slot_errors
        return {k: (v[0], v[1]) for k, v in counts.items()}

    @property
    def slot_accuracy(self) -> float:
        counts = self.slot_counts().values()
        total = sum(t for _, t in counts)
        return sum(r for r, _ in counts) / total if total else 0.0

    @property
    def frame_accuracy(self) -> float:
        figures = [o for o in self.outcomes if o.example.frame is not None]
        return sum(not o.slot_errors for o in figures) / max(len(figures), 1)

    @property
    def clarify_rate(self) -> float:
        return sum(o.predicted == CLARIFY for o in self.outcomes) / max(len(self.outcomes), 1)

    def per_intent(self) -> dict[str, tuple[float, float, int]]:
        """label -> (precision, recall, support)."""
        labels = sorted({o.example.intent for o in self.outcomes})
        out = {}
        for label in labels:
            tp = sum(o.predicted == label and o.intent_ok for o in self.outcomes)
            predicted = sum(o.predicted == label for o in self.outcomes)
            support = sum(o.example.intent == label for o in self.outcomes)
            out[label] = (tp / predicted if predicted else 0.0, tp / support if support else 0.0,
                          support)
        return out

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((o.example.intent, o.predicted) for o in self.outcomes)

    def worst(self, n: int = 20) -> list[Outcome]:
        """Intent errors (most confident first), then figure slot errors."""
        intent = sorted((o for o in self.outcomes if not o.intent_ok),
                        key=lambda o: -o.confidence)
        slots = [o for o in self.outcomes if o.intent_ok and o.slot_errors]
        return (intent + slots)[:n]


def understand_example(example: Example, registry: RegionRegistry, *, model: object,
                       latest_year: Callable[[], int | None]) -> Understanding:
    """Understand an example the way the assistant would inside its conversation."""
    state = ConversationState(profile_region=example.region)
    for earlier in example.context:
        u = understand(earlier, state, registry, model=model, latest_year=latest_year)
        remember(state, u, answered=True)
        state.turns += 1
    return understand(example.text, state, registry, scan_active=example.scan_active,
                      model=model, latest_year=latest_year)


def slot_errors(gold: Frame, got: Frame | None) -> list[str]:
    """The slots of ``got`` that differ from ``gold`` (every slot when there is no frame)."""
    if got is None:
        return list(SLOT_NAMES)
    errors = []
    for name in SLOT_NAMES:
        a, b = getattr(gold, name), getattr(got, name)
        if name == "years":
            a, b = sorted(a or []), sorted(b or [])
        if a != b:
            errors.append(name)
    return errors


def evaluate(examples: list[Example], registry: RegionRegistry, *, model: object,
             latest_year: Callable[[], int | None]) -> Report:
    outcomes = []
    for example in examples:
        u = understand_example(example, registry, model=model, latest_year=latest_year)
        predicted = CLARIFY if u.clarify_kind == "intent" else u.label
        errors = slot_errors(example.frame, u.frame) if example.frame is not None else []
        outcomes.append(Outcome(example, predicted, u.confidence, u.frame, errors, u.label,
                                list(u.alternatives)))
    return Report(outcomes)


def cross_validated(examples: list[Example], registry: RegionRegistry, *, folds: int,
                    latest_year: Callable[[], int | None]) -> Report:
    """The whole pipeline on the training part, each fold understood by a model trained on
    the other folds: an honest estimate without touching the held-out split."""
    from bot.core.understanding.train import fit_model

    outcomes: list[Outcome] = []
    for fold in range(folds):
        rest = [e for i, e in enumerate(examples) if i % folds != fold]
        part = [e for i, e in enumerate(examples) if i % folds == fold]
        model = fit_model(rest, registry)
        outcomes += evaluate(part, registry, model=model, latest_year=latest_year).outcomes
    return Report(outcomes)


def format_report(report: Report, name: str) -> str:
    """The report as the CLI prints it."""
    lines = [f"{name}: {len(report.outcomes)} messages",
             f"intent accuracy  {report.intent_accuracy:.1%}   "
             f"(clarifying questions: {report.clarify_rate:.1%})",
             f"slot accuracy    {report.slot_accuracy:.1%}   "
             f"(figure frames fully right: {report.frame_accuracy:.1%})", "",
             f"{'intent':<14}{'precision':>10}{'recall':>8}{'n':>6}"]
    for label, (p, r, n) in report.per_intent().items():
        lines.append(f"{label:<14}{p:>10.1%}{r:>8.1%}{n:>6}")
    lines += ["", f"{'slot':<14}{'accuracy':>10}{'n':>6}"]
    for slot, (right, total) in report.slot_counts().items():
        lines.append(f"{slot:<14}{(right / total if total else 0):>10.1%}{total:>6}")
    lines += ["", "confusion (gold -> predicted, errors only):"]
    for (gold, got), n in sorted(report.confusion().items(), key=lambda x: -x[1]):
        if gold != got:
            lines.append(f"  {gold:<13} -> {got:<13} {n}")
    lines += ["", "worst errors:"]
    for o in report.worst():
        what = (f"{o.example.intent} -> {o.predicted} ({o.confidence:.2f})" if not o.intent_ok
                else "slots " + ", ".join(_slot_diff(o)))
        lines.append(f"  {o.example.id}: {o.example.text!r}: {what}")
    return "\n".join(lines)


def _slot_diff(o: Outcome) -> list[str]:
    gold = o.example.frame
    out: list[str] = []
    for name in o.slot_errors:
        want: Any = getattr(gold, name) if gold else None
        got: Any = getattr(o.frame, name) if o.frame else None
        out.append(f"{name} {want!r}≠{got!r}")
    return out

"""Retrieval evaluation: recall@1, recall@3 and MRR per part, beside the plain baseline.

Why by section: the documents answer questions per heading, and the answer is composed from one
section, so a question is found at rank r when the r-th section returned is one of its labelled
(document, heading) pairs. The question files live in ``knowledge/eval``: every ``*.jsonl`` there
is a part named after its file (``retrieval_dev.jsonl`` -> ``dev``, ``new_sections.jsonl`` ->
``new_sections``), so adding a file needs no code. A label whose heading no longer exists in the
documents is reported as a labelling error, never silently dropped. A question without answers
is out of scope: it counts as right when the gate does not answer it.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.baseline import BaselineIndex, normalise
from knowledge.features import Section
from knowledge.sureness import SURE_AT

EVAL_DIR = Path(__file__).resolve().parent / "eval"
DEPTH = 20  # sections looked at for MRR (the reranker's candidates)


@dataclass(frozen=True)
class Labelled:
    qid: str
    question: str
    lang: str
    answers: tuple[tuple[str, str], ...]  # (document file, heading); empty: out of scope

    @property
    def out_of_scope(self) -> bool:
        return not self.answers


@dataclass
class Scores:
    """Recall@1, recall@3 and MRR of one method on one part."""

    method: str
    n: int = 0
    recall_at_1: float = 0.0
    recall_at_3: float = 0.0
    mrr: float = 0.0
    missed: list[str] = field(default_factory=list)  # not in the top 3

    def add(self, qid: str, rank: int | None) -> None:
        self.n += 1
        self.recall_at_1 += rank == 1
        self.recall_at_3 += rank is not None and rank <= 3
        self.mrr += 1 / rank if rank else 0.0
        if not rank or rank > 3:
            self.missed.append(qid)

    def finish(self) -> Scores:
        if self.n:
            self.recall_at_1 /= self.n
            self.recall_at_3 /= self.n
            self.mrr /= self.n
        return self


@dataclass
class PartResult:
    part: str
    method: Scores
    baseline: Scores | None
    answered: float = 0.0  # share of in-scope questions the gate answers
    answered_right: float = 0.0  # of those, share whose first section is labelled
    sure: float = 0.0  # share answered in a sure tone (``sureness.SURE_AT``)
    sure_right: float = 0.0  # of those, share whose first section is labelled
    rejected_out_of_scope: float | None = None
    latencies_ms: list[float] = field(default_factory=list)
    label_errors: list[str] = field(default_factory=list)


def part_name(path: Path) -> str:
    return path.stem.removeprefix("retrieval_")


def question_files(directory: Path = EVAL_DIR) -> list[Path]:
    return sorted(p for p in directory.glob("*.jsonl") if p.is_file())


def load_part(path: Path) -> list[Labelled]:
    """The questions of one JSONL file; raises ValueError (Dutch) on a malformed line."""
    out: list[Labelled] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            answers = tuple((str(a["doc"]), str(a["heading"])) for a in item.get("answers") or ())
            out.append(Labelled(str(item.get("id", number)), str(item["question"]),
                                str(item.get("lang", "nl")), answers))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"Regel {number} van {path.name} is geen geldige vraag: {exc}") \
                from exc
    return out


def matches(section: Section, label: tuple[str, str]) -> bool:
    """A label names a section by its own heading or its full heading path."""
    doc, heading = label
    wanted = normalise(heading)
    return section.source == doc and wanted in (normalise(section.own_heading),
                                                normalise(section.heading))


def label_errors(questions: list[Labelled], sections: list[Section]) -> list[str]:
    """One line per label that names no existing section."""
    errors = []
    for q in questions:
        for label in q.answers:
            if not any(matches(s, label) for s in sections):
                errors.append(f"{q.qid}: geen sectie '{label[1]}' in {label[0]}")
    return errors


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def evaluate_part(kb: Any, part: str, questions: list[Labelled],
                  baseline: BaselineIndex | None, method: str = "hybrid") -> PartResult:
    """Score one part with the knowledge base's retriever and, when given, the baseline."""
    retriever = kb.retriever()
    sections = retriever.sections
    errors = label_errors(questions, sections)
    broken = {e.split(":", 1)[0] for e in errors}
    mine, base = Scores(method), Scores("baseline") if baseline else None
    result = PartResult(part, mine, base, label_errors=errors)
    answered = right = rejected = n_out = sure = sure_right = 0
    for q in questions:
        start = time.perf_counter()
        ranking = retriever.rank(q.question, method)
        result.latencies_ms.append((time.perf_counter() - start) * 1000)
        if q.out_of_scope:
            n_out += 1
            rejected += not ranking.confident
            continue
        if q.qid in broken and not any(matches(s, a) for s in sections for a in q.answers):
            continue  # every label broken: reported above, not scored
        ranked = [sections[i] for i in ranking.sections[:DEPTH]]
        rank = next((r for r, s in enumerate(ranked, 1) if any(matches(s, a) for a in q.answers)),
                    None)
        mine.add(q.qid, rank)
        if ranking.confident:
            answered += 1
            right += rank == 1
            if ranking.confidence >= SURE_AT:
                sure += 1
                sure_right += rank == 1
        if base is not None and baseline is not None:
            base.add(q.qid, _baseline_rank(baseline, q))
    mine.finish()
    if base:
        base.finish()
    result.answered = answered / mine.n if mine.n else 0.0
    result.answered_right = right / answered if answered else 0.0
    result.sure = sure / mine.n if mine.n else 0.0
    result.sure_right = sure_right / sure if sure else 0.0
    result.rejected_out_of_scope = rejected / n_out if n_out else None
    return result


def _baseline_rank(baseline: BaselineIndex, q: Labelled) -> int | None:
    wanted = {(doc, normalise(h)) for doc, h in q.answers}
    for rank, (doc, headings) in enumerate(baseline.search(q.question, k=3), start=1):
        for heading in headings:
            own = normalise(heading.split(" > ")[-1]) if heading else ""
            if (doc, own) in wanted or (doc, normalise(heading)) in wanted:
                return rank
    return None


def evaluate(kb: Any, parts: dict[str, list[Labelled]], with_baseline: bool = True,
             method: str = "hybrid") -> list[PartResult]:
    """Every part with the method and (built once, for real) the baseline."""
    kb.ensure_index()
    kb.retriever().rank("opwarmen", method)  # load models and caches outside the timings
    baseline = BaselineIndex(kb._directories(), kb.embedder) if with_baseline else None
    try:
        return [evaluate_part(kb, name, qs, baseline, method) for name, qs in parts.items()]
    finally:
        if baseline is not None:
            baseline.close()


def format_table(results: list[PartResult]) -> str:
    """A plain-text table (Dutch labels) for the terminal and for reports."""
    header = f"{'deel':<14} {'vragen':>6}  {'methode':<26} {'recall@1':>8} {'recall@3':>8} " \
        f"{'MRR':>6}"
    lines = ["Retrieval-evaluatie per sectie (kennisdocumenten)", header, "-" * len(header)]
    names = {"hybrid": "twee fasen (hybride)", "bm25": "alleen trefwoorden",
             "dense": "alleen embeddings", "baseline": "basislijn 1000/200 dense top-3"}
    for r in results:
        for s in (r.method, r.baseline):
            if s is None:
                continue
            lines.append(f"{r.part:<14} {s.n:>6}  {names.get(s.method, s.method):<26} "
                         f"{s.recall_at_1:>8.2f} {s.recall_at_3:>8.2f} {s.mrr:>6.2f}")
    lines.append("")
    for r in results:
        outside = "-" if r.rejected_out_of_scope is None else f"{r.rejected_out_of_scope:.0%}"
        median = statistics.median(r.latencies_ms) if r.latencies_ms else 0.0
        lines.append(
            f"{r.part}: beantwoord {r.answered:.0%} (daarvan juist {r.answered_right:.0%}; "
            f"stellig {r.sure:.0%}, daarvan juist {r.sure_right:.0%}), "
            f"buiten de documenten 'weet ik niet' {outside}; zoektijd mediaan {median:.1f} ms, "
            f"p95 {_percentile(r.latencies_ms, 0.95):.1f} ms"
        )
        if r.label_errors:
            lines.append(f"{r.part}: labelfouten ({len(r.label_errors)}): "
                         + "; ".join(r.label_errors))
        if r.method.missed:
            lines.append(f"{r.part}: niet in top 3: {', '.join(r.method.missed)}")
    return "\n".join(lines)

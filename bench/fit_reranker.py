"""Fit the reranker and the gate on the development questions; writes knowledge/reranker.json.

Run: python bench/fit_reranker.py [--check] [--data-dir DIR]
Only ``knowledge/eval/retrieval_dev.jsonl`` is read: the held-out parts must stay unseen.

Ranking: a linear score over the features of ``knowledge.features``, fitted with a listwise
loss: for each question, a softmax over its 20 candidate sections (what the second stage sees)
should put its probability on the labelled ones. That targets what is measured (the right
section first) instead of "is this one section relevant" in isolation. Every weight is >= 0 (a
better match on any signal may never lower a section's score, which keeps correlated signals
from getting opposite signs fitted to quirks of the questions), with an L2 penalty chosen by
five-fold cross-validation. The folds are grouped by the labelled heading(s): every phrasing of
one question lands in the same fold, so a fold is scored on headings the fit never saw asked (a
random split put paraphrases of a test question in the training folds). Because one split of
~160 headings moves recall@1 by about 0.01, the cross-validated figure is the mean over
``SPLITS`` different grouped splits.

Gate: a logistic regression of "the first section is right" over the first place's scores
(out-of-scope questions count as wrong), fitted on out-of-fold rankings (each question ranked
by a model that did not see it), so its probability is calibrated for unseen questions. The
relatedness threshold sits just above the most related out-of-scope question. ``--check``
prints without writing; ``--data-dir`` reuses an index built there (default: a fresh temporary
one). Needs scikit-learn and scipy (development tools).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.evaluation import EVAL_DIR, Labelled, load_part, matches  # noqa: E402
from knowledge.features import FEATURES, LEXICAL  # noqa: E402
from knowledge.rerank import GATE_FEATURES, RELATED_FEATURES, WEIGHTS_FILE  # noqa: E402
from knowledge.retrieval import Retriever  # noqa: E402
from knowledge.service import KnowledgeBase  # noqa: E402

PENALTIES = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
SPLITS = 3  # grouped five-fold splits averaged for the cross-validated recall@1


@dataclass
class Collected:
    """Per question: all sections' features, the candidates, coverage and labels."""

    X: list[np.ndarray]
    candidates: list[list[int]]
    coverage: list[np.ndarray]
    labelled: np.ndarray  # questions x sections, bool
    related: np.ndarray  # questions x RELATED_FEATURES inputs


def collect(retriever: Retriever, questions: list[Labelled], method: str) -> Collected:
    sections = retriever.sections
    X, cands, cover, rel = [], [], [], []
    for q in questions:
        x, lexical = retriever.signals(q.question, method)
        c = retriever.candidates(x, lexical)
        cov = retriever.features.bm25_text.coverage_all(q.question)
        X.append(x)
        cands.append(c)
        cover.append(cov)
        d_text = x[:, FEATURES.index("d_text")]
        rel.append([float(cov[c].max()), max(0.0, float(d_text.max())) if not lexical else 0.0])
    labelled = np.array([[any(matches(s, a) for a in q.answers) for s in sections]
                         for q in questions])
    return Collected(X, cands, cover, labelled, np.array(rel))


def fit_rank(data: Collected, rows: list[int], cols: list[int], penalty: float) -> np.ndarray:
    """Non-negative weights minimising the listwise loss over the questions ``rows``."""
    from scipy.optimize import minimize

    groups = []
    for i in rows:
        c = data.candidates[i]
        pos = data.labelled[i, c]
        if pos.any():  # a question whose section is not among the candidates teaches nothing
            groups.append((data.X[i][np.ix_(c, cols)], pos))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = 0.5 * penalty * float(w @ w), penalty * w
        for x, pos in groups:
            z = x @ w
            z = z - z.max()
            p = np.exp(z)
            p /= p.sum()
            p_pos = p * pos
            mass = p_pos.sum()
            value -= float(np.log(mass + 1e-12))
            grad = grad + x.T @ (p - p_pos / (mass + 1e-12))
        return value, grad

    start = np.full(len(cols), 0.1)
    result = minimize(loss, start, jac=True, bounds=[(0.0, None)] * len(cols), method="L-BFGS-B")
    return result.x


def ranked(data: Collected, i: int, cols: list[int], w: np.ndarray) -> tuple[list[int],
                                                                              np.ndarray]:
    c = data.candidates[i]
    scores = data.X[i][np.ix_(c, cols)] @ w
    order = np.argsort(-scores, kind="stable")
    return [c[k] for k in order], scores[order]


def top1(data: Collected, rows: list[int], cols: list[int], w: np.ndarray) -> float:
    return float(np.mean([data.labelled[i, ranked(data, i, cols, w)[0][0]] for i in rows]))


def question_groups(questions: list[Labelled]) -> np.ndarray:
    """One group id per question: paraphrases of one question share their labelled heading, so
    questions sharing any labelled heading (also through a question with two labels) form one
    group; an out-of-scope question is a group of its own."""
    parent: dict[object, object] = {}

    def root(key: object) -> object:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for q in questions:
        for label in q.answers[1:]:
            parent[root(label)] = root(q.answers[0])
    ids: dict[object, int] = {}
    return np.array([ids.setdefault(root(q.answers[0]) if q.answers else ("", q.qid), len(ids))
                     for q in questions])


def folds_of(rows: np.ndarray, groups: np.ndarray, seed: int = 0) -> list[np.ndarray]:
    """``FOLDS`` folds of ``rows`` with no group split between two folds."""
    rows = np.asarray(rows)
    shuffled = np.random.default_rng(seed).permutation(np.unique(groups[rows]))
    return [rows[np.isin(groups[rows], part)] for part in np.array_split(shuffled, FOLDS)]


def cross_validated(data: Collected, folds: list[np.ndarray], cols: list[int],
                    penalty: float) -> float:
    """Recall@1 of each fold ranked by weights fitted on the other folds, over all rows."""
    hits = []
    for k in range(FOLDS):
        train = np.concatenate([f for j, f in enumerate(folds) if j != k])
        w = fit_rank(data, list(train), cols, penalty)
        hits += [data.labelled[i, ranked(data, i, cols, w)[0][0]] for i in folds[k]]
    return float(np.mean(hits))


def fit_gate(G: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=5000).fit(G, y)
    return clf.coef_[0], float(clf.intercept_[0])


def fit_mode(retriever: Retriever, questions: list[Labelled], names: tuple[str, ...],
             method: str, mode: str) -> dict:
    data = collect(retriever, questions, method)
    cols = [FEATURES.index(n) for n in names]
    ood = np.array([q.out_of_scope for q in questions])
    inscope = np.flatnonzero(~ood)
    groups = question_groups(questions)
    in_cands = np.mean([data.labelled[i, data.candidates[i]].any() for i in inscope])
    best = (-1.0, PENALTIES[0])
    for penalty in PENALTIES:
        cv = [cross_validated(data, folds_of(inscope, groups, seed), cols, penalty)
              for seed in range(SPLITS)]
        print(f"{mode}: penalty {penalty}: cross-validated recall@1 {np.mean(cv):.3f} "
              f"(grouped splits: {', '.join(f'{x:.3f}' for x in cv)})")
        best = max(best, (float(np.mean(cv)), penalty))
    penalty = best[1]
    print(f"{mode}: right section among the candidates {in_cands:.3f}; penalty {penalty}")
    # out-of-fold rankings for the gate (out-of-scope questions spread over the folds too)
    all_folds = folds_of(np.arange(len(questions)), groups, seed=1)
    G = np.zeros((len(questions), len(GATE_FEATURES)))
    right = np.zeros(len(questions), dtype=bool)
    for k in range(FOLDS):
        train = [i for j, f in enumerate(all_folds) if j != k for i in f if not ood[i]]
        w = fit_rank(data, train, cols, penalty)
        for i in all_folds[k]:
            order, scores = ranked(data, i, cols, w)
            G[i] = retriever.gate_inputs(data.X[i], data.coverage[i], order, scores)
            right[i] = bool(data.labelled[i, order[0]]) and not ood[i]
    w = fit_rank(data, list(inscope), cols, penalty)
    fitted = top1(data, list(inscope), cols, w)
    print(f"{mode}: recall@1 on the dev questions it was fitted on {fitted:.3f}")
    gw, gb = fit_gate(G[~ood], right[~ood])
    conf = 1 / (1 + np.exp(-(G @ gw + gb)))
    answer_at = 0.5
    related_w = np.array([1.0, 2.0 if mode == "dense" else 0.0])
    rel = data.related @ related_w
    # just above the most related out-of-scope question, unless that would shut out more
    # than 5% of the in-scope questions (then halfway between the two)
    p5 = float(np.percentile(rel[~ood], 5))
    top_out = float(rel[ood].max())
    related_at = round(top_out + 0.02 if top_out + 0.02 <= p5 else (top_out + p5) / 2, 3)
    answered = ~ood & (conf >= answer_at) & (rel >= related_at)
    print(f"{mode}: out-of-fold top-1 right {right[~ood].mean():.3f}; answered "
          f"{answered.sum() / (~ood).sum():.3f}, right among answered {right[answered].mean():.3f}"
          f"; out of scope: max relatedness {top_out:.3f}, in scope p5 {p5:.3f} -> related_at "
          f"{related_at}; in scope not related {(rel[~ood] < related_at).mean():.3f}")
    return {
        "rank": {"features": list(names), "weights": dict(zip(names, map(float, w), strict=True)),
                 "bias": 0.0},
        "gate": {"features": list(GATE_FEATURES),
                 "weights": dict(zip(GATE_FEATURES, map(float, gw), strict=True)), "bias": gb},
        "answer_at": answer_at,
        "related": {"features": list(RELATED_FEATURES),
                    "weights": dict(zip(RELATED_FEATURES, map(float, related_w), strict=True))},
        "related_at": related_at,
        "penalty": penalty,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    questions = load_part(EVAL_DIR / "retrieval_dev.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(args.data_dir or Path(tmp) / "var")
        kb.index()
        retriever = kb.retriever()
        out = {mode: fit_mode(retriever, questions, names, method, mode)
               for mode, names, method in (("dense", FEATURES, "hybrid"),
                                           ("lexical", LEXICAL, "bm25"))}
    out["fitted_on"] = "knowledge/eval/retrieval_dev.jsonl"
    if not args.check:
        WEIGHTS_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()

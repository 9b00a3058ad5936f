"""Fit the reranker and the gate on the development questions; writes knowledge/reranker.json.

Run: python bench/fit_reranker.py [--check]
Only ``knowledge/eval/retrieval_dev.jsonl`` is read: the held-out parts must stay unseen. The
ranking weights are a logistic regression (class-balanced, C=1) of "this section is labelled"
over the features of every section; the gate is a logistic regression of "the first section is
right" over the first place's scores (out-of-scope questions count as wrong), so its output is a
probability. Five-fold cross-validation on the dev questions is printed as the expected
generalisation. ``--check`` prints without writing. Needs scikit-learn (a development tool).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.evaluation import EVAL_DIR, load_part, matches  # noqa: E402
from knowledge.features import FEATURES, LEXICAL  # noqa: E402
from knowledge.rerank import (  # noqa: E402
    GATE_FEATURES,
    RELATED_FEATURES,
    WEIGHTS_FILE,
    Linear,
    Model,
    Rerankers,
)
from knowledge.service import KnowledgeBase  # noqa: E402


def fit_rank(X: np.ndarray, Y: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression with L2 (C=1) and every weight >= 0: a better match
    on any signal may never lower a section's score, which keeps the model from leaning on
    quirks of the development questions (correlated signals otherwise get opposite signs)."""
    from scipy.optimize import minimize

    x = X[rows].reshape(-1, X.shape[2])
    y = Y[rows].ravel().astype(float)
    pos = y.sum()
    sample = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * (len(y) - pos)))

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        value = -np.sum(sample * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        value += 0.5 * float(w @ w)
        g = sample * (p - y)
        return value, np.concatenate([x.T @ g + w, [g.sum()]])

    start = np.zeros(X.shape[2] + 1)
    bounds = [(0.0, None)] * X.shape[2] + [(None, None)]
    theta = minimize(loss, start, jac=True, bounds=bounds, method="L-BFGS-B").x
    return theta[:-1], float(theta[-1])


def fit_gate(G: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=5000).fit(G, y)
    return clf.coef_[0], float(clf.intercept_[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    questions = load_part(EVAL_DIR / "retrieval_dev.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(Path(tmp) / "var")
        kb.index()
        retriever = kb.retriever()
        sections = retriever.sections
        Y = np.array([[any(matches(s, a) for a in q.answers) for s in sections]
                      for q in questions])
        inscope = np.array([i for i, q in enumerate(questions) if not q.out_of_scope])
        out: dict[str, dict] = {}
        for mode, names, method in (("dense", FEATURES, "hybrid"), ("lexical", LEXICAL, "bm25")):
            cols = [FEATURES.index(n) for n in names]
            X = np.stack([retriever.signals(q.question, method)[0][:, cols] for q in questions])
            folds = np.array_split(np.random.default_rng(0).permutation(inscope), 5)
            cv = []
            for k in range(5):
                train = np.concatenate([f for j, f in enumerate(folds) if j != k])
                w, _ = fit_rank(X, Y, train)
                top = [int(np.argmax(X[i] @ w)) for i in folds[k]]
                cv.append(np.mean([Y[i, t] for i, t in zip(folds[k], top, strict=True)]))
            w, b = fit_rank(X, Y, inscope)
            print(f"{mode}: cross-validated recall@1 (all sections) {np.mean(cv):.3f}")
            rank = Linear(tuple(names), w, b)
            related_w = np.array([1.0, 2.0 if mode == "dense" else 0.0])
            related = Linear(RELATED_FEATURES, related_w)
            placeholder = Model(rank, Linear(GATE_FEATURES, np.zeros(len(GATE_FEATURES))), 0.5,
                                related, 0.0)
            retriever.rerankers = Rerankers(placeholder, placeholder)
            G, right, rel = [], [], []
            for i, q in enumerate(questions):
                ranking = retriever.rank(q.question, method)
                G.append(ranking.gate_row)
                rel.append(ranking.relatedness)
                right.append(bool(Y[i, ranking.sections[0]]) if not q.out_of_scope else False)
            G, right, rel = np.array(G), np.array(right), np.array(rel)
            ood = np.array([q.out_of_scope for q in questions])
            ins = ~ood
            gw, gb = fit_gate(G[ins], right[ins])
            conf = 1 / (1 + np.exp(-(G @ gw + gb)))
            answer_at = 0.5
            # just above the most related out-of-scope question, unless that would shut out
            # more than 5% of the in-scope questions (then halfway between the two)
            p5 = float(np.percentile(rel[ins], 5))
            top_out = float(rel[ood].max())
            related_at = round(top_out + 0.02 if top_out + 0.02 <= p5 else (top_out + p5) / 2, 3)
            answered = ins & (conf >= answer_at) & (rel >= related_at)
            share = answered.sum() / ins.sum()
            print(f"{mode}: top-1 right {right[ins].mean():.3f}; answered {share:.3f}"
                  f", right among answered {right[answered].mean():.3f}; out of scope: max "
                  f"relatedness {top_out:.3f}, in scope p5 {p5:.3f} -> related_at {related_at}; "
                  f"in scope not related {(rel[ins] < related_at).mean():.3f}")
            out[mode] = {
                "rank": {"features": list(names), "weights": dict(zip(names, map(float, w),
                                                                      strict=True)), "bias": b},
                "gate": {"features": list(GATE_FEATURES),
                         "weights": dict(zip(GATE_FEATURES, map(float, gw), strict=True)),
                         "bias": gb},
                "answer_at": answer_at,
                "related": {"features": list(RELATED_FEATURES),
                            "weights": dict(zip(RELATED_FEATURES, map(float, related_w),
                                                strict=True))},
                "related_at": related_at,
            }
    out["fitted_on"] = "knowledge/eval/retrieval_dev.jsonl"
    if not args.check:
        WEIGHTS_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()

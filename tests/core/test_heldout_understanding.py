"""CI guard on the held-out split: intent accuracy must not drop below 95% (the target is 97%).

The held-out messages are never used to train or to tune; this test only measures them with the
shipped model, exactly as ``oogo eval understanding`` does. It is skipped where the split is not
in the checkout.
"""

from __future__ import annotations

import pytest

from bot.core.understanding.corpus import HELDOUT, TRAIN, load
from bot.core.understanding.evaluate import evaluate
from bot.core.understanding.intent_model import shipped_model

FLOOR = 0.95


@pytest.mark.skipif(not HELDOUT.exists(), reason="held-out split not in this checkout")
def test_heldout_intent_accuracy_stays_above_the_floor(core_services) -> None:
    report = evaluate(load(HELDOUT), core_services.registry, model=shipped_model(),
                      latest_year=lambda: 2023)
    assert report.intent_accuracy >= FLOOR, [
        (o.example.id, o.example.intent, o.predicted) for o in report.worst()]


def test_the_shipped_model_knows_its_training_corpus(core_services) -> None:
    """The artefact and the corpus belong together (retrain after changing the corpus)."""
    from bot.core.understanding.train import corpus_digest

    model = shipped_model()
    assert model is not None, "run 'oogo train understanding'"
    assert model.meta["corpus_sha256"] == corpus_digest(TRAIN)

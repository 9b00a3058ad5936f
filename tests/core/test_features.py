"""The intent model's features: the fast path (buckets per word, remembered) hashes exactly the
features the readable definition lists, in the same order (``vectorise`` sums in that order)."""

from __future__ import annotations

import pytest

from bot.core.understanding.corpus import TRAIN, load
from bot.core.understanding.features import (
    bucket,
    delexicalise,
    feature_buckets,
    feature_strings,
)


@pytest.mark.parametrize("flags", [[], ["ctx", "after_figure"]])
def test_feature_buckets_are_the_buckets_of_the_feature_strings(flags) -> None:
    texts = [e.text for e in load(TRAIN)][::7] + ["", "<plaats>", "ja", "vijf jaar geleden"]
    for text in texts:
        clean = delexicalise(text)
        assert feature_buckets(clean, flags) == [bucket(f) for f in feature_strings(clean, flags)]
        # again, now from the memo of each word
        assert feature_buckets(clean, flags) == [bucket(f) for f in feature_strings(clean, flags)]

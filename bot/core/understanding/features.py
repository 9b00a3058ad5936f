"""The features the intent model sees: hashed words, word pairs and character n-grams.

Why hashing and our own code instead of scikit-learn's vectorisers: the model is trained with
scikit-learn but runs in plain numpy, so training and inference must compute exactly the same
features, and importing scikit-learn (hundreds of milliseconds) must never happen on a user's
question. A feature is a string ("w:jeugdzorg", "c:eugd", "b:vergelijk met"); its bucket is its
CRC32 modulo ``BUCKETS``.

Before counting, a message is *delexicalised*: the places the region scanner found become
"<plaats>", years "<jaar>", invitation codes "<code>" and other numbers "<getal>". The model
thus learns "jeugdzorg <plaats> pro" once instead of once per gemeente, and a gemeente it never
saw in training counts the same as one it did.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from bot.core.understanding.normalize import fold
from bot.core.understanding.prefix_scan import re_compile
from bot.core.understanding.relative_years import RELATIVE_YEAR

BUCKETS = 1 << 18
CHAR_NGRAMS = (3, 4, 5)
TOKEN = re_compile(r"<[a-z]+>|[a-z0-9]+(?:'[a-z]+)?")
YEAR = re_compile(r"\b(?:19[89]\d|20[0-4]\d)\b")
DIGIT = re_compile(r"\d")
NUMBER = re_compile(r"\b\d+(?:[.,]\d+)?\b")
CODE = re_compile(r"\b(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-hj-km-np-z2-9]{8}\b")


def delexicalise(text: str, spans: Sequence[tuple[int, int]] = ()) -> str:
    """The message with places (``spans`` from the region scanner), years, codes and numbers
    replaced by placeholders, folded to lower case without accents."""
    pieces = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        pieces.append(text[last:start])
        pieces.append(" <plaats> ")
        last = end
    pieces.append(text[last:])
    folded = fold("".join(pieces))
    folded = RELATIVE_YEAR.sub(" <jaar> ", folded)  # "vijf jaar geleden" names a year too
    if DIGIT.search(folded) is None:
        return folded  # years, codes and numbers all have a digit: most questions have none
    folded = YEAR.sub(" <jaar> ", folded)
    folded = CODE.sub(" <code> ", folded)
    folded = NUMBER.sub(lambda m: " <score> " if m.group(0) in "12345" else " <getal> ", folded)
    return folded


def feature_strings(clean: str, flags: Iterable[str] = ()) -> list[str]:
    """Every feature of a delexicalised message (with repeats) plus the context flags: the
    words, the word pairs, each word's character n-grams, a short message's length, the flags.
    ``feature_buckets`` hashes the same features in the same order."""
    tokens = TOKEN.findall(clean)
    words = [_word_features(t) for t in tokens]
    out = [w for w, _ in words]
    out += [_pair_feature(a, b) for a, b in _pairs(tokens)]
    for _, grams in words:
        out += grams
    return out + _message_features(tokens, flags)


def _word_features(token: str) -> tuple[str, list[str]]:
    """A word's "w:" feature and its character n-grams (none for a placeholder)."""
    if token.startswith("<"):
        return f"w:{token}", []
    word = f" {token} "
    return f"w:{token}", [f"c:{word[i:i + n]}" for n in CHAR_NGRAMS
                          for i in range(max(len(word) - n + 1, 0))]


def _pair_feature(a: str, b: str) -> str:
    return f"b:{a} {b}"


def _pairs(tokens: list[str]) -> list[tuple[str, str]]:
    padded = ["^"] + tokens + ["$"]
    return list(zip(padded, padded[1:], strict=False))


def _message_features(tokens: list[str], flags: Iterable[str]) -> list[str]:
    return ([f"len:{len(tokens)}"] if len(tokens) <= 2 else []) + [f"f:{f}" for f in flags]


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


def feature_buckets(clean: str, flags: Iterable[str] = ()) -> list[int]:
    """The buckets of ``feature_strings(clean, flags)``, in the same order.

    Why not hash each string: a message has about fifty features and building and hashing
    their strings was most of a prediction (about 0.1 ms of a figure question, issue 18). The
    buckets of a word (its "w:" feature and its character n-grams) and of a word pair depend on
    nothing else, and the same words come back in message after message, so they are kept per
    word (``_WORD_BUCKETS``, bounded). The order matters: ``vectorise`` sums in it."""
    tokens = TOKEN.findall(clean)
    memo = _WORD_BUCKETS
    if len(memo) > _WORD_MEMO_SIZE:
        memo.clear()
    words = []
    for token in tokens:
        known = memo.get(token)
        if known is None:
            own, grams = _word_features(token)
            known = memo[token] = (bucket(own), tuple(bucket(g) for g in grams))
        words.append(known)
    out = [w for w, _ in words]
    for pair in _pairs(tokens):
        found = memo.get(pair)
        if found is None:
            found = memo[pair] = bucket(_pair_feature(*pair))
        out.append(found)
    for _, gram_buckets in words:
        out += gram_buckets
    for feature in _message_features(tokens, flags):  # "f:ctx", "len:2": kept like a word's
        found = memo.get(feature)
        if found is None:
            found = memo[feature] = bucket(feature)
        out.append(found)
    return out


# word -> its buckets, (word, next word) -> the pair's bucket, and a message feature ("f:ctx"; no
# word has a colon) -> its bucket; cleared when it grows past the limit (a few MB), so a stream
# of made-up words cannot grow it without end
_WORD_BUCKETS: dict[str | tuple[str, str], Any] = {}
_WORD_MEMO_SIZE = 50_000


def vectorise(clean: str, flags: Iterable[str] = ()) -> dict[int, float]:
    """Bucket -> value: 1 + log(count), the whole vector scaled to length 1."""
    return weighted(Counter(feature_buckets(clean, flags)))  # in order of first appearance


def weighted(counts: Counter[int]) -> dict[int, float]:
    """``vectorise`` of counted buckets."""
    values = [count_value(c) for c in counts.values()]
    length = norm(values)
    return dict(zip(counts, [v / length for v in values], strict=True))


def count_value(count: int) -> float:
    """A feature's value before scaling: 1 + log(count)."""
    return 1.0 if count == 1 else 1.0 + math.log(count)


def norm(values: list[float]) -> float:
    """The length of a vector (1 for an empty one): the sum in the order given."""
    return math.sqrt(sum([v * v for v in values])) or 1.0

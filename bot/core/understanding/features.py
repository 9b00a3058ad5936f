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
import re
import zlib
from collections.abc import Iterable, Sequence

from bot.core.understanding.normalize import fold
from bot.core.understanding.relative_years import RELATIVE_YEAR

BUCKETS = 1 << 18
CHAR_NGRAMS = (3, 4, 5)
TOKEN = re.compile(r"<[a-z]+>|[a-z0-9]+(?:'[a-z]+)?")
YEAR = re.compile(r"\b(?:19[89]\d|20[0-4]\d)\b")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
CODE = re.compile(r"\b(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-hj-km-np-z2-9]{8}\b")


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
    folded = YEAR.sub(" <jaar> ", folded)
    folded = CODE.sub(" <code> ", folded)
    folded = NUMBER.sub(lambda m: " <score> " if m.group(0) in "12345" else " <getal> ", folded)
    return folded


def feature_strings(clean: str, flags: Iterable[str] = ()) -> list[str]:
    """Every feature of a delexicalised message (with repeats) plus the context flags."""
    tokens = TOKEN.findall(clean)
    out = [f"w:{t}" for t in tokens]
    padded = ["^"] + tokens + ["$"]
    out += [f"b:{a} {b}" for a, b in zip(padded, padded[1:], strict=False)]
    for token in tokens:
        if token.startswith("<"):
            continue
        word = f" {token} "
        for n in CHAR_NGRAMS:
            out += [f"c:{word[i:i + n]}" for i in range(max(len(word) - n + 1, 0))]
    if len(tokens) <= 2:
        out.append(f"len:{len(tokens)}")
    out += [f"f:{flag}" for flag in flags]
    return out


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


def vectorise(clean: str, flags: Iterable[str] = ()) -> dict[int, float]:
    """Bucket -> value: 1 + log(count), the whole vector scaled to length 1."""
    counts: dict[int, int] = {}
    for feature in feature_strings(clean, flags):
        key = bucket(feature)
        counts[key] = counts.get(key, 0) + 1
    values = {k: 1.0 + math.log(c) for k, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {k: v / norm for k, v in values.items()}

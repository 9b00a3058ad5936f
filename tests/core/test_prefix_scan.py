"""The understanding's patterns compiled with a prefix find what the standard compilation finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.core.understanding import (
    elsewhere,
    features,
    figure,
    language,
    lexicon,
    parse,
    places,
    ranking,
    reading,
    relative_years,
    several,
    slots,
    topic_words,
)
from bot.core.understanding.literal_gate import GatedPattern, gated
from bot.core.understanding.normalize import fold
from bot.core.understanding.prefix_scan import re_compile

MODULES = (elsewhere, features, figure, language, lexicon, parse, places, ranking, reading,
           relative_years, several, slots, topic_words)

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """Messages of the training corpus and every question set, as typed, folded and lowered."""
    files = [ROOT / "bot/core/understanding/data/train.jsonl",
             ROOT / "bot/core/understanding/data/heldout.jsonl",
             *sorted((ROOT / "tests/core").glob("*.jsonl")),
             *sorted((ROOT / "knowledge/eval").glob("*.jsonl"))]
    texts: list[str] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                text = row.get("text") or row.get("question") or row.get("query") or ""
                texts += [text, fold(text), text.lower()]
    return list(dict.fromkeys(t for t in texts if t))


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for module in MODULES:
        for name, value in vars(module).items():
            values = list(value.values()) if isinstance(value, dict) else \
                list(value) if isinstance(value, (list, tuple)) else [value]
            for item in values:
                for pattern in (item if isinstance(item, (list, tuple)) else [item]):
                    if isinstance(pattern, (re.Pattern, GatedPattern)):
                        found.append((f"{module.__name__}.{name}", pattern))
    return found


def test_every_pattern_finds_the_same_matches_as_the_standard_compilation() -> None:
    texts = _texts()
    assert len(texts) > 5000
    rewritten = 0
    for name, fast in _patterns():
        plain = re.compile(fast.pattern, fast.flags)
        assert fast.pattern == plain.pattern and fast.groups == plain.groups, name
        if fast == plain and not isinstance(fast, GatedPattern):  # nothing was changed
            continue
        rewritten += 1
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], (name, text)
            assert bool(fast.match(text)) == bool(plain.match(text)), (name, text)
            assert bool(fast.search(text)) == bool(plain.search(text)), (name, text)
            assert fast.sub("#", text) == plain.sub("#", text), (name, text)
    assert rewritten >= 60  # the big alternations are rewritten, most patterns gated


@pytest.mark.parametrize("pattern, text, spans", [
    (r"hoogste|\btop ?\d*|laagste", "de top 5 en het hoogste; stop", [(3, 8), (16, 23)]),
    (r"x|\b(?:po|vo)\b", "po, vo en expo", [(0, 2), (4, 6), (11, 12)]),
    (r"a|(?:mbo[- ]?)?\bentree", "mbo-entree en entree", [(0, 10), (14, 20)]),
    (r"z|\bjeugd(?:zorg|hulp)", "jeugdzorg, ouderjeugdhulp", [(0, 9)]),
])
def test_a_rewritten_pattern_keeps_boundaries_and_order(pattern: str, text: str,
                                                       spans: list[tuple[int, int]]) -> None:
    fast = re_compile(pattern)
    assert fast != re.compile(pattern)  # it was rewritten
    assert [m.span() for m in fast.finditer(text)] == spans
    assert [m.span() for m in re.compile(pattern).finditer(text)] == spans


@pytest.mark.parametrize("pattern, flags", [
    (r"^(?:wat|hoe) (?:is|zijn)", 0),  # anchored: nothing to skip
    (r"(hoog|laag)ste|\btop", 0),  # a capturing group at the start
    (r"hoogste|\btop", re.IGNORECASE),  # cased letters: no character set
    (r"\b(?:po|vo)\b", 0),  # one boundary in front: tried only where a word starts
    (r"neet|jeugdzorg", 0),  # has a character set already
    (r"[a-z]+ jaar|\bsinds", 0),  # a class leads an alternative
])
def test_patterns_without_a_rewrite_are_compiled_as_usual(pattern: str, flags: int) -> None:
    assert re_compile(pattern, flags) == re.compile(pattern, flags)


def test_an_indicator_is_named_by_its_joined_pattern_exactly_when_by_one_of_its_patterns() -> None:
    """``INDICATOR_ANY`` gates the per-pattern search (``several.mentions``, ``detect_indicator``):
    it must find something exactly when one of the indicator's own patterns does."""
    texts = _texts()
    for indicator, joined in lexicon.INDICATOR_ANY.items():
        own = lexicon.INDICATOR_PATTERNS[indicator]
        for text in texts:
            assert bool(joined.search(text)) == any(p.search(text) for p in own), \
                (indicator, text)


def test_a_category_is_named_by_the_joined_pattern_exactly_when_by_one_of_its_patterns() -> None:
    """``CATEGORY_ANY`` lets a message without any category skip the per-category searches."""
    for text in _texts():
        assert bool(lexicon.CATEGORY_ANY.search(text)) == any(
            p.search(text) for _, p in lexicon.CATEGORY_RES), text


def test_ascii_patterns_are_compiled_as_usual() -> None:
    """Under ``re.ASCII`` "é" is no word character for ``\\b`` but is one for ``str.isalnum``."""
    pattern = r"x|\bécole"
    assert re_compile(pattern, re.ASCII) == re.compile(pattern, re.ASCII)
    assert [m.span() for m in re_compile(pattern, re.ASCII).finditer("aécole")] == [(1, 6)]


@pytest.mark.parametrize("pattern, flags, needles", [
    (r"\bwelke (?:\d+ )?gemeenten?\b|\btop ?\d+", 0, ("gemeente", "top")),
    (r"(?:in )?welke regio's", 0, ("welke regio's",)),
    (r"samenwerkingsverband|swv(?:-| )po", 0, ("samenwerkingsverband", "swv")),
    (r"\b(?:code|ronde)\s*:?\s*([A-Z2-9]{8})", re.IGNORECASE, ("code", "ronde")),
])
def test_the_gate_asks_for_strings_every_match_holds(pattern: str, flags: int,
                                                     needles: tuple[str, ...]) -> None:
    compiled = gated(re.compile(pattern, flags))
    assert isinstance(compiled, GatedPattern)
    assert compiled.needles == needles


@pytest.mark.parametrize("pattern", [
    r"\d+ j",  # the best needle is too short to be worth a check
    r"a|b|c",
    r"(?:po|vo)?school|x",  # an alternative with no needle of three letters
])
def test_no_gate_where_it_cannot_rule_texts_out(pattern: str) -> None:
    assert not isinstance(gated(re.compile(pattern)), GatedPattern)


def test_no_gate_on_a_non_ascii_needle_without_case() -> None:
    compiled = gated(re.compile(r"stra\u017fe|kelvin", re.IGNORECASE))  # the long s
    assert not isinstance(compiled, GatedPattern)
    assert compiled.search("strase")  # the long s folds onto s


def test_a_gated_ignorecase_pattern_checks_non_ascii_text_in_full() -> None:
    compiled = gated(re.compile(r"kelvin|straat", re.IGNORECASE))
    assert isinstance(compiled, GatedPattern)
    assert compiled.search("\u212aelvin")  # the Kelvin sign folds to k: no gate on it
    assert compiled.search("STRAAT") and not compiled.search("weg")


def test_rewritten_and_gated_patterns_agree_on_made_up_texts() -> None:
    """Texts the corpus never has: needles cut up and glued together, capitals, letters that
    case-folding maps onto ASCII (the long s, the Kelvin sign), digits, newlines."""
    import random

    chance = random.Random(7)
    patterns = [(name, fast) for name, fast in _patterns()
                if fast != re.compile(fast.pattern, fast.flags) or isinstance(fast, GatedPattern)]
    pieces = [n for _, fast in patterns for n in getattr(fast, "needles", ())]
    pieces += ["gemeente", "neet", "jeugdzorg", "top 5", "welke", "in", "de", "2021", "Zwolle"]
    alphabet = "abcdefghijklmnopqrstuvwxyz  -'’.,?!()0123456789ÉéëſKß\n\tABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for _ in range(500):
        words = [chance.choice(pieces) if chance.random() < 0.6 else
                 "".join(chance.choice(alphabet) for _ in range(chance.randint(1, 6)))
                 for _ in range(chance.randint(1, 12))]
        text = chance.choice([" ", "", "-"]).join(words)
        text = text.upper() if chance.random() < 0.3 else text
        for name, fast in patterns:
            plain = re.compile(fast.pattern, fast.flags)
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], (name, text)
            assert bool(fast.match(text)) == bool(plain.match(text)), (name, text)
            assert bool(fast.fullmatch(text)) == bool(plain.fullmatch(text)), (name, text)
            assert fast.sub("#", text) == plain.sub("#", text), (name, text)

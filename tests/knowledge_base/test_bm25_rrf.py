"""Dutch tokenisation, BM25 and reciprocal rank fusion."""

from __future__ import annotations

import pytest

from knowledge.bm25 import BM25Index
from knowledge.retrieval import rrf
from knowledge.textproc import Tokenizer, content_terms, fold, stem


def test_fold_strips_accents_and_case() -> None:
    assert fold("Financiën ÉÉN") == "financien een"


def test_stopwords_removed_and_codes_kept() -> None:
    terms = content_terms("Wat staat er in artikel 18a en tabel 85075NED van de WPO?")
    assert "18a" in terms and "85075ned" in terms and "wpo" in terms
    assert not {"wat", "er", "in", "en", "van", "de"} & set(terms)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("gemeenten", "gemeente"),
        ("cijfers", "cijfer"),
        ("vragenlijsten", "vragenlijst"),
        ("mogelijkheden", "mogelijkheid"),
        ("thuiszitters", "thuiszitter"),
    ],
)
def test_inflections_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_compound_split_uses_corpus_words() -> None:
    tok = Tokenizer.from_texts(["Jeugdzorg in de wijk.", "Cijfers per gemeente."])
    terms = tok("Welke bron heeft jeugdzorgcijfers?")
    assert {"jeugdzorg", "cijfer"} <= set(terms)
    assert "jeugdzorgcijfer" in terms  # the compound itself is kept too
    assert tok.parts("amsterdam") == ()  # not a compound of corpus words


def test_a_three_letter_head_counts_only_with_its_linking_s() -> None:
    """"wetsartikel" is "wet" + "artikel" (a question about the law's article found the
    introduction of another document instead); three letters without the -s- are too often a
    chance start of a word to count as a part."""
    tok = Tokenizer.from_texts(["De wet en het artikel.", "Kan het? Een tabel met data."])
    assert tok.parts("wetsartikel") == ("wet", "artikel")
    assert tok.parts("kantabel") == ()  # "kan" + "tabel": no linking -s-


def test_bm25_finds_compound_query_in_split_text() -> None:
    texts = [
        "Het weer en de zon in de zomer.",
        "Jeugdzorg per wijk: de cijfers staan bij het CBS.",
        "Het ondersteuningsplan wordt elke vier jaar vastgesteld.",
    ]
    index = BM25Index(texts)
    best = index.search("jeugdzorgcijfers", 3)
    assert best[0].index == 1
    assert best[0].coverage == pytest.approx(1.0)
    assert index.search("voetbal", 3) == []


def test_bm25_prefers_rare_terms() -> None:
    texts = ["oogo oogo oogo overleg", "oogo geschillencommissie", "oogo agenda"]
    index = BM25Index(texts)
    assert index.search("geschillencommissie oogo", 1)[0].index == 1


def test_coverage_is_low_for_unrelated_words() -> None:
    index = BM25Index(["Het ondersteuningsplan en het OOGO.", "Thuiszitters en verzuim."])
    assert index.coverage("ondersteuningsplan oogo", 0) == pytest.approx(1.0)
    assert index.coverage("voetbal ondersteuningsplan", 0) < 0.5


def test_rrf_rewards_agreement() -> None:
    fused = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert fused["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert fused["b"] == pytest.approx(fused["a"])
    assert fused["c"] == pytest.approx(1 / 63)
    assert fused["d"] == pytest.approx(1 / 63)
    order = sorted(fused, key=lambda key: -fused[key])
    assert order[:2] == ["a", "b"] or order[:2] == ["b", "a"]
    assert set(order[2:]) == {"c", "d"}


def test_english_field_terms_map_to_dutch_keywords() -> None:
    assert content_terms("How is the relative risk calculated?") == content_terms(
        "relatief risico berekend"
    )
    assert "ondersteuningsplan" in content_terms("the support plan")
    assert "verzuim" in content_terms("figures on school absenteeism")
    # Dutch text is left alone
    assert content_terms("De school en de tabel") == ["school", "tabel"]


def test_question_verb_finds_the_person_noun_of_the_corpus() -> None:
    texts = ["Een thuiszitter gaat niet naar school.", "Geen kind zit langer thuis dan nodig."]
    tok = Tokenizer.from_texts(texts)
    assert "thuiszitter" in tok.question("Wat is thuiszitten?")
    assert tok.agent_noun("thuiszitten") == "thuiszitter"
    assert tok.agent_noun("rekenen") is None  # no "rekener" in the corpus: nothing invented
    assert tok.question("Wat is een school?") == tok("Wat is een school?")
    index = BM25Index(texts, tokenizer=tok)
    assert index.scores_tokens(tok.question("Wat is thuiszitten?"))[0] > 0

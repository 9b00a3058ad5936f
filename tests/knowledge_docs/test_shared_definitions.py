"""A term that is defined in more than one place is defined in one wording everywhere.

Why: the assistant answers from the knowledge documents and, during the regioscan, from the scan's
own glossary. If begrippen.md says children with a vrijstelling are no thuiszitters while the
glossary says "met of zonder vrijstelling", a user gets two answers to one question. Each shared
term has one home section whose defining sentence is the definition; every other sentence in the
documents or the scan that starts the same defining way must be that exact sentence.
"""

from __future__ import annotations

import re

import pytest

from tests.knowledge_docs.docs import (
    doc_names,
    regioscan,
    regioscan_texts,
    section,
    sections,
    sentences,
)

# term -> (home document, home heading, how a defining sentence of this term starts)
SHARED = {
    "thuiszitter": ("begrippen.md", "Wat is een thuiszitter?",
                    r"(een thuiszitter is (een|het)|thuiszitters zijn (leerplicht|kinder|jonger))"),
    "neet": ("begrippen.md", "Wat betekent NEET?", r"neet (staat voor|is|betekent) "),
    "samenwerkingsverband": ("begrippen.md", "Wat is een samenwerkingsverband passend onderwijs?",
                             r"een samenwerkingsverband( passend onderwijs)? is "),
    "ondersteuningsplan": ("begrippen.md", "Wat is een ondersteuningsplan?",
                           r"het ondersteuningsplan is (het|een) "),
    "jeugdhulp": ("begrippen.md", "Wat is het verschil tussen jeugdzorg en jeugdhulp?",
                  r"jeugdhulp is (hulp|de|een) "),
    "oogo": ("oogo.md", "Wat is het OOGO en wat betekent het?",
             r"het oogo is (het|een) [^,.]{0,60}\boverleg\b"),
    "afstemming": ("regioscan.md", "Wat bedoelen we in de regioscan met het thema afstemming?",
                   r"(met afstemming bedoelen we|afstemming (is het op elkaar|betekent)) "),
}

# Places where the definition must appear in full (the brief names them: begrippen, the regioscan
# glossary, indicatoren; plus the sections a user reaches when asking for figures).
MUST_CONTAIN = {
    "thuiszitter": [
        ("bronnenoverzicht.md",
         "Waar vind ik cijfers over thuiszitters, zoals de Leerplichttelling?"),
        ("oogo.md", "Wat kun je in het OOGO afspreken over thuiszitters en het Thuiszitterspact?"),
    ],
    "neet": [("indicatoren.md", "Wat betekent NEET precies?")],
}


def _canonical(term: str) -> str:
    doc, heading, start = SHARED[term]
    found = [s for s in sentences(section(doc, heading).text) if re.match(start, s, re.I)]
    assert len(found) == 1, f"{doc} / {heading}: expected one defining sentence for {term}: {found}"
    return found[0]


def _everywhere() -> list[tuple[str, str]]:
    """(where, sentence) for every sentence in the documents and in the scan's explanations."""
    out = [(f"{s.doc} / {s.heading}", sent)
           for name in doc_names() for s in sections(name) for sent in sentences(s.text)]
    out += [(where, sent) for where, text in regioscan_texts() for sent in sentences(text)]
    return out


@pytest.mark.parametrize("term", sorted(SHARED))
def test_every_definition_of_a_term_has_the_same_wording(term: str) -> None:
    canonical = _canonical(term)
    start = SHARED[term][2]
    differing = [(where, s) for where, s in _everywhere()
                 if re.match(start, s, re.I) and s != canonical]
    assert not differing, f"{term}: defined differently than in its home section: {differing}"


@pytest.mark.parametrize("term", sorted(SHARED))
def test_the_glossary_uses_the_shared_definition(term: str) -> None:
    canonical = _canonical(term)
    entries = [g for g in regioscan()["glossary"] if term in [t.lower() for t in g["terms"]]]
    if not entries:
        pytest.skip(f"the regioscan glossary has no entry for {term}")
    assert sentences(entries[0]["text"])[0] == canonical


@pytest.mark.parametrize(("term", "doc", "heading"),
                         [(t, d, h) for t, places in MUST_CONTAIN.items() for d, h in places])
def test_definition_is_repeated_where_users_look(term: str, doc: str, heading: str) -> None:
    assert _canonical(term) in sentences(section(doc, heading).text)


def test_thuiszitter_definition_excludes_vrijstelling() -> None:
    """The definition follows OCW (Kamerbrief 3 februari 2016): no vrijstelling, two groups."""
    text = _canonical("thuiszitter")
    assert "zonder vrijstelling" in text
    assert "absoluut verzuim" in text and "langdurig relatief verzuim" in text
    assert "met of zonder vrijstelling" not in " ".join(s for _, s in _everywhere())


def test_the_check_would_catch_a_second_wording() -> None:
    """Guard against a pattern that matches nothing: each term's own sentence is found by it."""
    for term, (_, _, start) in SHARED.items():
        assert re.match(start, _canonical(term), re.I), term
    assert re.match(SHARED["thuiszitter"][2],
                    "Thuiszitters zijn leerplichtige kinderen die lang thuiszitten.", re.I)

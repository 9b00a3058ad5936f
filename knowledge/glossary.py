"""English -> Dutch keywords for the field, so English questions reach the Dutch documents.

Why: users sometimes ask in English ("how is the relative risk calculated?") while every document
is Dutch. The multilingual embedding bridges part of that gap; keyword search and the relevance
gate need the Dutch words. This is a small glossary of the field's terms (not a translator):
only English words that are not also Dutch words are mapped, so Dutch text is left alone.
"""

from __future__ import annotations

# Two-word English phrases first (matched on folded, tokenised text).
PHRASES: dict[tuple[str, str], str] = {
    ("support", "plan"): "ondersteuningsplan",
    ("support", "plans"): "ondersteuningsplan",
    ("youth", "care"): "jeugdzorg",
    ("youth", "services"): "jeugdhulp",
    ("special", "education"): "speciaal onderwijs",
    ("relative", "risk"): "relatief risico",
    ("early", "leavers"): "voortijdig schoolverlaten",
    ("school", "absenteeism"): "verzuim thuiszitters",
    ("take", "part"): "aan tafel",
    ("takes", "part"): "aan tafel",
    ("child", "protection"): "jeugdbescherming",
    ("juvenile", "probation"): "jeugdreclassering",
    ("appropriate", "education"): "passend onderwijs",
    ("inclusive", "education"): "passend onderwijs",
}

WORDS: dict[str, str] = {
    "absenteeism": "verzuim",
    "truancy": "verzuim",
    "adopted": "vastgesteld",
    "established": "vastgesteld",
    "agreement": "overeenstemming",
    "alliance": "samenwerkingsverband",
    "partnership": "samenwerkingsverband",
    "partnerships": "samenwerkingsverband",
    "average": "gemiddelde",
    "calculated": "berekend",
    "calculate": "berekend",
    "computed": "berekend",
    "compare": "vergelijken",
    "comparison": "vergelijking",
    "consultation": "overleg",
    "dispute": "geschil",
    "disputes": "geschillen",
    "education": "onderwijs",
    "employment": "werk",
    "figures": "cijfers",
    "statistics": "cijfers",
    "numbers": "cijfers",
    "law": "wet",
    "legal": "wettelijke",
    "meaning": "betekent",
    "mean": "betekent",
    "means": "betekent",
    "municipality": "gemeente",
    "municipalities": "gemeenten",
    "national": "landelijk",
    "nationally": "landelijk",
    "neighbourhood": "wijk",
    "neighborhood": "wijk",
    "often": "vaak",
    "outcome": "uitkomst",
    "outcomes": "uitkomst",
    "pupils": "leerlingen",
    "pupil": "leerling",
    "questionnaire": "vragenlijst",
    "questionnaires": "vragenlijsten",
    "region": "regio",
    "regional": "regionale",
    "results": "resultaten",
    "risk": "risico",
    "source": "bron",
    "sources": "bronnen",
    "themes": "thema",
    "theme": "thema",
    "topics": "onderwerpen",
    "topic": "onderwerp",
    "subjects": "onderwerpen",
    "typical": "typische",
    "usual": "typische",
    "common": "typische",
    "meeting": "overleg",
    "table": "tafel",
    "sits": "zit",
    "sit": "zit",
    "attends": "aanwezig",
    "attend": "aanwezig",
    "present": "aanwezig",
    "participants": "deelnemers tafel",
    "discussed": "besproken",
    "discuss": "bespreken",
    "steps": "stappen",
    "repeat": "herhalen",
    "repeated": "herhalen",
    "manual": "handleiding",
    "guide": "handleiding",
    "homebound": "thuiszitters",
    "dropouts": "voortijdig schoolverlaters",
    "dropout": "voortijdig schoolverlaten",
    "transitions": "overgangen",
    "transition": "overgang",
    "definition": "definitie",
    "defined": "definitie",
    "transport": "vervoer",
    "work": "werk",
    "years": "jaar",
    "youth": "jeugd",
}


# Ordinals and numbers written as words, Dutch and English, as digits: "de eerste stap" and
# "stap 1", "zes stappen" and "6 stappen" then share a token. "een"/"one" are left alone: in
# Dutch "een" is mostly the article.
NUMBERS: dict[str, str] = {
    "eerste": "1", "tweede": "2", "derde": "3", "vierde": "4", "vijfde": "5", "zesde": "6",
    "zevende": "7", "achtste": "8", "negende": "9", "tiende": "10",
    "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7", "acht": "8",
    "negen": "9", "tien": "10",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
}


def translate_tokens(tokens: list[str]) -> list[str]:
    """Replace known English words and phrases by their Dutch keywords and number words by
    digits; others pass unchanged."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = (tokens[i], tokens[i + 1]) if i + 1 < len(tokens) else None
        if pair in PHRASES:
            out.extend(PHRASES[pair].split())
            i += 2
            continue
        word = WORDS.get(tokens[i]) or NUMBERS.get(tokens[i])
        out.extend(word.split() if word else [tokens[i]])
        i += 1
    return out

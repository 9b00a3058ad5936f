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
    ("regional", "scan"): "regioscan",
    ("region", "scan"): "regioscan",
    ("regional", "round"): "regionale ronde",
    ("waiting", "times"): "wachttijden",
    ("waiting", "time"): "wachttijden",
    ("waiting", "list"): "wachtlijst",
    ("waiting", "lists"): "wachtlijst",
    ("health", "insurance"): "zorgverzekeringswet zorgverzekeraar",
    ("health", "insurer"): "zorgverzekeraar",
    ("long", "term"): "langdurige",
    ("care", "team"): "zorgteam",
    ("district", "team"): "wijkteam",
    ("neighbourhood", "team"): "wijkteam",
    ("local", "team"): "lokaal team",
    ("school", "hours"): "onderwijstijd",
    ("duty", "care"): "zorgplicht",
    ("development", "perspective"): "ontwikkelingsperspectief",
    ("participation", "council"): "ondersteuningsplanraad",
    ("data", "sharing"): "gegevens delen",
    ("share", "data"): "gegevens delen",
    ("personal", "budget"): "persoonsgebonden budget pgb",
    ("in", "kind"): "in natura",
    ("practical", "education"): "praktijkonderwijs",
    ("starting", "qualification"): "startkwalificatie",
    ("compulsory", "education"): "leerplicht",
    ("school", "attendance"): "leerplicht verzuim",
    ("labour", "market"): "arbeidsmarkt",
    ("labor", "market"): "arbeidsmarkt",
    ("demo", "figures"): "demonstratiecijfers",
    ("demonstration", "figures"): "demonstratiecijfers",
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
    "assistant": "assistent",
    "examples": "voorbeelden",
    "example": "voorbeeld",
    "practice": "praktijk",
    "questions": "vragen",
    "statements": "stellingen",
    "statement": "stelling",
    "round": "ronde",
    "funding": "bekostiging financiering",
    "funded": "bekostigd gefinancierd",
    "financed": "gefinancierd",
    "pays": "betaalt",
    "pay": "betalen",
    "paid": "betaald",
    "costs": "kosten",
    "cost": "kosten",
    "free": "gratis",
    "inspectorate": "inspectie",
    "inspection": "inspectie",
    "supervision": "toezicht",
    "supervises": "toezicht",
    "bill": "wetsvoorstel",
    "parents": "ouders",
    "parent": "ouders",
    "teachers": "leraren",
    "teacher": "leraar",
    "schools": "scholen",
    "dyslexia": "dyslexie",
    "prevention": "preventie",
    "access": "toegang",
    "insurer": "zorgverzekeraar",
    "housing": "huisvesting",
    "internship": "stage",
    "internships": "stages",
    "agreements": "afspraken",
    "arrangements": "afspraken",
    "history": "geschiedenis ontstaan",
    "founded": "ontstaan",
    "started": "ontstaan",
    "purpose": "doel bedoeld",
    "goal": "doel",
    "indicators": "indicatoren",
    "limitations": "kanttekeningen beperkingen",
    "caveats": "kanttekeningen",
    "age": "leeftijd",
    "step": "stap",
    "reform": "hervorming",
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


# Dutch words users ask with where the documents use another word of the same meaning; each
# maps to itself plus the documents' word, on both sides (question and documents), so exact
# matches still count most.
SYNONYMS: dict[str, str] = {
    "doel": "doel bedoeld",
    "bedoeling": "bedoeling bedoeld",
    "oneens": "oneens geschil",
    "onenigheid": "geschil",
    "conflict": "conflict geschil",
    "ruzie": "geschil",
    "deelnemen": "deelnemen tafel",
    "deelnemers": "deelnemers tafel",
    "prijs": "prijs kosten",
    "kost": "kost kosten",
    "nadelen": "nadelen kanttekeningen",
    "beperkingen": "beperkingen kanttekeningen",
    "uitrekenen": "berekend",
    "berekenen": "berekend",
    "opgericht": "opgericht ontstaan",
    "begonnen": "begonnen ontstaan",
    "chatbot": "assistent",
}


# Looked up once per token when the retriever is built (every sentence of every document):
# the first words of the phrases, and each word's replacement as it is used (English word,
# then number word, then synonym), already split.
_PHRASE_FIRST = frozenset(first for first, _ in PHRASES)
_REPLACEMENT: dict[str, tuple[str, ...]] = {
    word: tuple(found.split())
    for word in {**SYNONYMS, **NUMBERS, **WORDS}
    if (found := WORDS.get(word) or NUMBERS.get(word) or SYNONYMS.get(word))
}


def translate_tokens(tokens: list[str]) -> list[str]:
    """Replace known English words and phrases by their Dutch keywords, number words by digits,
    and add the documents' word to a Dutch synonym; others pass unchanged."""
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if token in _PHRASE_FIRST and i + 1 < n:
            phrase = PHRASES.get((token, tokens[i + 1]))
            if phrase is not None:
                out.extend(phrase.split())
                i += 2
                continue
        replacement = _REPLACEMENT.get(token)
        if replacement is None:
            out.append(token)
        else:
            out.extend(replacement)
        i += 1
    return out

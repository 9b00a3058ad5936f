"""Understand what a user typed during the scan: an answer, a command, or something else.

Answers: a digit 1-5, a scale word ("eens", "helemaal mee eens", "strongly disagree") or
"weet ik niet" / "don't know". An explanation may follow the answer after a comma, colon, dash
or a linking word: "4, want de wachtlijsten zijn lang", "eens omdat ...", "agree because ...".
A separate message "toelichting: ..." (or "explanation: ...") adds an explanation to the last
answered question. Commands exist in Dutch and English (see ``COMMANDS``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Longest phrases first, so "helemaal mee eens" wins over "eens".
_ANSWER_PHRASES: list[tuple[str, int | None]] = sorted(
    [
        ("helemaal mee oneens", 1), ("helemaal oneens", 1), ("totaal oneens", 1),
        ("volledig oneens", 1), ("strongly disagree", 1), ("zeer oneens", 1),
        ("mee oneens", 2), ("niet mee eens", 2), ("oneens", 2), ("disagree", 2),
        ("neutraal", 3), ("neutral", 3), ("eens noch oneens", 3), ("neither", 3),
        ("neither agree nor disagree", 3), ("niet eens en niet oneens", 3),
        ("helemaal mee eens", 5), ("helemaal eens", 5), ("volledig eens", 5),
        ("totaal eens", 5), ("strongly agree", 5), ("zeer eens", 5),
        ("mee eens", 4), ("eens", 4), ("agree", 4),
        ("weet ik niet", None), ("weet niet", None), ("geen idee", None),
        ("dont know", None), ("don't know", None), ("do not know", None), ("idk", None),
        ("no idea", None), ("onbekend", None),
    ],
    key=lambda item: -len(item[0]),
)
_EXPLANATION_LEAD = re.compile(
    r"^(?:\s*[,;:.\-–—]+\s*|\s+(?=(?:want|omdat|maar|doordat|aangezien|because|since|as|but)\b))"
)
_NUMBER = re.compile(r"^(-?\d+)(?:[.,]\d+)?\b")
_NOTE = re.compile(r"^(?:toelichting|uitleg bij mijn antwoord|explanation|note|comment)\s*[:\-]\s*",
                   re.IGNORECASE)

COMMANDS: dict[str, tuple[str, ...]] = {
    "back": ("terug", "vorige", "vorige vraag", "ga terug", "back", "previous", "go back"),
    "skip": ("overslaan", "sla over", "skip", "volgende", "next", "sla deze over"),
    "pause": ("pauze", "pauzeer", "later verder", "pause", "even pauze"),
    "progress": ("voortgang", "waar ben ik", "hoe ver ben ik", "hoever ben ik", "progress",
                 "where am i"),
    "summary": ("samenvatting", "overzicht", "mijn antwoorden", "summary", "overview"),
    "stop": ("stop", "stoppen", "afbreken", "quit", "exit", "ophouden", "cancel"),
    "help": ("help", "hulp", "uitleg", "commando's", "commands"),
    "confirm": ("bevestig", "bevestigen", "klopt", "ja klopt", "verstuur", "insturen",
                "confirm", "submit", "yes"),
    "resume": ("verder", "ga verder", "doorgaan", "verder waar ik was", "verder waar je was",
               "resume", "continue"),
    "restart": ("opnieuw", "opnieuw beginnen", "begin opnieuw", "restart", "start over"),
}
_COMMAND_LOOKUP = {phrase: name for name, phrases in COMMANDS.items() for phrase in phrases}
# "stop de scan", "pauzeer de regioscan", "stop the scan": the command with its object
_ABOUT_SCAN = re.compile(r"\s+(?:met |with |van |of )?(?:de |the |mijn |my |deze |this )?"
                         r"(?:regio ?scan|scan|vragenlijst)$")
_CHANGE = re.compile(
    r"^(?:wijzig|verander|aanpassen|pas aan|change|edit)\s+(?:vraag\s+|question\s+|nr\.?\s*)?(\d+)$"
)


@dataclass(frozen=True, slots=True)
class ParsedAnswer:
    value: int | None  # None = 'weet ik niet'
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class OutOfRange:
    number: int


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    number: int | None = None  # for 'change'
    note: str | None = None  # for 'note'


def normalise(text: str) -> str:
    """Lowercase, single spaces, curly quotes straightened, no trailing punctuation."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text.strip().lower())
    return text


def parse_answer(text: str) -> ParsedAnswer | OutOfRange | None:
    """An answer at the start of ``text`` (with optional explanation), or ``None``."""
    raw = unicodedata.normalize("NFKC", text).strip()
    low = normalise(raw)
    rest_at: int | None = None
    value: int | None = None
    match = _NUMBER.match(low)
    if match:
        number_text = match.group(0)
        if not re.fullmatch(r"-?\d+", number_text):
            return OutOfRange(0)  # "3,5" or "2.5": not a point on the scale
        number = int(match.group(1))
        if not 1 <= number <= 5:
            return OutOfRange(number)
        value, rest_at = number, match.end()
    else:
        for phrase, phrase_value in _ANSWER_PHRASES:
            if low.startswith(phrase):
                value, rest_at = phrase_value, len(phrase)
                break
    if rest_at is None:
        return None
    rest = low[rest_at:]
    if not rest.strip(" .!"):
        return ParsedAnswer(value, None)
    lead = _EXPLANATION_LEAD.match(rest)
    if not lead:
        return None  # e.g. "eenstemmig" or "4 keer": not an answer
    offset = len(raw) - len(raw.lstrip())
    explanation = raw[offset + rest_at + lead.end():].strip()
    # keep the linking word ("want ...") when the lead was only whitespace
    return ParsedAnswer(value, explanation or None)


def parse_command(text: str) -> Command | None:
    """A scan command in Dutch or English, or ``None``."""
    raw = text.strip()
    note = _NOTE.match(raw)
    if note:
        return Command("note", note=raw[note.end():].strip() or None)
    low = normalise(raw).lstrip("/").rstrip(" .!?")
    low = _ABOUT_SCAN.sub("", low).strip() or low
    if low in _COMMAND_LOOKUP:
        return Command(_COMMAND_LOOKUP[low])
    change = _CHANGE.match(low)
    if change:
        return Command("change", number=int(change.group(1)))
    return None


_QUESTION_START = re.compile(
    r"^(wat|wie|hoe|waarom|welke|wanneer|waar|wat bedoel|what|who|how|why|which|when|where)\b"
)


def looks_like_question(text: str) -> bool:
    """A question to the assistant in the middle of the scan ("wat bedoel je met afstemming?")."""
    low = normalise(text)
    return low.endswith("?") or bool(_QUESTION_START.match(low))

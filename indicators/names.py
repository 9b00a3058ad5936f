"""Normalising region names so that spelling variants meet in one key.

Users type "Sudwest Fryslan", "súdwest-fryslân", "'s-Hertogenbosch" or "s Hertogenbosch": all of
these must find the same gemeente. The key is lower case, without accents, with every run of
punctuation or whitespace turned into one space, and without StatLine suffixes like "(NH.)" only
where the caller asks for that (the suffix is what tells the two Bergens apart).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SUFFIX = re.compile(r"\s*\((?:[a-z]{1,3}\.?)\)\s*$", re.IGNORECASE)
# A word: letters/digits, with inner apostrophes allowed ("'s" keeps its s).
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def strip_accents(text: str) -> str:
    """Remove diacritics: "Súdwest-Fryslân" -> "Sudwest-Fryslan" (ASCII text has none)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The comparison key of a name: lower case, no accents, single spaces, no punctuation.
    Remembered: every word of every message is normalised, and words come back (issue 18)."""
    return _NON_WORD.sub(" ", strip_accents(text).lower()).strip()


def without_suffix(name: str) -> str:
    """"Bergen (NH.)" -> "Bergen"; names without a StatLine suffix are returned unchanged."""
    return _SUFFIX.sub("", name).strip()


def spelling_key(text: str) -> str:
    """For typo matching only: "ij" and "y" are one letter in Dutch ("Harderwyk", "Nymegen")."""
    return text.replace("ij", "y")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of a free text with their character spans, as (normalised word, start, end)."""
    out = []
    for match in TOKEN.finditer(text):
        key = normalize(match.group(0))
        if key:
            out.append((key, match.start(), match.end()))
    return out


# Ordinary words (Dutch and English) that are never read as a place name, even when they follow
# a preposition in a lower-case message ("jeugdzorg in totaal", "neet in het vso"): without this
# list every unknown word after "in" would be asked about as if it were a gemeente ("in kaart
# brengen", "in beeld", "in een grafiek" are ways of showing, not places).
_NOT_PLACES_TEXT = """
de het een den der des in op van voor bij met en of te uit aan over naar om tot the a an for on
at to and or with from about by is are was what how which ons onze mijn jouw jullie hun our my
your their we wij zij ze ik i you jeugdzorg jeugdhulp jeugdzorggebruik neet risico kans relatief
relatieve gemeente gemeenten regio samenwerkingsverband samenwerkingsverbanden swv land
nederland landelijk nationaal gemiddelde jaar jaren afgelopen sinds totaal procent percentage
onderwijs vso vo po so sbo pro mbo vsv praktijkonderwijs jongeren jeugdigen kinderen leerlingen
youth care young people children municipality region partnership national average year years
rate share risk education special secondary primary help hoe wat welke hoeveel waar waarom hoog
laag hoger lager hoogste laagste vergelijk versus vs vergeleken zorg werk opleiding school
scholen zonder verblijf jeugdbescherming jeugdreclassering ambulant pleegzorg oogo
ondersteuningsplan regioscan vragenlijst vragenlijsten bron bronnen cijfers cijfer trend peers
opr opp tlv oza gmr mr rmc pgb wlz eed zat ggd cjg jgz
similar compare compared nationally country netherlands dutch zit zitten doet doen staat scoort
scoren krijgen krijgt heeft hebben zijn dat die dit deze er nog ook al wel niet geen graag even
eens dan toch speciaal voortgezet basisonderwijs primair middelbaar beroepsonderwijs vmbo havo
vwo basis entree niveau voortijdig schoolverlaten schoolverlaters early leaving leavers
vergelijking opzichte rest verhouding plaats ranglijst top wijk wijken buurt buurten praktijk
general algemeen elkaar beide alle allemaal andere ander overige verband termen kwestie principe
feite elk ieder iedere welk zo zoals vergelijkbare soortgelijke omgeving buurgemeenten
english engels nederlands please dorp stad provincie province wetten wet law general
meisjes jongens vrouwen mannen girls boys women men geslacht gender havisten vwo'ers migranten
migratieachtergrond herkomst
kaart kaartje landkaart grafiek grafiekje tabel tabelletje beeld overzicht figuur map chart graph
table
"""
NOT_PLACES = frozenset(_NOT_PLACES_TEXT.split())

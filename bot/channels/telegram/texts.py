"""The Telegram channel's own sentences (everything else a user reads comes from the core).

One form of address: "je", like the rest of the assistant.
"""

from __future__ import annotations

COMMANDS = [
    ("start", "Begin en kies je regio"),
    ("help", "Wat kan de assistent?"),
    ("regio", "Kies of wijzig je regio: /regio NAAM"),
    ("regioscan", "Doe de regioscan (16 stellingen)"),
    ("oogo", "Gesprekspunten voor het OOGO"),
    ("bronnen", "Waar vind ik andere cijfers?"),
]
WELCOME = ("Welkom bij de OOGO-assistent! Ik help gemeenten en samenwerkingsverbanden passend "
           "onderwijs met cijfers (jeugdzorggebruik, NEET), de handleiding, de regioscan en de "
           "voorbereiding van het OOGO.\n\nVoor welke gemeente of welk samenwerkingsverband "
           "bereid je het OOGO voor? Typ de naam, bijvoorbeeld Utrecht.")
ASK_REGION = "Typ de naam van je gemeente of samenwerkingsverband, of gebruik /regio NAAM."
TOO_LONG = "Je bericht is te lang. Stel je vraag korter."
STALE = "Deze knop is verlopen. Gebruik de knoppen onder het laatste bericht."
USED = "Deze knop heb je al gebruikt."
FAILED = "Er ging iets mis bij het maken van het antwoord. Probeer het zo nog eens."
DOCUMENT_CAPTION = "OOGO-voorbereidingsdocument voor {region}"
DOCUMENT_FAILED = ("Het voorbereidingsdocument kon niet worden gemaakt. Probeer het later nog "
                   "eens, of gebruik de webversie.")

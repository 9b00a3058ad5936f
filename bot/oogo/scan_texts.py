"""The sentences of regioscan points, Dutch and English, as neutral templates.

Each evidence template only restates a published figure of the round or the asker's own score;
the questions are neutral questions for the table. Numbers are written by the one formatter
(``indicators.formatting``): scan means with one decimal.
"""

from __future__ import annotations

from indicators import formatting as fm


def number(value: float, language: str = "nl", decimals: int = 1) -> str:
    """A scan mean or scale end as shown: "2,3" / "2.3"; scale ends without decimals."""
    return fm.number(value, decimals, language)


TEXTS: dict[str, dict] = {
    "nl": {
        "round_theme": ("In de regioscan-ronde van {region} scoorde het thema '{label}' gemiddeld "
                        "{mean} op een schaal van {low} tot {high} ({count} deelnemers)."),
        "round_theme_title": "Regioscan van de regio: het thema '{label}' scoort laag",
        "round_statement": ("In de regioscan-ronde van {region} was {k} van de {n} deelnemers "
                            "het (helemaal) oneens met '{label}'."),
        "round_statement_title": "Regioscan van de regio: een zwakke stelling in '{theme}'",
        "round_gap": ("In de regioscan-ronde van {region} waren de gemiddelden per rol voor "
                      "'{label}': {per_role}."),
        "round_gap_title": "Regioscan van de regio: de rollen zien '{label}' verschillend",
        "round_why": ("Dit punt komt uit de regioscan-ronde van deze regio: een van de zwakste "
                      "uitkomsten (zie de tekst over de regioscan hieronder)."),
        "round_gap_why": ("Dit punt komt uit de regioscan-ronde van deze regio: hier verschillen "
                          "de rollen het meest (zie de tekst over de regioscan hieronder)."),
        "own_theme": ("In je eigen regioscan gaf je het thema '{label}' gemiddeld {mean} op een "
                      "schaal van {low} tot {high} ({k} van de {n} stellingen gescoord)."),
        "own_lowest": "Je laagste score in dit thema ({score}) gaf je aan: {statements}.",
        "own_title": "Je eigen regioscan: het thema '{label}' scoort laag",
        "own_why": ("Dit punt komt uit je eigen regioscan: je zwakste thema, met een score van "
                    "3 of lager (zie de tekst over de regioscan hieronder)."),
        "improve": "Wat is nodig om '{label}' te verbeteren?",
        "owner": "Wie neemt het voortouw, en wanneer kijken we er opnieuw naar?",
        "gap_question": "Waarom beoordelen de rollen '{label}' zo verschillend?",
        "shared_picture": "Over welk gezamenlijk beeld worden we het eerst eens?",
        "participants": ("samenwerkingsverband", "beleidsmedewerkers jeugd en onderwijs",
                         "de deelnemers aan de regioscan"),
    },
    "en": {
        "round_theme": ("In the regioscan round of {region}, the theme '{label}' scored on "
                        "average {mean} on a scale of {low} to {high} ({count} respondents)."),
        "round_theme_title": "The region's regioscan: the theme '{label}' scores low",
        "round_statement": ("In the regioscan round of {region}, {k} of the {n} respondents "
                            "(strongly) disagreed with '{label}'."),
        "round_statement_title": "The region's regioscan: a weak statement in '{theme}'",
        "round_gap": ("In the regioscan round of {region}, the role averages for '{label}' "
                      "were: {per_role}."),
        "round_gap_title": "The region's regioscan: the roles see '{label}' differently",
        "round_why": ("This point comes from the regioscan round of this region: one of the "
                      "weakest results (see the text on the regioscan below)."),
        "round_gap_why": ("This point comes from the regioscan round of this region: here the "
                          "roles differ most (see the text on the regioscan below)."),
        "own_theme": ("In your own regioscan you gave the theme '{label}' on average {mean} on a "
                      "scale of {low} to {high} ({k} of the {n} statements scored)."),
        "own_lowest": "Your lowest score in this theme ({score}) went to: {statements}.",
        "own_title": "Your own regioscan: the theme '{label}' scores low",
        "own_why": ("This point comes from your own regioscan: your weakest theme, with a score "
                    "of 3 or lower (see the text on the regioscan below)."),
        "improve": "What is needed to improve '{label}'?",
        "owner": "Who takes the lead, and when do we look at it again?",
        "gap_question": "Why do the roles rate '{label}' so differently?",
        "shared_picture": "Which shared picture do we agree on first?",
        "participants": ("samenwerkingsverband", "youth and education policy officers",
                         "the respondents of the regioscan"),
    },
}

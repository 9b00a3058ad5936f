"""The OOGO topics a point can be about, which figure speaks to which topic, and the questions.

Why data and not code: a policy adviser should be able to change a title, a question or a role
without touching the ranking. Nothing here is a claim: titles name a topic, questions are
neutral questions for the table, and participants are a suggestion of who to invite. What the
figures say is written from the tests (``findings.py``), what the field says is quoted from the
knowledge documents (``passages.py``).

A point has a *meaning*, from the direction of its tested figures:

* ``aandacht``: a figure significantly and relevantly higher (or a trend rising faster than the
  national one) where higher is the concern (NEET, its relative risks) or may be (jeugdzorg: a
  high figure is not always bad, the point quotes the caveat);
* ``sterk``: NEET or a relative risk lower: a strength to keep;
* ``vraag``: jeugdzorg lower: a question to ask (less need, or help that does not reach?).

Which topic a figure speaks to and what lower means are catalog fields of its indicator
(``IndicatorDef.topic``, ``topics``, ``lower_meaning``, ``wording_of``); an indicator without a
topic gets one of its own, and without its own wording the neutral questions of ``""``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MEANINGS = ("aandacht", "sterk", "vraag")


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    title_nl: str
    title_en: str
    questions_nl: tuple[str, ...]
    questions_en: tuple[str, ...]
    participants_nl: tuple[str, ...]
    participants_en: tuple[str, ...]
    standing: bool = False

    def title(self, language: str, meaning: str = "aandacht", wording: str = "") -> str:
        """The point's title; ``wording`` is the lead indicator's ``wording_key``."""
        en = language == "en"
        base = self.title_en if en else self.title_nl
        if meaning == "sterk":
            return f"{base} — {'keeping what works' if en else 'vasthouden wat goed gaat'}"
        if meaning == "vraag":
            pair = LOWER_TITLE.get(wording) or LOWER_TITLE[""]
            return f"{base} — {pair[1] if en else pair[0]}"
        return base

    def questions(self, language: str) -> list[str]:
        return list(self.questions_en if language == "en" else self.questions_nl)

    def participants(self, language: str) -> list[str]:
        return list(self.participants_en if language == "en" else self.participants_nl)


#: what a "vraag" title adds after the topic, by the lead indicator's ``wording_key``
LOWER_TITLE = {
    "jeugdzorg": ("lager jeugdzorggebruik: wat zit erachter?",
                  "lower use of youth care: what lies behind it?"),
    "": ("lager dan elders: wat zit erachter?", "lower than elsewhere: what lies behind it?"),
}
#: the first question of a point, by meaning and the lead indicator's ``wording_key`` (an
#: indicator without its own question gets the one of ``(meaning, "")``)
LEAD_QUESTION = {
    ("aandacht", "jeugdzorg"): (
        "Wat zit achter het hogere jeugdzorggebruik: meer vraag naar hulp, een andere "
        "samenstelling van de leerlingen, of hulp die hier makkelijker te krijgen is?",
        "What lies behind the higher use of youth care: more need, a different mix of pupils, "
        "or help that is easier to get here?"),
    ("aandacht", "neet"): (
        "Welke jongeren zitten zonder werk en zonder opleiding, en wie heeft contact met hen?",
        "Which young people are without work or education, and who is in touch with them?"),
    ("aandacht", ""): (
        "Wat zit achter het hogere cijfer, en wat weten de mensen aan tafel erover?",
        "What lies behind the higher figure, and what do the people at the table know about it?"),
    ("sterk", ""): ("Wat draagt hieraan bij, en hoe houden we dat vast?",
                    "What contributes to this, and how do we keep it?"),
    ("vraag", ""): (
        "Wat zit achter het lagere cijfer: minder vraag, een andere aanpak, of iets dat "
        "kinderen en jongeren niet bereikt?",
        "What lies behind the lower figure: less need, another approach, or something that "
        "does not reach children and young people?"),
    ("vraag", "jeugdzorg"): (
        "Wat zit achter het lagere jeugdzorggebruik: minder vraag naar hulp, ondersteuning die "
        "de school zelf biedt, of hulp die kinderen niet bereikt?",
        "What lies behind the lower use of youth care: less need, support the school gives "
        "itself, or help that does not reach children?"),
}
TREND_QUESTION = ("Welk doel stellen we ons voor dit cijfer, en wanneer kijken we er samen "
                  "opnieuw naar?",
                  "Which goal do we set for this figure, and when do we look at it together "
                  "again?")


def lead_question(meaning: str, wording: str, language: str) -> str:
    """The question a point opens with, fitted to what its figures show (``wording``: the lead
    indicator's ``wording_key``)."""
    pair = LEAD_QUESTION.get((meaning, wording)) or LEAD_QUESTION.get((meaning, "")) or ("", "")
    return pair[1] if language == "en" else pair[0]


TOPICS: dict[str, Topic] = {
    t.key: t
    for t in (
        Topic(
            key="speciaal_onderwijs",
            title_nl=("Jeugdhulp in het (voortgezet) speciaal onderwijs: "
                      "arrangementen onderwijs-zorg"),
            title_en="Youth care in special education: combined education and care arrangements",
            questions_nl=(
                "Welke onderwijs-zorgarrangementen zijn er nu, en wie financiert welk deel?",
                "Kan de jeugdhulp vaker op de (v)so-school zelf worden geboden?"),
            questions_en=(
                "Which combined education-care arrangements exist now, and who funds which part?",
                "Can youth care be offered at the special school itself more often?"),
            participants_nl=("samenwerkingsverband (coördinator en directeur)",
                             "directies (v)so-scholen", "beleidsmedewerker jeugd",
                             "jeugdhulpaanbieders"),
            participants_en=("samenwerkingsverband (coordinator and director)",
                             "special school principals", "youth policy officer",
                             "youth care providers"),
        ),
        Topic(
            key="wijkteams",
            title_nl="Wijkteams en zorgteams op school",
            title_en="Neighbourhood teams and school care teams",
            questions_nl=(
                "Heeft elke school een vaste contactpersoon uit het wijkteam?",
                "Welke lichte hulp kan op school worden geboden zonder verwijzing?"),
            questions_en=(
                "Does every school have a fixed contact in the neighbourhood team?",
                "Which light support can be given at school without a referral?"),
            participants_nl=("beleidsmedewerker jeugd", "wijkteam of jeugdteam",
                             "intern begeleiders en zorgcoördinatoren", "samenwerkingsverband"),
            participants_en=("youth policy officer", "neighbourhood team",
                             "school care coordinators", "samenwerkingsverband"),
        ),
        Topic(
            key="voortgezet",
            title_nl="Jeugdhulp en ondersteuning in het voortgezet onderwijs",
            title_en="Youth care and support in secondary education",
            questions_nl=(
                "Welke ondersteuning biedt het vo zelf, en waar begint de jeugdhulp?",
                "Hoe loopt de overdracht van jeugdhulp bij de overstap van po naar vo?"),
            questions_en=(
                "Which support does the secondary school give, and where does youth care start?",
                "How is youth care handed over when pupils move to secondary school?"),
            participants_nl=("samenwerkingsverband VO", "zorgcoördinatoren vo",
                             "beleidsmedewerker onderwijs", "beleidsmedewerker jeugd"),
            participants_en=("samenwerkingsverband VO", "secondary school care coordinators",
                             "education policy officer", "youth policy officer"),
        ),
        Topic(
            key="overgang_po_vo",
            title_nl="Overgang po-vo en jeugdhulp in het primair en voortgezet onderwijs",
            title_en="Transition from primary to secondary school and youth care on both sides",
            questions_nl=(
                "Hoe loopt de overdracht van jeugdhulp bij de overstap van po naar vo?",
                "Wie heeft de regie in de zomer tussen po en vo?"),
            questions_en=(
                "How is youth care handed over when pupils move to secondary school?",
                "Who coordinates over the summer between primary and secondary school?"),
            participants_nl=("samenwerkingsverbanden PO en VO", "zorgcoördinatoren vo",
                             "intern begeleiders po", "beleidsmedewerker jeugd"),
            participants_en=("samenwerkingsverbanden PO and VO",
                             "secondary school care coordinators",
                             "primary school care coordinators", "youth policy officer"),
        ),
        Topic(
            key="naar_werk",
            title_nl="Kwetsbare jongeren op weg naar mbo en werk",
            title_en="Vulnerable young people on their way to vocational education and work",
            questions_nl=(
                "Wie volgt jongeren uit pro, vso en mbo-entree in het eerste jaar na school?",
                "Welke afspraken maken we met mbo, RMC en werkgevers over begeleiding naar werk?"),
            questions_en=(
                "Who follows young people from practical and special education after they leave?",
                "Which agreements do we make with vocational colleges, RMC and employers?"),
            participants_nl=("samenwerkingsverband VO", "leerplicht en RMC", "mbo-instelling",
                             "beleidsmedewerker werk en inkomen", "beleidsmedewerker jeugd"),
            participants_en=("samenwerkingsverband VO", "compulsory education and RMC officers",
                             "vocational college", "work and income policy officer",
                             "youth policy officer"),
        ),
        Topic(
            key="zware_zorg",
            title_nl="Onderwijs voor kinderen met jeugdbescherming of jeugdhulp met verblijf",
            title_en="Education for children under child protection or in residential youth care",
            questions_nl=(
                "Is onderwijs een vast onderdeel van elk plan bij jeugdbescherming en verblijf?",
                "Hoe regelen we snel een school bij een plaatsing in een andere gemeente?"),
            questions_en=(
                "Is education a fixed part of every child protection and residential care plan?",
                "How do we arrange a school quickly after a placement elsewhere?"),
            participants_nl=("beleidsmedewerker jeugd", "gecertificeerde instelling",
                             "samenwerkingsverband", "jeugdhulpaanbieders met verblijf"),
            participants_en=("youth policy officer", "certified child protection agency",
                             "samenwerkingsverband", "residential youth care providers"),
        ),
        Topic(
            key="thuiszitters",
            title_nl="Thuiszitters: vraag naar de eigen cijfers",
            title_en="Children out of school: ask for the local figures",
            questions_nl=(
                "Hoeveel thuiszitters zijn er nu volgens leerplicht, en wie neemt de regie per "
                "kind?",
                "Welke combinaties van onderwijs en zorg ontbreken nog?"),
            questions_en=(
                "How many children are out of school now according to the compulsory education "
                "officer, and who coordinates each case?",
                "Which combinations of education and care are still missing?"),
            participants_nl=("leerplicht", "samenwerkingsverband", "beleidsmedewerker jeugd",
                             "wijkteam"),
            participants_en=("compulsory education officer", "samenwerkingsverband",
                             "youth policy officer", "neighbourhood team"),
            standing=True,
        ),
        Topic(
            key="leerlingenvervoer",
            title_nl="Leerlingenvervoer: vraag naar reistijden en kosten",
            title_en="Pupil transport: ask about travel times and costs",
            questions_nl=(
                "Hoe lang reizen leerlingen naar het (voortgezet) speciaal onderwijs, en kan het "
                "dichterbij?",
                "Wat kost het leerlingenvervoer, en hoe hangt dat samen met de spreiding van "
                "voorzieningen?"),
            questions_en=(
                "How long do pupils travel to special schools, and can it be closer?",
                "What does pupil transport cost, and how does that relate to where provisions "
                "are?"),
            participants_nl=("beleidsmedewerker leerlingenvervoer", "samenwerkingsverband",
                             "beleidsmedewerker onderwijs"),
            participants_en=("pupil transport officer", "samenwerkingsverband",
                             "education policy officer"),
            standing=True,
        ),
    )
}

#: the primary-school side of the po-vo transition
PO_SIDE = ("po", "sbo")
#: who is invited to a point about an indicator without a topic of its own
OWN_PARTICIPANTS = (("samenwerkingsverband", "beleidsmedewerker onderwijs",
                     "beleidsmedewerker jeugd"),
                    ("samenwerkingsverband", "education policy officer", "youth policy officer"))
OWN_QUESTION = ("Wat betekent dit cijfer voor de kinderen en jongeren in de regio, en wie kan "
                "er meer over vertellen?",
                "What does this figure mean for the children and young people in the region, "
                "and who can tell more about it?")


def topic(key: str, catalog: dict[str, Any] | None = None) -> Topic:
    """The topic of ``key``: one of ``TOPICS``, or the topic of its own of a catalog indicator
    without one (``IndicatorDef.topic`` empty), titled by its label: so a new indicator's
    points need no entry here."""
    if key in TOPICS:
        return TOPICS[key]
    definition = (catalog or {})[key]
    nl, en = definition.label("nl"), definition.label("en")
    return Topic(key=key, title_nl=nl[:1].upper() + nl[1:], title_en=en[:1].upper() + en[1:],
                 questions_nl=(OWN_QUESTION[0],), questions_en=(OWN_QUESTION[1],),
                 participants_nl=OWN_PARTICIPANTS[0], participants_en=OWN_PARTICIPANTS[1])

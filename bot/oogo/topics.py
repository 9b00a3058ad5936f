"""The OOGO topics a point can be about, and which indicator category points to which topic.

The topics follow what gemeenten and samenwerkingsverbanden usually put on the OOGO agenda
(overgangen, thuiszitters, leerlingenvervoer, wijkteams en zorgteams, ontwikkelagenda). Keeping the
texts here as data, not in the generator, lets a policy adviser change a question or a role
without touching the ranking code. ``query`` is what the knowledge base is searched with to find
the passage that explains the topic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    title_nl: str
    title_en: str
    why_nl: str
    why_en: str
    questions_nl: tuple[str, ...]
    questions_en: tuple[str, ...]
    participants_nl: tuple[str, ...]
    participants_en: tuple[str, ...]
    query: str
    standing: bool = False

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_nl

    def why(self, language: str) -> str:
        return self.why_en if language == "en" else self.why_nl

    def questions(self, language: str) -> list[str]:
        return list(self.questions_en if language == "en" else self.questions_nl)

    def participants(self, language: str) -> list[str]:
        return list(self.participants_en if language == "en" else self.participants_nl)


TOPICS: dict[str, Topic] = {
    t.key: t
    for t in (
        Topic(
            key="speciaal_onderwijs",
            title_nl=("Jeugdhulp in het (voortgezet) speciaal onderwijs: "
                      "arrangementen onderwijs-zorg"),
            title_en="Youth care in special education: combined education and care arrangements",
            why_nl="Leerlingen in het (v)so krijgen vaak zowel onderwijsondersteuning als "
            "jeugdhulp. "
            "Zonder afspraken over wie wat betaalt en organiseert, lopen school en hulp langs "
            "elkaar heen.",
            why_en="Pupils in special education often receive both educational support and youth "
            "care. Without agreements on who organises and pays what, school and care drift apart.",
            questions_nl=(
                "Welke onderwijs-zorgarrangementen zijn er nu, en wie financiert welk deel?",
                "Kan de jeugdhulp vaker op de (v)so-school zelf worden geboden?",
            ),
            questions_en=(
                "Which combined education-care arrangements exist now, and who funds which part?",
                "Can youth care be offered at the special school itself more often?",
            ),
            participants_nl=("samenwerkingsverband (coördinator en directeur)",
                             "directies (v)so-scholen", "beleidsmedewerker jeugd",
                             "jeugdhulpaanbieders"),
            participants_en=("samenwerkingsverband (coordinator and director)",
                             "special school principals", "youth policy officer",
                             "youth care providers"),
            query="jeugdhulp in het speciaal onderwijs arrangementen onderwijs en zorg",
        ),
        Topic(
            key="wijkteams",
            title_nl="Wijkteams en zorgteams op school",
            title_en="Neighbourhood teams and school care teams",
            why_nl="Als relatief veel leerlingen jeugdhulp krijgen, helpt een vaste verbinding "
            "tussen het wijkteam en het zorgteam van de school om vroeg en dichtbij te helpen.",
            why_en="When relatively many pupils receive youth care, a fixed link between the "
            "neighbourhood team and the school care team helps to act early and close by.",
            questions_nl=(
                "Heeft elke school een vaste contactpersoon uit het wijkteam?",
                "Welke lichte hulp kan op school worden geboden zonder verwijzing?",
            ),
            questions_en=(
                "Does every school have a fixed contact in the neighbourhood team?",
                "Which light support can be given at school without a referral?",
            ),
            participants_nl=("beleidsmedewerker jeugd", "wijkteam of jeugdteam",
                             "intern begeleiders en zorgcoördinatoren",
                             "samenwerkingsverband PO"),
            participants_en=("youth policy officer", "neighbourhood team",
                             "school care coordinators", "samenwerkingsverband PO"),
            query="wijkteams en zorgteams op school afspraken",
        ),
        Topic(
            key="overgang_po_vo",
            title_nl="Overgang po-vo en ondersteuning in het voortgezet onderwijs",
            title_en="Transition from primary to secondary school and support in secondary school",
            why_nl="Bij de overstap naar het vo valt vertrouwde hulp vaak weg. Een warme "
            "overdracht "
            "voorkomt dat leerlingen tussen wal en schip raken.",
            why_en="Support often stops when pupils move to secondary school. A proper handover "
            "keeps pupils from falling through the cracks.",
            questions_nl=(
                "Hoe loopt de overdracht van jeugdhulp bij de overstap van po naar vo?",
                "Welke ondersteuning biedt het vo zelf, en waar begint de jeugdhulp?",
            ),
            questions_en=(
                "How is youth care handed over when pupils move to secondary school?",
                "Which support does the secondary school give, and where does youth care start?",
            ),
            participants_nl=("samenwerkingsverband PO en VO", "zorgcoördinatoren vo",
                             "beleidsmedewerker onderwijs", "beleidsmedewerker jeugd"),
            participants_en=("samenwerkingsverband PO and VO", "secondary school care coordinators",
                             "education policy officer", "youth policy officer"),
            query="overgang po-vo overdracht ondersteuning",
        ),
        Topic(
            key="overgang_vmbo_mbo",
            title_nl="Overgang vmbo-mbo en begeleiding van kwetsbare jongeren naar werk",
            title_en="Transition to vocational education and guidance of vulnerable youth to work",
            why_nl="Jongeren uit pro, vso, vmbo-basis en mbo-entree lopen meer risico om zonder "
            "werk "
            "en zonder opleiding thuis te komen (NEET). Afspraken over begeleiding na school "
            "verkleinen dat risico.",
            why_en="Young people from practical and special education and entry-level vocational "
            "courses are more at risk of ending up without work or education (NEET). Agreements on "
            "guidance after school reduce that risk.",
            questions_nl=(
                "Wie volgt jongeren uit pro, vso en mbo-entree in het eerste jaar na school?",
                "Welke afspraken maken we met mbo, RMC en werkgevers over begeleiding naar werk?",
            ),
            questions_en=(
                "Who follows young people from practical and special education after they leave?",
                "Which agreements do we make with vocational colleges, RMC and employers?",
            ),
            participants_nl=("samenwerkingsverband VO", "leerplicht en RMC", "mbo-instelling",
                             "beleidsmedewerker werk en inkomen", "beleidsmedewerker jeugd"),
            participants_en=("samenwerkingsverband VO", "compulsory education and RMC officers",
                             "vocational college", "work and income policy officer",
                             "youth policy officer"),
            query="overgang vmbo-mbo begeleiding naar werk NEET",
        ),
        Topic(
            key="zware_zorg",
            title_nl="Onderwijs voor kinderen met jeugdbescherming of jeugdhulp met verblijf",
            title_en="Education for children under child protection or in residential youth care",
            why_nl="Kinderen met jeugdbescherming of in een verblijfsvoorziening wisselen vaak van "
            "school of vallen uit. Onderwijs hoort in hun plan vanaf de eerste dag.",
            why_en="Children under child protection or in residential care often change schools or "
            "drop out. Education belongs in their plan from day one.",
            questions_nl=(
                "Is onderwijs een vast onderdeel van elk plan bij jeugdbescherming en verblijf?",
                "Hoe regelen we snel een school bij een plaatsing in een andere gemeente?",
            ),
            questions_en=(
                "Is education a fixed part of every child protection and residential care plan?",
                "How do we arrange a school quickly after a placement elsewhere?",
            ),
            participants_nl=("beleidsmedewerker jeugd", "gecertificeerde instelling",
                             "samenwerkingsverband", "jeugdhulpaanbieders met verblijf"),
            participants_en=("youth policy officer", "certified child protection agency",
                             "samenwerkingsverband", "residential youth care providers"),
            query="jeugdbescherming jeugdhulp met verblijf onderwijs",
        ),
        Topic(
            key="ontwikkelagenda",
            title_nl="Ontwikkelagenda: stijgende cijfers samen volgen",
            title_en="Development agenda: following rising figures together",
            why_nl="Een stijging die jaren aanhoudt vraagt om gezamenlijke doelen en een moment "
            "om die te volgen. Dat kan in een ontwikkelagenda van het OOGO.",
            why_en="A rise that lasts for years calls for shared goals and a moment to review "
            "them. An OOGO development agenda is the place for that.",
            questions_nl=(
                "Welk doel stellen we ons voor deze cijfers over twee jaar?",
                "Wanneer en met welke cijfers kijken we samen terug?",
            ),
            questions_en=(
                "Which goal do we set for these figures in two years?",
                "When and with which figures do we look back together?",
            ),
            participants_nl=("bestuurders van gemeente en samenwerkingsverband",
                             "beleidsmedewerkers jeugd en onderwijs"),
            participants_en=("executives of gemeente and samenwerkingsverband",
                             "youth and education policy officers"),
            query="ontwikkelagenda OOGO afspraken",
        ),
        Topic(
            key="thuiszitters",
            title_nl="Thuiszitters: geen kind zonder passend aanbod",
            title_en="Children out of school: no child without a suitable place",
            why_nl="Thuiszitters staan in elk OOGO op de agenda: onderwijs en jeugdhulp moeten "
            "samen zorgen dat geen kind lang thuis zit zonder passend aanbod.",
            why_en="Children out of school belong on every OOGO agenda: education and youth care "
            "together must make sure no child stays home for long without a suitable place.",
            questions_nl=(
                "Hoeveel thuiszitters zijn er nu, en wie neemt de regie per kind?",
                "Welke combinaties van onderwijs en zorg ontbreken nog?",
            ),
            questions_en=(
                "How many children are out of school now, and who coordinates each case?",
                "Which combinations of education and care are still missing?",
            ),
            participants_nl=("leerplicht", "samenwerkingsverband", "beleidsmedewerker jeugd",
                             "wijkteam"),
            participants_en=("compulsory education officer", "samenwerkingsverband",
                             "youth policy officer", "neighbourhood team"),
            query="thuiszitters passend aanbod aanpak",
            standing=True,
        ),
        Topic(
            key="leerlingenvervoer",
            title_nl="Leerlingenvervoer naar speciaal onderwijs",
            title_en="Pupil transport to special education",
            why_nl="De gemeente betaalt het leerlingenvervoer, het samenwerkingsverband bepaalt "
            "mee waar leerlingen naar school gaan. Daarom hoort het vervoer in het OOGO.",
            why_en="The gemeente pays for pupil transport while the samenwerkingsverband helps "
            "decide where pupils go to school, so transport belongs in the OOGO.",
            questions_nl=(
                "Hoe lang zijn de reistijden naar het (v)so, en kan het dichterbij?",
                "Stemmen we nieuwe voorzieningen af op het vervoer?",
            ),
            questions_en=(
                "How long are travel times to special schools, and can it be closer?",
                "Do we align new provisions with transport?",
            ),
            participants_nl=("beleidsmedewerker leerlingenvervoer", "samenwerkingsverband",
                             "beleidsmedewerker onderwijs"),
            participants_en=("pupil transport officer", "samenwerkingsverband",
                             "education policy officer"),
            query="leerlingenvervoer speciaal onderwijs",
            standing=True,
        ),
    )
}

#: jeugdzorg category (onderwijssoort or zorgtype) -> topic key
JEUGDZORG_TOPIC: dict[str, str] = {
    "po": "wijkteams",
    "sbo": "wijkteams",
    "totaal": "wijkteams",
    "jeugdhulp_zonder_verblijf": "wijkteams",
    "so": "speciaal_onderwijs",
    "vso": "speciaal_onderwijs",
    "vo": "overgang_po_vo",
    "pro": "overgang_vmbo_mbo",
    "mbo": "overgang_vmbo_mbo",
    "jeugdhulp_met_verblijf": "zware_zorg",
    "jeugdbescherming": "zware_zorg",
    "jeugdreclassering": "overgang_vmbo_mbo",
}


def topic_for(indicator: str, category: str) -> str:
    """The topic an indicator value speaks to (NEET and its risks: the route to work)."""
    if indicator == "jeugdzorg":
        return JEUGDZORG_TOPIC.get(category, "wijkteams")
    if indicator == "neet_rr" and category in ("jeugdhulp_met_verblijf", "jeugdbescherming"):
        return "zware_zorg"
    return "overgang_vmbo_mbo"

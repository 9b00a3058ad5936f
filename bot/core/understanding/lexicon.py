"""The words people use for the indicators, categories and kinds of question (Dutch + English).

Patterns run on folded text (lower case, no accents, see ``normalize.fold``). They are kept
together here so that adding a synonym is a one-line change next to its siblings, and so tests
can check them without the rest of the pipeline.
"""

from __future__ import annotations

import re

# --- indicators -----------------------------------------------------------------------------
RR_PATTERNS = [
    r"relatie(?:f|ve)\w* risico", r"relatie(?:f|ve)\w* neet[- ]?risico", r"relative risks?", r"risicofactor", r"risk factors?",
    r"factors?\b.{0,40}\brisk", r"factoren\b.{0,40}\b(?:risico|kans)",
    r"hoeveel (?:groter|hoger)\w* (?:is )?(?:de )?(?:kans|risico)",
    r"keer (?:zo )?(?:groot|grote|hoog|hoge|veel) (?:kans|risico)",
    r"times (?:as )?(?:likely|high)",
    r"(?:kans|risico) (?:op|om) (?:\w+ )?neet",
    r"(?:chance|likelihood|odds) of (?:becoming )?neet",
    r"risk of (?:becoming )?neet",
]
NEET_PATTERNS = [
    r"\bneet", r"zonder (?:werk|baan)\w* (?:en|of) (?:zonder )?(?:opleiding|school|onderwijs)",
    r"zonder (?:opleiding|school) (?:en|of) (?:zonder )?(?:werk|baan)",
    r"niet (?:aan het )?werken (?:en|of) (?:geen|niet) (?:opleiding|school)",
    r"geen (?:werk|baan) (?:en|of) geen (?:opleiding|school)",
    r"not in (?:education|employment)",
    r"without (?:a )?(?:job|work) (?:or|and) (?:school|education)",
    r"jeugdwerkloos", r"youth unemploy",
]
JEUGDZORG_PATTERNS = [
    r"jeugdzorg", r"jeugdhulp", r"jeugd ?zorg", r"youth (?:care|services|aid|support)",
    r"zorg (?:voor|aan) (?:jongeren|jeugdigen|kinderen)", r"child(?:ren'?s)? (?:care|services)",
    r"jeugdbescherming", r"jeugdreclassering", r"child protection", r"juvenile probation",
    r"youth probation", r"youth protection", r"pleegzorg", r"foster care", r"jeugd-?ggz",
]
INDICATOR_PATTERNS = {
    "neet_rr": [re.compile(p) for p in RR_PATTERNS],
    "neet": [re.compile(p) for p in NEET_PATTERNS],
    "jeugdzorg": [re.compile(p) for p in JEUGDZORG_PATTERNS],
}

# --- categories (order matters: longer, more specific terms first) -----------------------------
CATEGORY_PATTERNS: list[tuple[str, str]] = [
    ("vso", r"\bvso\b|voortgezet speciaal|speciaal voortgezet|\bsvo\b|"
            r"special secondary|secondary special"),
    ("sbo", r"\bsbo\b|speciaal basis|special primary"),
    ("so", r"\bso\b|speciaal onderwijs|special (?:needs )?(?:education|schools?)"),
    ("pro", r"\bpro\b|praktijkonderwijs|praktijkschool|practical (?:education|training)"),
    ("vmbo_basis", r"vmbo[- ]?(?:b\b|basis)|basisberoeps|pre-?vocational basic"),
    ("mbo_entree", r"(?:\bmbo[- ]?)?\bentree|"
                   r"mbo[- ]?(?:niveau )?1\b|mbo level 1|entry level vocational"),
    ("vsv", r"\bvsv\b|voortijdig\w* schoolverla|early school leav|school ?drop ?-?outs?|"
            r"dropping out|"
            r"zonder (?:start)?kwalificatie"),
    ("mbo", r"\bmbo\b|middelbaar beroeps|vocational"),
    ("vo", r"\bvo\b|voortgezet onderwijs|middelbare school|secondary(?: education| schools?)?"),
    ("po", r"\bpo\b|basisonderwijs|basisschool|primair onderwijs|primary(?: education| schools?)?"),
    ("jeugdhulp_zonder_verblijf", r"zonder verblijf|ambulant|without (?:a )?(?:stay|residence)|"
                                  r"non-?residential|outpatient"),
    ("jeugdhulp_met_verblijf", r"met verblijf|residenti|pleegzorg|foster|jeugdzorgplus|"
                               r"in een instelling|with (?:a )?(?:stay|residence)"),
    ("jeugdbescherming", r"jeugdbescherming|\bots\b|ondertoezichtstelling|onder toezicht|voogdij|"
                         r"child protection|guardianship|youth protection"),
    ("jeugdreclassering", r"jeugdreclassering|juvenile probation|youth probation|youth justice"),
    ("totaal", r"\btotaal\b|\bin total\b|\boverall\b|alle onderwijssoorten"),
]
CATEGORY_RES = [(cat, re.compile(p)) for cat, p in CATEGORY_PATTERNS]
ONDERWIJS = ("po", "sbo", "so", "vo", "vso", "pro", "mbo")
ZORGTYPES = ("jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
             "jeugdreclassering")
RISK_FACTORS = ("pro", "vso", "vmbo_basis", "mbo_entree", "vsv") + ZORGTYPES
VO_LIKE = ("vo", "vso", "pro", "mbo", "vmbo_basis", "mbo_entree", "vsv")

# --- kinds of question -------------------------------------------------------------------------
TREND = re.compile(
    r"afgelopen (?:jaren|\w+ jaar)|laatste (?:jaren|\w+ jaar)|\bsinds\b|ontwikkel|gestegen|gedaald|"
    r"\bgroei|neemt .{0,40}\b(?:toe|af)\b|toe of af|gone (?:up|down)|going (?:up|down)|"
    r"toegenomen|afgenomen|gegroeid|verloop|door de jaren|over de jaren|in de loop|veranderd|"
    r"\btrend|over time|over the (?:years|past)|past (?:few )?years|last (?:few )?years|\bsince\b|"
    r"increas|decreas|\brisen\b|\bgrown\b|went (?:up|down)|changed|developed|stijg|daal|"
    r"ontwikkeling|through the years|per jaar|each year|jaar op jaar"
)
PEERS = re.compile(
    r"vergelijkbare|soortgelijke|gelijksoortige|lijken op|lijkt op|\bpeers?\b|similar|comparable|"
    r"like (?:us|ours)|die op \w+ lijken|vergelijkbaar met|alike|qua (?:grootte|omvang)|"
    r"(?:dezelfde|zelfde) (?:grootte|omvang)|gemeenten (?:zoals|als) (?:wij|ons)|erop lijken|"
    r"municipalities like|lijken op (?:ons|hen)"
)
POSITION = re.compile(
    r"hoogste|laagste|\btop ?\d*|hoort .{0,40}\bbij|behoort|highest|lowest|\brank|ranglijst|"
    r"\bpositie|percentiel|percentile|\bplaats\b|bovenaan|onderaan|koploper|uitschieter|outlier|"
    r"among the|andere gemeenten|alle gemeenten|tussen (?:de )?gemeenten|\bhoogst\b|\blaagst\b|"
    r"\bwhere does .{0,30}\brank|\bwhere is .{0,30}\b(?:highest|lowest)"
)
BREAKDOWN = re.compile(
    r"per onderwijssoort|per zorgtype|per risicofactor|per soort|uitsplits|uitgesplitst|"
    r"verdeeld over|verdeling|welke (?:factoren|onderwijssoorten|zorgtypen|groepen)|"
    r"which (?:factors|types|groups)|by type|per type|breakdown|broken down|"
    r"welke (?:jongeren|kenmerken)|welke (?:onderwijssoort|schoolsoort|zorgvorm|vorm van|soort)|"
    r"in welk(?:e)? (?:schooltype|schoolsoort|onderwijssoort)|welk soort|bij welke jongeren|"
    r"per (?:schoolsoort|schooltype|onderwijstype)|welke groep|grootste risicofactor|"
    r"which (?:school type|type of|kind of|group)|by (?:type|risk factor|school)"
)
COMPARE = re.compile(
    r"vergelijk|versus|\bvs\.?\b|t\.?o\.?v\.?|ten opzichte|verhoud|afgezet tegen|"
    r"hoger dan|lager dan|meer dan|minder dan|beter dan|slechter dan|verschil|\bcompar|"
    r"relative to|higher than|lower than|against|\bthan\b|gemiddelde|average|scoort|score|"
    r"boven of onder|naast elkaar|tegenover|wijkt .{0,40}\baf\b|\bversus\b|doing better|"
    r"\bbeter\b|\bslechter\b"
)
NATIONAL = re.compile(
    r"landelijk|nationaal|nationale|\bnederland\b|heel (?:het )?land|\bnl\b|nationally|"
    r"\bnational\b|nationwide|the netherlands|(?:the )?country\b|\bdutch average|"
    r"nederlandse (?:gemiddelde|jongeren|jeugdigen|kinderen)|het (?:hele )?land\b|dutch young"
)
SWV_WORDS = re.compile(
    r"samenwerkingsverband|\bswv\b|partnership|passend onderwijs regio|swv-?regio"
)
OWN = re.compile(
    r"\b(?:ons|onze|mijn|m'n|our|my|we|wij|us)\b"
)
OWN_PLACE = re.compile(
    r"\b(?:ons|onze|mijn|m'n|our|my)\s+(?:eigen\s+|own\s+)?(?:gemeente|regio|stad|dorp|"
    r"municipality|region|city|town|area|neet|jeugdzorg|jeugdhulp|cijfers?|percentage|"
    r"figures?|numbers?|score|youth|kinderen|jongeren|young|relatie\w*|risico|risk|kans)"
    r"|\bbij ons\b|\bin our\b|\bhow (?:are|do) we\b|\bdoen we\b|\bscoren we\b|\bstaan we\b|"
    r"\bwe (?:do|score|stand|compare)\b|\bhoe doen wij\b"
)
RANKING = re.compile(
    r"\bwelke gemeenten?\b|\bin welke gemeenten?\b|which municipalit|\btop ?(?:\d+|tien|vijf)\b|"
    r"waar in (?:nederland|het land)|\bwaar is .{0,60}\bhet (?:hoogst|laagst)\b|"
    r"\bwhere is .{0,60}\b(?:highest|lowest)\b"
)
OWN_SWV = re.compile(
    r"\b(?:ons|onze|mijn|our|my)\s+(?:eigen\s+)?(?:samenwerkingsverband|swv|partnership)"
)

# --- other intents ---------------------------------------------------------------------------
HELP = re.compile(
    r"^/?(?:help|hulp|start|menu|\?)[!.? ]*$|wat kun je|wat kan je|wat kan jij|wat kun jij|"
    r"wat doe je|wie ben je|what can you|what do you do|how can you help|hoe werkt (?:dit|deze)|"
    r"waar kun je mee helpen|waarmee kun je|wat je (?:allemaal )?(?:kunt|kan|doet)\b|"
    r"what you can do|what are you able"
)
GREETING = re.compile(r"^(?:hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|dag)[!. ]*$")
THANKS = re.compile(r"^(?:dank|bedankt|thanks|thank you|top|prima|ok|oke|okay)\b.{0,20}$")
REGIOSCAN_START = re.compile(
    r"^/?regio ?scan[!. ]*$|^/regioscan\b|\bregio ?scan\b.{0,40}\b(?:code|invite)\b|"
    r"\b(?:meedoen|deelnemen|join)\b.{0,40}\b(?:ronde|round)\b|"
    r"^(?!(?:wat|hoe|waarom|wanneer|welke|wie|what|how|why|when|which|who)\b)"
    r".*(?:\b(?:start|begin|starten|beginnen|invullen|doen|maken|meedoen|openen|fill in|"
    r"fill out|take|do)\b.{0,30}\bregio ?scan\b|\bregio ?scan\b.{0,30}\b(?:starten|beginnen|"
    r"invullen|doen|maken|openen|start|begin|fill in|fill out)\b)"
)
OOGO_POINTS = re.compile(
    r"agender|agenda|bespreekpunt|gespreksonderwerp|discussion points?|talking points|"
    r"(?:punten|onderwerpen|thema'?s) .{0,40}(?:bespreken|agenderen|inbrengen|oogo)|"
    r"(?:what|which) .{0,30}(?:discuss|raise|put on)|waarom staat .{0,40}(?:erop|op de agenda)|"
    r"wat moeten we .{0,30}(?:bespreken|inbrengen)"
)
OOGO_GENERIC_TOPICS = re.compile(
    r"typische|gebruikelijke|veel voorkomende|vaak besproken|typical|common")
SOURCES = re.compile(
    r"waar (?:vind|haal|zie|staan|kan ik)|welke bron|bronnen|\bbron\b|databron|"
    r"where (?:can|do) i find|"
    r"which source|sources?\b|dataset|waar komen .{0,20}cijfers|cijfers over|figures (?:on|about)|"
    r"statistiek|\bcbs\b|\bduo\b|waarstaatjegemeente|statline"
)
DEFINITION = re.compile(
    r"wat (?:betekent|is|zijn|houdt|wordt bedoeld)\b|wat verstaan|definitie|hoe wordt .{0,40}"
    r"(?:berekend|bepaald|gemeten|gedefinieerd)|hoe bereken|what (?:does|is|are)\b|meaning|"
    r"definition|how is .{0,40}(?:calculated|computed|measured|defined)|waarom|why|"
    r"hoe (?:zet|werkt|"
    r"moet|kan|kunnen|vul)|how (?:do|does|can|should)|uitleg|explain"
)
FIGURE_CUES = re.compile(
    r"hoeveel|procent|percentage|gemiddeld|"
    r"\baandeel|\bdeel\b|hoe hoog|hoe laag|hoe groot|cijfer|\bscore|"
    r"what share|how many|how much|how high|rate\b|share of|proportion|number of|figures?|"
    r"hoe staat|hoe zit|hoe doet|hoe ziet|hoe is het|waarde|getal|\d{4}"
)
OUT_OF_SCOPE = re.compile(
    r"\bweer\b|weerbericht|regen|temperatuur|weather|forecast|voetbal|football|soccer|sport|"
    r"wedstrijd|ajax|feyenoord|psv\b|recept|recipe|koken|film|movie|muziek|music|grap|joke|"
    r"bitcoin|aandelen|beurs|stock|vakantie|holiday|restaurant|trein|train|verkeer|traffic|"
    r"president|verkiezing|election|gedicht|poem|liedje|song|politiek"
)
INJECTION = re.compile(
    r"drop\s+table|delete\s+from|insert\s+into|select\s+.+\s+from|union\s+select|;\s*--|'\s*or\s+'?1|"
    r"<script|</|\{\{|\$\{|rm\s+-rf|negeer (?:je|alle|de|al je)|ignore (?:your|all|previous|the)|"
    r"vergeet (?:je|alle)|system prompt|jailbreak|doe alsof|pretend|zeg dat|say that"
)

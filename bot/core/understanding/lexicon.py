"""The words people use for the indicators, categories and kinds of question (Dutch + English).

Patterns run on folded text (lower case, no accents, see ``normalize.fold``). They are kept
together here so that adding a synonym is a one-line change next to its siblings, and so tests
can check them without the rest of the pipeline.
"""

from __future__ import annotations

from bot.core.understanding.prefix_scan import re_compile
from bot.core.understanding.relative_years import NUMBER_WORDS

# --- indicators -----------------------------------------------------------------------------
RR_PATTERNS = [
    r"relatie(?:f|ve)\w* risico", r"relatie(?:f|ve)\w* neet[- ]?risico", r"relative risks?",
    r"\bneet[- ]?rr\b", r"\brr\b", r"risicofactor", r"risk factors?",
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
    r"geen (?:baan|werk)\W+(?:en |of )?(?:ook )?geen (?:studie|opleiding|school)",
    r"geen (?:studie|opleiding|school)\W+(?:en |of )?(?:ook )?geen (?:baan|werk)",
    r"(?:no|without) (?:a )?(?:job|work) (?:and|or) no (?:education|school|training)",
    r"thuis (?:zitten|zit) zonder (?:werk|baan|opleiding)",
    r"geen (?:werk|baan)\b.{0,25}\bgeen (?:opleiding|studie|school|onderwijs)",
]
# content words of the patterns above and below: a typed word one slip away from one of them
# is read as that word ("juegdzorg", "amulante", "zoner werk")
KEYWORDS = (
    "jeugdzorg", "jeugdhulp", "jeugdzorggebruik", "jeugdbescherming", "jeugdreclassering",
    "pleegzorg", "opleiding", "werkloos", "praktijkonderwijs", "praktijkschool",
    "voortgezet", "speciaal", "basisonderwijs", "basisschool", "onderwijs", "ondertoezichtstelling",
    "samenwerkingsverband", "landelijk", "landelijke", "vergelijkbare", "vergelijk",
    "vergeleken", "gemiddelde", "relatief", "relatieve", "risico", "ontwikkeld", "ontwikkeling",
    "afgelopen", "ambulante", "verblijf", "residentiele", "entreeopleiding", "schoolverlaten",
    "schoolverlaters", "voortijdig", "onderwijssoort", "zorgtype", "risicofactor",
    "risicofactoren", "uitgesplitst", "percentage", "gestegen", "gedaald", "zonder",
    "middelbaar", "beroepsonderwijs", "soortgelijke", "nederland", "hoogste", "laagste",
    "gemeente", "gemeenten", "factor", "factoren", "vergelijkbaar",
)
# English words (and Dutch words) one slip away from a keyword: never "mended" into it
NOT_TYPOS = frozenset(["special", "relative", "percent", "average", "landelijke", "vergelijken",
                       "speciale", "primair", "sinds", "zonde", "partner", "ontwikkelen",
                       "middelbare"])
# a message that asks where the figures just shown come from (after an answer: "waarom?")
WHY_SOURCE = re_compile(
    r"^(?:en )?(?:waar (?:komen|komt) (?:deze|die|dit|dat|de|het) .{0,30}vandaan|"
    r"wat is (?:de|je) bron(?: hiervan| daarvan| van (?:dit|dat|deze))?|"
    r"welke bron (?:gebruik je|heb je (?:gebruikt|genomen)) (?:hiervoor|daarvoor)|"
    r"what'?s (?:the|your) source|what is (?:the|your) source|where (?:do|does) (?:these|the|those|"
    r"this|that) .{0,30}come from|why do you say (?:that|so)|waarom zeg je dat|"
    r"welke (?:gegevens|cijfers|data|bronnen?) (?:zitten|zit) (?:hier|daar)achter|"
    r"hoe kom je (?:aan|bij) (?:die|deze|dat|dit)|welke bron heb je (?:daar|hier)voor gebruikt|"
    r"waarom (?:deze|die|dit|dat) (?:punten|gemeenten|regio|jaar)|why (?:this|that) "
    r"(?:region|year|one))\b"
)
JEUGDZORG_PATTERNS = [
    r"jeugdzorg", r"jeugdhulp", r"jeugd ?zorg", r"youth (?:care|services|aid|support)",
    r"zorg (?:voor|aan) (?:jongeren|jeugdigen|kinderen)", r"child(?:ren'?s)? (?:care|services)",
    r"jeugdbescherming", r"jeugdreclassering", r"child protection", r"juvenile probation",
    r"youth probation", r"youth protection", r"pleegzorg", r"foster care", r"jeugd-?ggz",
    r"\bjz\b", r"\bots\b", r"voogdij", r"ondertoezichtstelling", r"zorgvorm", r"zorgtype",
]
INDICATOR_PATTERNS = {
    "neet_rr": [re_compile(p) for p in RR_PATTERNS],
    "neet": [re_compile(p) for p in NEET_PATTERNS],
    "jeugdzorg": [re_compile(p) for p in JEUGDZORG_PATTERNS],
}
# each indicator's patterns joined into one: it finds something exactly when one of them does,
# in one search instead of one per pattern ("is this indicator named at all?", issue 18)
INDICATOR_ANY = {
    indicator: re_compile("|".join(f"(?:{p})" for p in texts))
    for indicator, texts in (("neet_rr", RR_PATTERNS), ("neet", NEET_PATTERNS),
                             ("jeugdzorg", JEUGDZORG_PATTERNS))
}

# --- categories (order matters: longer, more specific terms first) -----------------------------
CATEGORY_PATTERNS: list[tuple[str, str]] = [
    ("vso", r"\bvso\b|voortgezet speciaal|speciaal voortgezet|\bsvo\b|"
            r"special secondary|secondary special"),
    ("sbo", r"\bsbo\b|speciaal basis|special primary"),
    ("so", r"\bso\b|speciaal onderwijs|special (?:needs )?(?:education|schools?)"),
    ("pro", r"\bpro\b|praktijkonderwijs|praktijkschool|practical (?:education|training)"),
    ("vmbo_basis", r"vmbo[- ]?(?:b\b|bb\b|bbl\b|basis)|basisberoeps|pre-?vocational basic"),
    ("mbo_entree", r"(?:\bmbo[- ]?)?\bentree|"
                   r"mbo[- ]?(?:niveau )?1\b|mbo level 1|entry level|mbo entry"),
    ("vsv", r"\bvsv\b|voortijdig\w* schoolverla|early school leav|school ?drop ?-?outs?|"
            r"dropping out|"
            r"zonder (?:start)?kwalificatie"),
    ("mbo", r"\bmbo\b|middelbaar beroeps|vocational"),
    ("vo", r"\bvo\b|voortgezet onderwijs|middelbare school|middelbare scholier|"
           r"secondary(?: education| schools?)?"),
    ("po", r"\bpo\b|basisonderwijs|basisschool|primair onderwijs|primary(?: education| schools?)?"),
    ("jeugdhulp_zonder_verblijf", r"zonder verblijf|ambulant|without (?:a )?(?:stay|residence|"
                                  r"accommodation)|"
                                  r"non-?residential|outpatient"),
    ("jeugdhulp_met_verblijf", r"met verblijf|residenti|pleeg(?:zorg|kind|gezin)|foster|"
                               r"jeugdzorgplus|"
                               r"in een instelling|with (?:a )?(?:stay|residence|accommodation)"),
    ("jeugdbescherming", r"jeugdbescherming|\bots\b|ondertoezichtstelling|onder toezicht|voogdij|"
                         r"child protection|guardianship|youth protection"),
    ("jeugdreclassering", r"jeugdreclassering|juvenile probation|youth probation|youth justice"),
    ("totaal", r"\btota(?:al|le|l)\b|\bin total\b|\boverall\b|alle onderwijssoorten"),
]
# a care word written as the kind of care ("jeugdhulp met verblijf"): a category, not the
# indicator jeugdzorg
CARE_AS_CATEGORY = re_compile(r"\bjeugdhulp (?:met|zonder) verblijf\b")
# "en alle jongeren?" after a group's NEET risk: the figure of everyone (not a category: "van
# alle jongeren in het vso" names the vso; not an answer's own label "alle jeugdigen van 0 tot")
EVERYONE = re_compile(r"\balle (?:jongeren|jeugdigen)\b(?! van \d)|"
                      r"\ball (?:young people|youths?)\b(?! aged)")
CATEGORY_RES = [(cat, re_compile(p)) for cat, p in CATEGORY_PATTERNS]
# every category's pattern joined into one: it finds something exactly when one of them does, so
# a message that names no category skips the per-category searches (issue 18)
CATEGORY_ANY = re_compile("|".join(f"(?:{p})" for _, p in CATEGORY_PATTERNS))
# groups the monitor has no figures for: sex, migration background, havo and vwo
GROUP_NOT_IN_DATA = re_compile(
    r"\b(?:meisjes|jongens|vrouwen|mannen|girls|boys|women|young men|geslacht|gender|sekse)\b|"
    r"migratieachtergrond|migrant|allochto|naar herkomst|herkomstgroep|westerse herkomst|"
    r"etni|ethnic|migration background|"
    r"\bhavo|\bvwo\b|havist|gymnasi|"
    r"\bvmbo(?![- ]?(?:b\b|bb\b|bbl\b|basis))|\bmavo\b|"  # vmbo-basis has figures (NEET risk)
    r"\bhbo\b|\bwo\b|hoger onderwijs|hogeschool|universiteit|higher education|universit"
)
# school types inside the voortgezet onderwijs that have no figures of their own: asked for
# jeugdzorg, the vo figure is the nearest one there is (and the answer says so)
VO_PART = re_compile(
    r"\bhavo|\bvwo\b|havist|gymnasi|atheneum|\bmavo\b|\bbrugklas|"
    r"\bvmbo(?![- ]?(?:b\b|bb\b|bbl\b|basis))"
)
ONDERWIJS = ("po", "sbo", "so", "vo", "vso", "pro", "mbo")
ZORGTYPES = ("jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
             "jeugdreclassering")
RISK_FACTORS = ("pro", "vso", "vmbo_basis", "mbo_entree", "vsv") + ZORGTYPES
VO_LIKE = ("vo", "vso", "pro", "mbo", "vmbo_basis", "mbo_entree", "vsv")

# --- kinds of question -------------------------------------------------------------------------
TREND = re_compile(
    r"afgelopen (?:jaren|\w+ jaar)|laatste (?:jaren|\w+ jaar)|\bsinds\b|ontwikkel|gestegen|gedaald|"
    r"\bgroei|neemt .{0,40}\b(?:toe|af)\b|toe of af|gone (?:up|down)|going (?:up|down)|"
    r"toegenomen|afgenomen|gegroeid|verloop|door de jaren|over de jaren|in de loop|veranderd|"
    r"\btrend|over time|over the (?:years|past)|past (?:few )?years|last (?:few )?years|\bsince\b|"
    r"increas|decreas|\brisen\b|\bgrown\b|went (?:up|down)|changed|developed|\bstijg|\bdaal|"
    r"ontwikkeling|through the years|per jaar|each year|jaar op jaar|vroeger|toen en nu|"
    r"then and now"
)
PEERS = re_compile(
    r"vergelijkbare|soortgelijke|gelijksoortige|lijken op|lijkt op|\bpeers?\b|similar|comparable|"
    r"like (?:us|ours)|die op .{0,40}lijken|vergelijkbaar met|alike|qua (?:grootte|omvang)|"
    r"(?:dezelfde|zelfde) (?:grootte|omvang)|gemeenten (?:zoals|als) (?:wij|ons)|erop lijken|"
    r"municipalities like|lijken op (?:ons|hen)|resembl\w*|looks? like|same size|"
    r"kan ik .{0,30} vergelijken|gemeenten .{0,20}vergelijkbaar"
)
POSITION = re_compile(
    r"hoogste|laagste|\btop ?\d*|hoort .{0,40}\bbij|behoort|highest|lowest|\brank|ranglijst|"
    r"\bpositie|percentiel|percentile|\bplaats\b|bovenaan|onderaan|koploper|uitschieter|outlier|"
    r"among the|andere gemeenten|alle gemeenten|tussen (?:de )?gemeenten|\bhoogst\b|\blaagst\b|"
    r"(?:andere|alle|tussen(?: de)?) (?:samenwerkingsverbanden|swv'?s)\b|"
    r"other (?:municipalities|partnerships)|"
    r"\bstaat\b.{0,40}\b(?:hoog|laag)\b|\bplek\b|rangorde|among (?:all|the)|"
    r"where does .{0,40}\bstand\b|"
    r"\bwhere does .{0,30}\brank|\bwhere is .{0,30}\b(?:highest|lowest)"
)
BREAKDOWN = re_compile(
    r"per onderwijssoort|per zorgtype|per risicofactor|per soort|uitsplits|uitgesplitst|"
    r"verdeeld over|verdeling|welke (?:factoren|onderwijssoorten|zorgtypen|groepen)|"
    r"which (?:factors|types|groups)|by type|per type|breakdown|broken down|"
    r"welke (?:jongeren|kenmerken)|welke (?:onderwijssoort|schoolsoort|zorgvorm|vorm van|soort)|"
    r"in welk(?:e)? (?:schooltype|schoolsoort|onderwijssoort)|welk soort|bij welke jongeren|"
    r"per (?:schoolsoort|schooltype|onderwijstype)|welke groep|grootste risicofactor|"
    r"which (?:school type|type of|kind of|group)|by (?:type|risk factor|school)|"
    r"per (?:risico)?groep|risicogroep|zorgtypen|zorgtypes|onderwijssoorten|schooltypes|"
    r"schoolsoorten|risicofactoren|spread over|welke (?:risico)?factor|overzicht .{0,30}risico|"
    r"\bsplits?\b.{0,30}\buit\b|\bsplit\b|break (?:it|this|that|them) down"
)
COMPARE = re_compile(
    r"vergelijk|vergeleken|versus|\bvs\.?\b|t\.?o\.?v\.?|ten opzichte|verhoud|afgezet tegen|"
    r"hoger dan|lager dan|meer dan|minder dan|beter dan|slechter dan|verschil|\bcompar|"
    r"relative to|higher than|lower than|against|\bthan\b|gemiddelde|average|"
    r"boven of onder|naast elkaar|tegenover|wijkt .{0,40}\baf\b|\bversus\b|doing better|"
    r"\bbeter\b|\bslechter\b"
)
NATIONAL = re_compile(
    r"landelijk|nationaal|nationale|\bnederland\b|heel (?:het )?land|\bnl\b|nationally|"
    r"\bnational\b|nationwide|the netherlands|(?:the )?country\b|\bdutch average|"
    r"nederlandse (?:gemiddelde|jongeren|jeugdigen|kinderen)|het (?:hele )?land\b|dutch young"
)
SWV_WORDS = re_compile(
    r"samenwerkingsverband|\bswv\b|partnership|passend onderwijs regio|swv-?regio"
)
# the gemeenten around a place: read as the other gemeenten of its samenwerkingsverband (the
# figures have no neighbours; the answer says how the words were read)
NEIGHBOURS = re_compile(
    r"\bbuurgemeente\w*|\bomliggende gemeente\w*|\bnabijgelegen gemeente\w*|"
    r"\bgemeenten (?:in de|om ons|uit de) (?:buurt|omgeving|heen)\b|"
    r"\bneighbou?ring (?:municipalit\w*|towns?|gemeenten)\b|\bnearby municipalit\w*"
)
OWN = re_compile(
    r"\b(?:ons|onze|mijn|m'n|our|my|we|wij|us)\b"
)
OWN_PLACE = re_compile(
    r"\b(?:ons|onze|mijn|m'n|our|my)\s+(?:eigen\s+|own\s+)?(?:gemeente|regio|stad|dorp|"
    r"municipality|region|city|town|area|neet|jeugdzorg|jeugdhulp|cijfers?|percentage|"
    r"figures?|numbers?|score|youth|kinderen|jongeren|young|relatie\w*|risico|risk|kans)"
    r"|\bbij ons\b|\bin our\b|\bhow (?:are|do) we\b|\bdoen we\b|\bscoren we\b|\bstaan we\b|"
    r"\bwe (?:do|score|stand|compare)\b|\bhoe doen wij\b|\bvergelijk (?:ons|mij)\b|"
    r"\bcompare us\b|\b(?:zitten|staan|scoren|doen|presteren|liggen) (?:we|wij)\b|"
    r"\b(?:we|wij) (?:zitten|staan|scoren|doen|liggen|tegenover)\b|\bare we\b"
)
# how many places a ranking asks for ("welke drie gemeenten", "which 5 municipalities"): without
# it, the superlative of such a question read as the position of one place, the own gemeente
# of a user with an own region (ranking.ranked_size reads the number itself)
# (the number words of "drie jaar geleden", two and up, and thirty)
RANKING_SIZE_WORDS = {word: n for word, n in NUMBER_WORDS.items() if n >= 2} | {
    "dertig": 30, "thirty": 30}
RANKED_COUNT = r"(\d{1,2}|" + "|".join(sorted(RANKING_SIZE_WORDS, key=len, reverse=True)) + r")"
_RANKED_COUNT = RANKED_COUNT.replace("(", "(?:", 1)  # the same, without a group of its own
RANKING = re_compile(
    r"\bwelke (?:" + _RANKED_COUNT + r" )?gemeenten?\b|\bin welke gemeenten?\b|"
    r"which (?:" + _RANKED_COUNT + r" )?municipalit|\btop ?(?:\d+|tien|vijf)\b|"
    r"\b" + _RANKED_COUNT + r" (?:gemeenten|municipalities) (?:met|with) (?:de|het|the) "
    r"(?:hoogste|laagste|meeste|minste|highest|lowest|most|fewest)\b|"
    r"waar in (?:nederland|het land)|\bwaar is .{0,60}\bhet (?:hoogst|laagst)\b|"
    r"\bwhere is .{0,60}\b(?:highest|lowest)\b"
)
# "de meeste", "het hoogst": with RANKING, a question for the figures of every gemeente
SUPERLATIVE = re_compile(r"\b(?:hoogste|laagste|meeste|minste|hoogst|laagst|highest|lowest|"
                         r"most|fewest)\b")
# "vergeleken met ons samenwerkingsverband": the own SWV as what the subject is set against
OWN_SWV_TARGET = re_compile(
    r"\b(?:met|tot|tegenover|t\.?o\.?v\.?|opzichte van|dan|with|to|against|versus|vs\.?)\s+"
    r"(?:(?:de )?rest van |(?:the )?rest of )?"  # "tot de rest van ons samenwerkingsverband"
    r"(?:ons|onze|mijn|our|my)\s+(?:eigen\s+)?(?:samenwerkingsverband|swv|partnership)"
)
OWN_SWV = re_compile(
    r"\b(?:ons|onze|mijn|our|my)\s+(?:eigen\s+)?(?:samenwerkingsverband|swv|partnership)"
)

# which gemeenten make up a samenwerkingsverband, which samenwerkingsverband a gemeente is in:
# answered from the regio-indeling, not from the figures or the documents
MEMBERS = re_compile(
    r"\b(?:welke|wat voor|hoeveel) (?:andere |overige )?gemeenten?\b(?:\W+\w+){0,6}?\W+"
    r"(?:vallen|valt|horen|"
    r"hoort|zitten|zit|behoren|behoort|liggen|ligt|doen|nemen|bestaat|vormen)\b|"
    r"\buit welke gemeenten\b|\b(?:which|what) (?:municipalities|gemeenten)\b"
    r"(?:\W+\w+){0,6}?\W+(?:belong|are|make|form|fall)\b"
)
SWV_OF = re_compile(
    r"\b(?:het ?)?zelfde (?:samenwerkingsverband|swv)\w*|\bsame (?:partnership|swv|"
    r"samenwerkingsverband)|"
    r"\b(?:bij|onder|in|tot) welke? (?:samenwerkingsverband|swv)\w*|"
    r"\bwelke? (?:samenwerkingsverband|swv)\w* (?:hoort|horen|heeft|hebben|valt|vallen|is|zijn)"
    r"\b|\bwhich (?:partnership|samenwerkingsverband|swv)s?\b"
)

# --- other intents ---------------------------------------------------------------------------
HELP = re_compile(
    r"^/?(?:help|hulp|start|menu|\?)[!.? ]*$|wat kun je|wat kan je|wat kan jij|wat kun jij|"
    r"wat doe je|wie ben je|what can you|what do you do|how can you help|hoe werkt (?:dit|deze)|"
    r"waar kun je mee helpen|waarmee kun je|wat je (?:allemaal )?(?:kunt|kan|doet)\b|"
    r"what you can do|what are you able"
)
GREETING = re_compile(r"^(?:hoi|hallo|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|dag)[!. ]*$")
THANKS = re_compile(r"^(?:dank|bedankt|thanks|thank you|top|prima|ok|oke|okay)\b.{0,20}$")
REGIOSCAN_START = re_compile(
    r"^/?regio ?scan[!. ]*$|^/regioscan\b|\bregio ?scan\b.{0,40}\b(?:code|invite)\b|"
    r"\b(?:meedoen|deelnemen|join)\b.{0,40}\b(?:ronde|round)\b|"
    r"^(?!(?:wat|hoe|waarom|wanneer|welke|wie|what|how|why|when|which|who)\b)"
    r".*(?:\b(?:start|begin|starten|beginnen|invullen|doen|maken|meedoen|openen|fill in|"
    r"fill out|take|do)\b.{0,30}\bregio ?scan\b|\bregio ?scan\b.{0,30}\b(?:starten|beginnen|"
    r"invullen|doen|maken|openen|start|begin|fill in|fill out)\b)"
)
OOGO_POINTS = re_compile(
    r"agender|agenda|bespreekpunt|gespreksonderwerp|discussion points?|talking points|"
    r"(?:punten|onderwerpen|thema'?s) .{0,40}(?:bespreken|agenderen|inbrengen|oogo)|"
    r"(?:what|which) .{0,30}(?:discuss|raise|put on)|waarom staat .{0,40}(?:erop|op de agenda)|"
    r"wat moeten we .{0,30}(?:bespreken|inbrengen)"
)
OOGO_GENERIC_TOPICS = re_compile(
    r"typische|gebruikelijke|veel voorkomende|vaak besproken|typical|common")
SOURCES = re_compile(
    r"waar (?:vind|haal|zie|staan|kan ik)|welke bron|bronnen|\bbron\b|databron|"
    r"where (?:can|do) i find|"
    r"which source|sources?\b|dataset|waar komen .{0,20}cijfers|cijfers over|figures (?:on|about)|"
    r"statistiek|\bcbs\b|\bduo\b|waarstaatjegemeente|statline"
)
DEFINITION = re_compile(
    r"wat (?:betekent|is|zijn|houdt|wordt bedoeld)\b|wat verstaan|definitie|hoe wordt .{0,40}"
    r"(?:berekend|bepaald|gemeten|gedefinieerd)|hoe bereken|what (?:does|is|are)\b|meaning|"
    r"definition|how is .{0,40}(?:calculated|computed|measured|defined)|waarom|why|"
    r"hoe (?:zet|werkt|"
    r"moet|kan|kunnen|vul)|how (?:do|does|can|should)|uitleg|explain"
)
FIGURE_CUES = re_compile(
    r"hoeveel|procent|percentage|gemiddeld|"
    r"\baandeel|\bdeel\b|hoe hoog|hoe laag|hoe groot|cijfer|\bscore|"
    r"what share|how many|how much|how high|rate\b|share of|proportion|number of|figures?|"
    r"hoe staat|hoe zit|hoe doet|hoe ziet|hoe is het|waarde|getal|\d{4}"
)
OUT_OF_SCOPE = re_compile(
    r"\bweer\b|weerbericht|regen|temperatuur|weather|forecast|voetbal|football|soccer|sport|"
    r"wedstrijd|ajax|feyenoord|psv\b|recept|recipe|koken|film|movie|muziek|music|grap|joke|"
    r"bitcoin|aandelen|beurs|stock|vakantie|holiday|restaurant|trein|train|verkeer|traffic|"
    r"president|verkiezing|election|gedicht|poem|liedje|song|politiek"
)
INJECTION = re_compile(
    r"drop\s+table|delete\s+from|insert\s+into|select\s+.+\s+from|union\s+select|;\s*--|'\s*or\s+'?1|"
    r"<script|</|\{\{|\$\{|rm\s+-rf|negeer (?:je|alle|de|al je)|ignore (?:your|all|previous|the)|"
    r"vergeet (?:je|alle)|system prompt|jailbreak|doe alsof|pretend|"
    r"(?:zeg|say) (?:dat|that)\b.{0,40}\b(?:is|zijn|are|was)\b"
)

# --- guards: wordings that are certain, checked before the model ----------------------------------
# a topic of the assistant's own: a message with one of these is never plain help
TOPIC = re_compile(
    r"oogo|regio ?scan|\bscan\b|ronde|round|vragenlijst|monitor|ondersteuningsplan|jeugdplan|"
    r"passend onderwijs|samenwerkingsverband|thuiszit|rapport|report|document|agenda|punt"
)
# greetings, thanks and goodbyes as a whole message
SMALL_TALK = re_compile(
    r"^(?:hoi|hallo|hey|hi|hello|goede(?:morgen|middag|navond)|goeie(?:morgen|middag|navond)|"
    r"moi|dag|doei|tot ziens|tot de volgende keer|fijne dag|good (?:morning|afternoon|evening)|"
    r"bye|cheers|dank\w*|bedankt|thanks|thank you|top|prima|ok[eé]?|okay|fijn|mooi(?: zo)?|"
    r"super|duidelijk|helder|dat was het|goed (?:zo|gedaan)|je bent top|great|help|hulp|menu|"
    r"ja|nee|hey,? hoe gaat het)\b[^?]{0,30}$"
)
# questions about the assistant itself
ABOUT_YOU = re_compile(
    r"^(?:en |ok[eé]?,? |hoi,? |hallo,? )?(?:wie ben (?:je|jij)|wat ben (?:je|jij)|"
    r"wat is (?:jouw|je) (?:functie|taak|rol)|wat is dit voor (?:een )?\w+|"
    r"wat (?:kun|kan) (?:je|jij|ik (?:je|jou|hier))|wat doe (?:je|jij)\b(?: (?:precies|eigenlijk|"
    r"allemaal))?[?!. ]*$|waar (?:ben|kun) (?:je|jij) (?:goed in|voor|mee)|waarmee kun (?:je|jij)|"
    r"hoe werkt (?:dit|deze (?:assistent|chatbot|tool))\b|what (?:are you|can you do|do you do)\b|"
    r"who are you|how (?:does this work|can you help))"
    r"|\bwat (?:je|jij) (?:allemaal )?(?:kunt|kan|doet)\b|\bwhat you can do\b|"
    r"\bvoorbeeld ?vragen\b|\bexample questions\b|wat kan ik (?:je |jou |hier )?(?:zoal |"
    r"allemaal )?(?:vragen|doen)|wat zijn (?:jouw|je) (?:taken|mogelijkheden)|"
    r"^wat zijn de mogelijkheden|hoe gebruik ik (?:deze|de|jou|je)\b|"
    r"hoe (?:moet|kan) ik (?:een vraag|vragen) stellen|welke onderwerpen ken (?:je|jij)|"
    r"welke commando|(?:kun|kan) (?:je|jij) iets over (?:jezelf|jou)|"
    r"hoe (?:kun|kan) (?:je|jij) (?:mij|me|ons) helpen|waar (?:moet|kan) ik beginnen|"
    r"ik weet niet (?:goed )?(?:wat|waar) ik|how do i set my region|hoe stel ik (?:mijn|de) regio"
)
RESUME = re_compile(
    r"^(?:ok[eé]?,? |graag |kunnen we |laten we |ik wil |mag ik |zullen we |let's |lets )?"
    r"(?:ga (?:maar )?)?(?:verder|door(?:gaan)?|hervat\w*|weer verder|resume|continue|go on)\b"
)
_RESULT_WORD = r"(?:\w*uitslag\w*|uitkomst\w*|\w*resultaat|\w*resultaten|score|outcome|results?)"
RESULT = re_compile(
    r"\b(?:mijn|my|onze|ons|m'n)\b.{0,40}\b" + _RESULT_WORD + r"\b|\b" + _RESULT_WORD +
    r"\b.{0,30}\b(?:mijn|my|onze|m'n)\b|^(?:laat|toon|show|geef)\b.{0,30}\b" + _RESULT_WORD +
    r"\b|^(?:de |my )?(?:uitslag|uitkomst|result)(?: \w+){0,2}[?!. ]*$|"
    r"\b(?:scoorde ik|heb ik gescoord|did i score|i scored|heb ik .{0,30}beoordeeld|"
    r"mijn scores?|wat kwam er uit (?:de|mijn) (?:regio ?)?scan|hoe stond ik ervoor|"
    r"hoe zag mijn)\b"
)
HOW_IT_WORKS = re_compile(
    r"\bhoe (?:wordt|werkt|bereken|komt|lees)|berekend|\bwie (?:ziet|kan)|wat gebeurt|"
    r"wat betekent|how (?:is|does|do)|who (?:sees|can)|what happens|hoeveel|voordat|"
    r"wat heb ik aan|waarom"
)
REPORT_WORD = (r"(?:pdf|html|markdown|voorbereidingsdocument|voorbereidingsstuk|rapport\w*|"
               r"report|verslag|document)")
REPORT = re_compile(
    r"\b(?:download\w*|exporte\w*|export|print\w*|maak|maken|stuur|geef|zet|genereer|"
    r"create|make|give|send|get|krijgen|hebben|delen|ophalen|wil|want|like|need|nodig)\b"
    r".{0,60}\b" + REPORT_WORD +
    r"|\b" + REPORT_WORD + r"\b.{0,40}\b(?:download\w*|exporte\w*|printen|als (?:pdf|html|"
    r"markdown)|graag|maken|krijgen|hebben|delen|ophalen)\b|^(?:het |the |a )?" + REPORT_WORD +
    r"(?: \w+){0,3}[?!. ]*$"
)
# "het eerste punt", "the second point": a point by its place in the list
POINT_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
                  "zevende": 7, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                  "sixth": 6, "seventh": 7}
_ORDINAL = "|".join(POINT_ORDINALS)
POINT_QUESTION = re_compile(
    r"\b(?:punt|point)\s*\d{1,2}\b.{0,40}|(?:waarom|why|explain|uitleg|toelicht|leg|"
    r"wat bedoel|licht)\b.{0,40}\b(?:punt|point)\s*\d{1,2}\b|"
    r"\b(?:waarom|why|explain|uitleg|toelicht|leg|licht)\b.{0,30}\b(?:" + _ORDINAL
    + r") (?:punt|point)\b|"
    r"\b(?:waarom|why)\b.{0,15}\b(?:staat|staan|is|are)\b.{1,40}\b(?:op de (?:lijst|agenda)|"
    r"on the (?:list|agenda)|erop|erbij)\b"
)
# a question about what an indicator means, how it is measured or who counts (no place named)
DEFINE = re_compile(
    r"^(?:en )?(?:wat (?:betekent|betekenen|houdt|verstaa?t?n?|valt|telt|tellen|zegt)|"
    r"hoe (?:wordt|worden|meet|meten|bereken\w*|bepaal\w*|lees|interpreteer)\b|"
    r"wie (?:telt|tellen|valt|vallen)|(?:telt|tellen|hoort|horen|valt|vallen)\b.{1,40}\b(?:mee|"
    r"bij (?:de )?(?:jeugdzorg|jeugdhulp|neet)|onder (?:de )?(?:jeugdzorg|jeugdhulp|neet)|als)\b|"
    r"wat bedoel (?:je|jij|u|jullie) met|klopt het dat .{0,60}\b(?:omvat|valt|hoort|telt|"
    r"betekent|meetelt)|met welke groep|which ages|welke leeftijd|"
    r"waarom (?:heet|is er|zijn er|hebben|lopen|gebruik)|wanneer (?:noem|tel|is)|"
    r"what (?:does|do)\b.{1,40}\bmean|how (?:is|are|do you)\b.{1,40}\b(?:measured|calculated|"
    r"defined|read|interpret)|who counts|does\b.{1,30}\b(?:include|count))\b"
    r"|\b(?:definitie|definition|betekenis|verschil tussen|difference between|uitleg|oorzakelijk|"
    r"oorzaak|causal|leeftijdsgrens|tellen mee|counts? (?:for|as))\b"
    r"|\bvs\.?\b|\bversus\b"
)
DEFINE_SHORT = re_compile(
    r"^(?:wat|what) (?:is|are|zijn) (?:a |an |een )?(?!het |de |the |our |ons |onze )"
    r"[\w'-]+(?: [\w'-]+){0,3}[?!. ]*$"
)
FIGURE_CUE = re_compile(
    r"hoeveel|percentage|procent|aandeel|hoe (?:hoog|groot|laag|staat|doet|zit)|cijfers? "
    r"(?:van|voor|in)|\btrend|ontwikkel|vergelijk|hoger|lager|stijg|gestegen|gedaald|how (?:many|"
    r"much|high)|what share|rate in|compare|hoogste|laagste|highest|lowest|\brank|positie"
)

# --- how a figure is shown -------------------------------------------------------------------
# "en in een grafiek?", "als staafdiagram", "can you chart that": the figure answer, with its chart
CHART_WORDS = re_compile(
    r"\b(?:staaf|lijn|taart)?(?:grafiek|diagram)\w*|\bcharts?\b|\bgraphs?\b|\bplot\b|"
    r"\bvisuali[sz]\w*"
)
# "zet het op een kaart", "on a map": no map, said so (not "in kaart brengen", "menukaart")
MAP_WORDS = re_compile(
    r"\b(?:land|gemeente|regio)?kaart(?:je|en)?\b(?<!in kaart)(?! (?:brengen|gebracht|te brengen|"
    r"zetten|gezet))|\bmaps?\b(?! out)|\bcartogra\w*|\bheatmap\b"
)
# "kun je het in een tabel zetten?": the figure answer lists the figures; said so
TABLE_WORDS = re_compile(r"\btabel(?:letje|len)?\b|\btables?\b|\bspreadsheet\b|\bexcel\b")
# the words of such a request ("zet het op een kaart", "heb je hier een grafiek van?")
SHOW_VERBS = re_compile(
    r"\b(?:zet|zetten|maak|maken|laat|laten|toon|tonen|geef|teken|tekenen|weergeven|zien|"
    r"heb|hebt|heeft|hebben|krijg|krijgen|wil|willen|zou|zouden|show|display|draw|put|make|"
    r"see|plot|have|get|want|would)\b"
)
# a ranking whose units are samenwerkingsverbanden ("welke samenwerkingsverbanden scoren het
# hoogst?", "which partnerships"): with a superlative, a ranking of partnerships
RANK_SWV = re_compile(
    r"\bsamenwerkingsverbanden\b|\bswv'?s\b|\bpartnerships\b|"
    r"\b(?:welke?|which|in welke?) (?:samenwerkingsverband|swv|partnership)\b"
)
# questions a figure never answers (who, when, why): after a figure answer, such a question that
# names nothing of a figure is about how things work ("Wie zit er in het bestuur van het swv?")
NOT_A_FIGURE_QUESTION = re_compile(
    r"^(?:en |maar |and |but )?(?:wie|who|wanneer|when|waarom|why)\b")

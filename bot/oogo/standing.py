"""Evidence for the standing OOGO topics: thuiszitters and leerlingenvervoer.

These topics belong on almost every OOGO agenda, but a point still needs evidence from this
region. For thuiszitters that is jeugdzorg use in the (voortgezet) speciaal onderwijs, the group
most at risk of staying home; for leerlingenvervoer it is the population density (distances to
special schools are longer where people live far apart). Both get a low score on purpose, so they
follow the points with a strong signal in the data.
"""

from __future__ import annotations

from typing import Any

from bot.oogo.formatting import category_label, fact_from_value, fmt_fact, fmt_int
from bot.oogo.indicator_signals import NL, _safe, _source, _usable
from bot.oogo.model import Evidence, Signal

PROFILE_SOURCE = "CBS, Kerncijfers wijken en buurten 2024 (inwoners en bevolkingsdichtheid)"
#: below this many inhabitants per km² a region counts as sparsely populated for transport
SPARSE_DENSITY = 500
STANDING_SIGNAL = 0.5
SPARSE_SIGNAL = 1.0


def _thuiszitters(ctx: Any) -> list[Signal]:
    engine, region, language = ctx.engine, ctx.region, ctx.language
    year = _safe(engine.latest_year, "jeugdzorg")
    out: list[Signal] = []
    for category in ("vso", "so"):
        value = _safe(engine.lookup, "jeugdzorg", region.code, category, year)
        national = _safe(engine.lookup, "jeugdzorg", NL, category, year)
        if not (_usable(value) and _usable(national)):
            continue
        label = category_label(category, language)
        a, b = fmt_fact(fact_from_value(value), language), fmt_fact(fact_from_value(national),
                                                                    language)
        if language == "en":
            text = (f"In {year}, {a} of pupils in {label} in {region.name} received youth care "
                    f"(Netherlands: {b}); this group is most at risk of staying home from school.")
            reason = f"standing topic; youth care in {label} as context"
        else:
            text = (f"In {year} kreeg {a} van de leerlingen in {label} in {region.name} jeugdzorg "
                    f"(Nederland: {b}); juist deze groep loopt het meeste risico om thuis "
                    "te zitten.")
            reason = f"vast onderwerp; jeugdzorg in {label} als context"
        evidence = Evidence("comparison", text, _source(engine, "jeugdzorg"),
                            [fact_from_value(value), fact_from_value(national)],
                            {"against": NL, "standing": True})
        out.append(Signal("thuiszitters", evidence, STANDING_SIGNAL, reason, reason))
    return out


def _leerlingenvervoer(ctx: Any) -> list[Signal]:
    region, language = ctx.region, ctx.language
    density = getattr(region, "density", None)
    if density is None:
        return []
    sparse = float(density) < SPARSE_DENSITY
    inhabitants = getattr(region, "inhabitants", None)
    dens = fmt_int(density, language)
    if language == "en":
        text = (f"{region.name} has {dens} inhabitants per km²"
                f"{' and ' + fmt_int(inhabitants, 'en') + ' inhabitants' if inhabitants else ''}; "
                + ("in a sparsely populated region pupils travel further to special schools."
                   if sparse else "even in a dense region, transport to special schools costs "
                   "time and money."))
        reason = "sparsely populated: longer travel" if sparse else "standing topic"
    else:
        text = (f"{region.name} heeft {dens} inwoners per km²"
                f"{' en ' + fmt_int(inhabitants) + ' inwoners' if inhabitants else ''}; "
                + ("in een dunbevolkte regio reizen leerlingen verder naar het (voortgezet) "
                   "speciaal onderwijs." if sparse else "ook in een dichtbevolkte regio kost het "
                   "vervoer naar het (voortgezet) speciaal onderwijs tijd en geld."))
        reason = "dunbevolkt: langere reistijden" if sparse else "vast onderwerp"
    evidence = Evidence("profile", text, PROFILE_SOURCE, [],
                        {"density": density, "inhabitants": inhabitants, "sparse": sparse})
    return [Signal("leerlingenvervoer", evidence, SPARSE_SIGNAL if sparse else STANDING_SIGNAL,
                   reason, reason)]


def signals(ctx: Any, existing: list[Signal]) -> list[Signal]:
    """Signals for the standing topics (``existing`` is accepted for future cross-checks)."""
    return _thuiszitters(ctx) + _leerlingenvervoer(ctx)

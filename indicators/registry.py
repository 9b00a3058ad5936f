"""The region registry: every gemeente (2024), every samenwerkingsverband PO/VO and Nederland.

Why one registry: the conversation, the indicator engine, the CLI and the charts all need the
same answer to "which region is this, which SWV does it belong to, who is it like". The data is
the processed copy in ``indicators/data/regions.csv`` (built by ``indicators.build_regions`` from
CBS and OCW files, see ``data/PROVENANCE.md``) plus the hand-kept ``aliases.csv`` and
``herindelingen_2015_2024.csv`` (former gemeente names), plus ``herindelingen_voor_2015.csv``:
older former gemeenten whose name a current gemeente in another province still carries ("Hengelo"
in Gelderland), found only with a province qualifier ("Hengelo (Gld.)", see ``provinces``).

Peers ("gemeenten die op u lijken"): for every gemeente we take z-scores of
log(inhabitants) and log(population density) over all 342 gemeenten and call the gemeenten with
the smallest Euclidean distance in that plane its peers (default 8, never fewer than 5). Logs make
"twice as big" count the same for small and large gemeenten; standardising gives size and
density equal weight. For an SWV the same is done among SWVs of the same level.
"""

from __future__ import annotations

import csv
import logging
import math
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from indicators.names import normalize, spelling_key, without_suffix
from indicators.resolve import resolve_text

if TYPE_CHECKING:  # pragma: no cover
    from indicators.mentions import Mention
    from indicators.resolve import Resolution

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
LEVELS = ("gemeente", "swv_po", "swv_vo", "land")
LEVEL_LABELS_NL = {
    "gemeente": "gemeente",
    "swv_po": "samenwerkingsverband PO",
    "swv_vo": "samenwerkingsverband VO",
    "land": "land",
}
MIN_PEERS = 5


class UnknownRegion(LookupError):
    """Raised by ``RegionRegistry.get`` for a code that is not in the registry."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"Onbekende regiocode '{code}'.")

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True, slots=True)
class Region:
    """One region. ``swv_po``/``swv_vo`` are empty for SWVs and Nederland."""

    code: str
    name: str
    level: str
    province: str
    inhabitants: int
    density: int
    size_class: str
    swv_po: str
    swv_vo: str
    swv_po_other: tuple[str, ...] = ()
    swv_vo_other: tuple[str, ...] = ()
    land_km2: float = 0.0
    statline_name: str = ""

    @property
    def level_label(self) -> str:
        """Dutch label of the level ("gemeente", "samenwerkingsverband PO", ...)."""
        return LEVEL_LABELS_NL[self.level]

    def to_dict(self) -> dict:
        """JSON-friendly form (used by ``--json`` output and the API)."""
        return {
            "code": self.code, "name": self.name, "level": self.level,
            "province": self.province, "inhabitants": self.inhabitants,
            "density": self.density, "size_class": self.size_class,
            "swv_po": self.swv_po, "swv_vo": self.swv_vo,
            "swv_po_other": list(self.swv_po_other), "swv_vo_other": list(self.swv_vo_other),
        }


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split(";") if v)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class RegionRegistry:
    """All regions with lookup by code, name resolution, membership and peers."""

    def __init__(
        self,
        regions: list[Region],
        aliases: dict[str, str] | None = None,
        former: dict[str, tuple[list[str], str]] | None = None,
        former_in_province: dict[tuple[str, str], tuple[list[str], str]] | None = None,
    ) -> None:
        self._by_code = {r.code: r for r in regions}
        self._aliases = aliases or {}
        self.former = former or {}  # normalised former name -> ([codes now], year)
        # (normalised former name, province) -> ([codes now], year): a former gemeente that
        # shares its name with a gemeente elsewhere, so only "name (province)" finds it
        self.former_in_province = former_in_province or {}
        self._members: dict[str, list[Region]] = {}
        self._fuzzy_index: dict[int, list[str]] | None = None  # filled by indicators.mentions
        self._fuzzy_memo: dict[tuple[str, int], tuple | None] | None = None  # same
        self._fuzzy_initials: dict[int, frozenset[str]] | None = None  # same
        self._peer_cache: dict[tuple[str, int], tuple[Region, ...]] = {}
        for r in regions:
            if r.level == "gemeente":
                self._members.setdefault(r.swv_po, []).append(r)
                self._members.setdefault(r.swv_vo, []).append(r)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> RegionRegistry:
        """Read the shipped processed files (no network, no raw files needed)."""
        base = Path(data_dir) if data_dir else DATA_DIR
        regions = [
            Region(
                code=row["code"], name=row["name"], level=row["level"],
                province=row["province"], inhabitants=int(row["inhabitants"]),
                density=int(row["density"]), size_class=row["size_class"],
                swv_po=row["swv_po"], swv_vo=row["swv_vo"],
                swv_po_other=_split(row["swv_po_other"]),
                swv_vo_other=_split(row["swv_vo_other"]),
                land_km2=float(row["land_km2"] or 0), statline_name=row["statline_name"],
            )
            for row in _read(base / "regions.csv")
        ]
        aliases = {row["alias"]: row["code"] for row in _read(base / "aliases.csv")}
        former: dict[str, tuple[list[str], str]] = {}
        for row in _read(base / "herindelingen_2015_2024.csv"):
            codes, _ = former.setdefault(normalize(row["gemeente_2015"]), ([], row["jaar"]))
            if row["gm_code_2024"] not in codes:
                codes.append(row["gm_code_2024"])
        registry = cls(regions, aliases, former, _former_in_province(base))
        logger.debug("region registry loaded: %d regions", len(regions))
        return registry

    # -- lookup -------------------------------------------------------------------------
    def get(self, code: str) -> Region:
        """The region with this code (case-insensitive); raises ``UnknownRegion``. A code as
        stored ("GM0193") is found without normalising it first: nearly every call passes one,
        a dozen per answer (issue 18)."""
        if not isinstance(code, str):
            raise UnknownRegion(str(code))
        region = self._by_code.get(code)
        if region is None:
            region = self._by_code.get(code.strip().upper())
            if region is None:
                raise UnknownRegion(code)
        return region

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def all(self, level: str | None = None) -> list[Region]:
        """All regions, or those of one level, in code order."""
        return [r for r in self._by_code.values() if level is None or r.level == level]

    def gemeenten(self) -> list[Region]:
        """The 342 gemeenten."""
        return self.all("gemeente")

    def members(self, code: str) -> list[Region]:
        """Gemeenten of an SWV (main SWV only), all gemeenten for NL01, itself for a gemeente."""
        region = self.get(code)
        if region.level == "land":
            return self.gemeenten()
        if region.level == "gemeente":
            return [region]
        return list(self._members.get(region.code, []))

    def swv_of(self, code: str, kind: str) -> Region:
        """The main SWV ("po" or "vo") of a gemeente."""
        region = self.get(code)
        swv = region.swv_po if kind == "po" else region.swv_vo
        if not swv:
            raise UnknownRegion(f"{code}:{kind}")
        return self.get(swv)

    # -- names ----------------------------------------------------------------------------
    @cached_property
    def _names(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}

        def add(name: str, code: str) -> None:
            key = normalize(name)
            if key and code not in index.setdefault(key, []):
                index[key].append(code)

        for region in self._by_code.values():
            add(region.name, region.code)
            if region.level == "gemeente":
                add(without_suffix(region.name), region.code)
                if region.statline_name:
                    add(region.statline_name, region.code)
                    add(without_suffix(region.statline_name), region.code)
        for alias, code in self._aliases.items():
            if code in self._by_code:
                add(alias, code)
        for key, code in self._exact_only.items():
            add(key, code)
        return index

    @cached_property
    def _exact_only(self) -> dict[str, str]:
        """Names found only when typed in full, never offered for a typo: a partnership by the
        region in its name ("SWV VO Amersfoort-Soest", see ``_swv_region_aliases``). As typo
        targets these short names drew "het samenwerkingsverband" to one partnership."""
        return {normalize(alias): region.code for region in self._by_code.values()
                for alias in _swv_region_aliases(region)}

    def names(self) -> dict[str, list[str]]:
        """Normalised name or alias -> region codes (more than one code means ambiguous)."""
        return {key: list(codes) for key, codes in self._names.items()}

    def name_index(self) -> dict[str, list[str]]:
        """The same mapping as ``names()`` without copying; callers must not change it."""
        return self._names

    @cached_property
    def first_words(self) -> dict[str, int]:
        """The first word of every name, alias and former name (a quick "no name starts here"),
        with the most words of a name that starts with it: the place scan tries no longer run
        of words there ("de" starts "De Wolden" and "De Fryske Marren", never nine words)."""
        out: dict[str, int] = {}
        for key in list(self._names) + list(self.former):
            words = key.split()
            if words:
                out[words[0]] = max(out.get(words[0], 0), len(words))
        return out

    @cached_property
    def spelling_names(self) -> dict[str, list[str]]:
        """Names keyed by their spelling key ("ij" as "y"), for typo matching."""
        out: dict[str, list[str]] = {}
        for key in self._names:
            if key not in self._exact_only:
                out.setdefault(spelling_key(key), []).append(key)
        return out

    def exact_only(self, key: str) -> bool:
        """Whether the normalised name ``key`` counts only when typed in full (no typo target)."""
        return key in self._exact_only

    def codes_for_name(self, text: str) -> list[str]:
        """Codes whose name or alias normalises to the same key as ``text``."""
        return list(self._names.get(normalize(text), []))

    def resolve(self, text: str) -> Resolution:
        """Turn what a user typed into a region, candidates or suggestions (see ``resolve``)."""
        return resolve_text(self, text)

    def find_mentions(self, text: str) -> list[Mention]:
        """Region names inside a whole sentence (see ``indicators.mentions``)."""
        from indicators.mentions import find_mentions

        return find_mentions(self, text)

    # -- peers ----------------------------------------------------------------------------
    @cached_property
    def _peer_space(self) -> dict[str, dict[str, tuple[float, float]]]:
        spaces: dict[str, dict[str, tuple[float, float]]] = {}
        for level in ("gemeente", "swv_po", "swv_vo"):
            regions = self.all(level)
            xs = [math.log(max(r.inhabitants, 1)) for r in regions]
            ys = [math.log(max(r.density, 1)) for r in regions]
            zx, zy = _zscores(xs), _zscores(ys)
            spaces[level] = {r.code: (a, b) for r, a, b in zip(regions, zx, zy, strict=True)}
        return spaces

    def peers(self, code: str, n: int = 8) -> list[Region]:
        """The ``n`` regions of the same level most alike in size and density (nearest first)."""
        region = self.get(code)
        if region.level == "land":
            return []
        n = max(MIN_PEERS, n)
        cached = self._peer_cache.get((region.code, n))
        if cached is not None:
            return list(cached)
        space = self._peer_space[region.level]
        x0, y0 = space[region.code]
        ranked = sorted(
            (math.hypot(x - x0, y - y0), other)
            for other, (x, y) in space.items()
            if other != region.code
        )
        found = [self._by_code[other] for _, other in ranked[:n]]
        self._peer_cache[(region.code, n)] = tuple(found)
        return found


def _former_in_province(base: Path) -> dict[tuple[str, str], tuple[list[str], str]]:
    """The hand-kept older mergers by (normalised name, province); none if the file is absent."""
    path = base / "herindelingen_voor_2015.csv"
    if not path.exists():
        return {}
    found: dict[tuple[str, str], tuple[list[str], str]] = {}
    for row in _read(path):
        codes, _ = found.setdefault((normalize(row["gemeente"]), row["provincie"]),
                                    ([], row["jaar"]))
        if row["gm_code_2024"] not in codes:
            codes.append(row["gm_code_2024"])
    return found


def _zscores(values: list[float]) -> list[float]:
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / max(len(values) - 1, 1)
    sd = math.sqrt(var) or 1.0
    return [(v - mean) / sd for v in values]


_SWV_REGION = re.compile(r"\(regio (?P<region>[^)]+)\)")


def _swv_region_aliases(region: Region) -> list[str]:
    """A samenwerkingsverband by its kind and the region in its name, as the answers print it
    ("Samenwerkingsverband VO 26.02 (regio Amersfoort-Soest)"): "SWV VO Amersfoort-Soest",
    "samenwerkingsverband VO regio Amersfoort-Soest". Without these a user who typed the name
    back got the partnership of Amersfoort and the gemeente Soest beside it."""
    found = _SWV_REGION.search(region.name)
    if region.level not in ("swv_po", "swv_vo") or found is None:
        return []
    kind = region.level.removeprefix("swv_")
    return [f"{lead} {kind} {regio}{found.group('region')}"
            for lead in ("swv", "samenwerkingsverband") for regio in ("", "regio ")]

"""Regional rounds: codes, tokens, roles, errors, and the anonymous aggregation of answers.

A coordinator opens a round for a region and gets an invitation code (8 characters without
look-alikes such as 0/O and 1/I/L, easy to read aloud) and an admin token that is shown once;
only its SHA-256 hash is stored. Aggregation is pure: it receives (role, answers) pairs without
identities and never returns a single person's answers.

Anonymity rule: figures of a group (a role, or everybody) are shown only when at least
``MIN_GROUP`` (3) respondents of that group gave a score; otherwise the result says
"te weinig respondenten om te tonen". Disagreement between roles is computed only over roles
that are shown, and per statement only over role groups with at least 3 scores.
Spread is the sample standard deviation of the respondents' theme scores (a respondent's
theme score is the mean of their 1-5 answers in that theme; 'weet ik niet' does not count).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import statistics
import string
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.regioscan.definition import ScanDefinition

MIN_GROUP = 3
INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INVITE_LENGTH = 8
REGION_CODE = re.compile(r"^(GM\d{4}|PO\d{4}|VO\d{4})$")
TOO_FEW_NL = "te weinig respondenten om te tonen"
TOO_FEW_EN = "too few respondents to show"

ROLES: dict[str, tuple[str, str]] = {
    "gemeente": ("gemeente (beleid)", "municipality (policy)"),
    "swv": ("samenwerkingsverband", "school partnership"),
    "onderwijs": ("school/onderwijs", "school/education"),
    "jeugdhulp": ("jeugdhulp", "youth care"),
    "anders": ("anders", "other"),
}
_ROLE_ALIASES = {
    "gemeente": "gemeente", "gemeente beleid": "gemeente", "gemeente (beleid)": "gemeente",
    "beleid": "gemeente", "beleidsmedewerker": "gemeente", "municipality": "gemeente",
    "swv": "swv", "samenwerkingsverband": "swv", "school partnership": "swv",
    "school": "onderwijs", "onderwijs": "onderwijs", "school/onderwijs": "onderwijs",
    "school onderwijs": "onderwijs", "education": "onderwijs", "school/education": "onderwijs",
    "jeugdhulp": "jeugdhulp", "jeugdzorg": "jeugdhulp", "youth care": "jeugdhulp",
    "anders": "anders", "overig": "anders", "other": "anders",
}


class RoundError(Exception):
    """A rule of rounds was broken; ``message`` is Dutch and safe to show. Nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownRound(RoundError):
    def __init__(self, code: str) -> None:
        super().__init__(f"Ik ken geen ronde met de code '{code}'. Controleer de code in de "
                         "uitnodiging (8 tekens, hoofdletters en cijfers).")


class RoundClosed(RoundError):
    def __init__(self, code: str) -> None:
        super().__init__(f"De ronde {code} is gesloten. Meedoen of antwoorden wijzigen kan niet "
                         "meer; de uitslag kun je nog wel bekijken.")


class AlreadyJoined(RoundError):
    def __init__(self, code: str) -> None:
        super().__init__(f"Je doet al mee aan ronde {code}. Start de regioscan met deze code om "
                         "verder te gaan of je antwoorden te wijzigen.")


class WrongToken(RoundError):
    def __init__(self) -> None:
        super().__init__("Het beheertoken klopt niet bij deze ronde. Gebruik het token dat je "
                         "kreeg bij het aanmaken van de ronde.")


class InvalidRole(RoundError):
    def __init__(self, text: str) -> None:
        roles = ", ".join(label for label, _ in ROLES.values())
        super().__init__(f"'{text}' is geen rol die ik ken. Kies uit: {roles}.")


class InvalidRegion(RoundError):
    def __init__(self, text: str) -> None:
        super().__init__(f"Regio '{text}' ken ik niet. Gebruik een gemeentecode (bijvoorbeeld "
                         "GM0363) of de code van een samenwerkingsverband (bijvoorbeeld PO2707 "
                         "of VO2708).")


def parse_role(text: str | None) -> str | None:
    """The role id for typed text ('gemeente beleid', 'school', 'jeugdhulp'), or None."""
    if not text:
        return None
    key = re.sub(r"\s+", " ", text.strip().lower())
    return _ROLE_ALIASES.get(key)


def role_label(role: str, language: str = "nl") -> str:
    nl, en = ROLES.get(role, (role, role))
    return en if language == "en" else nl


def normalise_code(text: str) -> str:
    return re.sub(r"[\s\-]", "", text or "").upper()


def normalise_region(text: str) -> str:
    return re.sub(r"\s", "", text or "").upper()


def new_invite_code() -> str:
    return "".join(secrets.choice(INVITE_ALPHABET) for _ in range(INVITE_LENGTH))


def new_admin_token() -> str:
    """32 letters and digits (~190 bits): never starts with '-', so it is safe on a CLI."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(32))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str | None, hashed: str) -> bool:
    return bool(token) and hmac.compare_digest(hash_token(token or ""), hashed)


@dataclass(frozen=True, slots=True)
class Stat:
    """mean/sd/n of a group; all None when ``hidden`` (fewer than MIN_GROUP respondents)."""

    mean: float | None
    sd: float | None
    n: int | None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class ThemeAggregate:
    theme_id: str
    name: str
    overall: Stat
    by_role: dict[str, Stat]

    # flat aliases, so readers such as bot.oogo.scan_view need not know Stat
    @property
    def id(self) -> str:
        return self.theme_id

    @property
    def label(self) -> str:
        return self.name

    @property
    def mean(self) -> float | None:
        return self.overall.mean

    @property
    def count(self) -> int:
        return self.overall.n or 0

    @property
    def per_role(self) -> dict[str, float]:
        return {r: s.mean for r, s in self.by_role.items() if s.mean is not None}


@dataclass(frozen=True, slots=True)
class StatementAggregate:
    """One statement over everybody (only when at least MIN_GROUP scored it)."""

    id: str
    number: int
    text: str
    mean: float
    count: int
    per_role: dict[str, float]

    @property
    def label(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Disagreement:
    question_id: str
    number: int
    text: str
    gap: float
    role_means: dict[str, float]


@dataclass(frozen=True)
class RoundResult:
    code: str
    region: str
    title: str
    status: str
    definition_version: int
    respondents: int | None  # None when fewer than MIN_GROUP (never reveal 1 or 2)
    roles_shown: list[str]
    roles_hidden: list[str]
    themes: list[ThemeAggregate]
    disagreements: list[Disagreement]
    statements: list[StatementAggregate] = field(default_factory=list)
    min_group: int = MIN_GROUP
    scale: tuple[int, int] = (1, 5)
    round_id: str = ""
    chart: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _stat(values: list[float], min_group: int) -> Stat:
    if len(values) < min_group:
        return Stat(None, None, None, hidden=True)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return Stat(round(statistics.fmean(values), 4), round(sd, 4), len(values))


def aggregate(
    definition: ScanDefinition, responses: Iterable[tuple[str, dict[str, int | None]]], *,
    code: str, region: str, title: str, status: str, min_group: int = MIN_GROUP, top: int = 5,
) -> RoundResult:
    """Aggregate (role, answers) pairs of submitted scans into an anonymous ``RoundResult``."""
    responses = list(responses)
    per_role: dict[str, int] = {}
    for role, _ in responses:
        per_role[role] = per_role.get(role, 0) + 1
    roles_order = [r for r in ROLES if r in per_role] + sorted(set(per_role) - set(ROLES))
    shown = [r for r in roles_order if per_role[r] >= min_group]
    hidden = [r for r in roles_order if per_role[r] < min_group]
    themes = []
    for theme in definition.themes:
        ids = [q.id for q in theme.questions]
        scores: dict[str, list[float]] = {}
        for role, answers in responses:
            values = [answers[i] for i in ids if answers.get(i) is not None]
            if values:
                scores.setdefault(role, []).append(statistics.fmean(values))
        everyone = [v for vals in scores.values() for v in vals]
        by_role = {r: _stat(scores.get(r, []), min_group) for r in shown}
        themes.append(ThemeAggregate(theme.id, theme.name, _stat(everyone, min_group), by_role))
    disagreements, statements = [], []
    for q in definition.questions:
        means = {}
        for r in shown:
            vals = [a[q.id] for role, a in responses if role == r and a.get(q.id) is not None]
            if len(vals) >= min_group:
                means[r] = round(statistics.fmean(vals), 4)
        every = [a[q.id] for _, a in responses if a.get(q.id) is not None]
        if len(every) >= min_group:
            statements.append(StatementAggregate(q.id, q.number, q.text,
                                                 round(statistics.fmean(every), 4), len(every),
                                                 dict(means)))
        if len(means) >= 2:
            gap = round(max(means.values()) - min(means.values()), 4)
            if gap > 0:
                disagreements.append(Disagreement(q.id, q.number, q.text, gap, means))
    disagreements.sort(key=lambda d: (-d.gap, d.number))
    chart = {
        "kind": "grouped_bar", "scale": [1, 5], "labels": [t.name for t in themes],
        "series": {"alle respondenten": [t.overall.mean for t in themes]}
        | {role_label(r): [t.by_role[r].mean for t in themes] for r in shown},
    }
    return RoundResult(
        code=code, region=region, title=title, status=status,
        definition_version=definition.version,
        respondents=len(responses) if len(responses) >= min_group else None,
        roles_shown=shown, roles_hidden=hidden, themes=themes,
        disagreements=disagreements[:top], statements=statements, min_group=min_group,
        chart=chart, round_id=code,
    )

"""Regional rounds: codes, tokens, roles and the errors of the round rules.

A coordinator opens a round for a region and gets an invitation code (8 characters without
look-alikes such as 0/O and 1/I/L, easy to read aloud) and an admin token that is shown once;
only its SHA-256 hash is stored. The anonymous result of a closed round is computed in
``bot.regioscan.round_result`` under the rules of ``bot.regioscan.disclosure``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import string

from bot.regioscan.disclosure import MIN_GROUP as MIN_GROUP  # re-exported

INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INVITE_LENGTH = 8
REGION_CODE = re.compile(r"^(GM\d{4}|PO\d{4}|VO\d{4})$")
TOO_FEW_NL = "te weinig respondenten om te tonen"
TOO_FEW_EN = "too few respondents to show"
HIDDEN_NL = "niet getoond (anonimiteitsregel)"

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


class RoundStillOpen(RoundError):
    def __init__(self) -> None:
        super().__init__("Deze ronde loopt nog. De uitslag komt er zodra de coördinator de ronde "
                         "sluit; tot dan is alleen te zien hoeveel mensen meedoen.")


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


def is_invite_code(text: str) -> bool:
    """True for something shaped like an invitation code (never a region code such as GM0153:
    those contain 0 or 1, which the invitation alphabet leaves out)."""
    code = normalise_code(text)
    return len(code) == INVITE_LENGTH and set(code) <= set(INVITE_ALPHABET)


def code_for_log(code: str | None) -> str:
    """A short, non-reversible stand-in for an invitation code in logs (``r-1a2b3c4d``)."""
    digest = hashlib.sha256(normalise_code(code or "").encode("utf-8")).hexdigest()
    return f"r-{digest[:8]}"


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



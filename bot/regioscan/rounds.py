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
from bot.regioscan.texts import t

INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INVITE_LENGTH = 8
REGION_CODE = re.compile(r"^(GM\d{4}|PO\d{4}|VO\d{4})$")
#: role ids in the order they are offered; their labels are the ``role_<id>`` templates
ROLES: tuple[str, ...] = ("gemeente", "swv", "onderwijs", "jeugdhulp", "anders")
_ROLE_ALIASES = {
    "gemeente": "gemeente", "gemeente beleid": "gemeente", "gemeente (beleid)": "gemeente",
    "beleid": "gemeente", "beleidsmedewerker": "gemeente", "municipality": "gemeente",
    "swv": "swv", "samenwerkingsverband": "swv", "school partnership": "swv",
    "school": "onderwijs", "onderwijs": "onderwijs", "school/onderwijs": "onderwijs",
    "school onderwijs": "onderwijs", "education": "onderwijs", "school/education": "onderwijs",
    "jeugdhulp": "jeugdhulp", "jeugdzorg": "jeugdhulp", "youth care": "jeugdhulp",
    "anders": "anders", "overig": "anders", "other": "anders",
}


def too_few_text(language: str = "nl") -> str:
    """What is shown instead of a respondent count that is too small to publish."""
    return t(language, "too_few_respondents")


def hidden_text(language: str = "nl") -> str:
    """What is shown instead of a figure the anonymity rules hold back."""
    return t(language, "hidden_by_rule")


class RoundError(Exception):
    """A rule of rounds was broken; ``message`` is Dutch and safe to show, ``in_language``
    gives it in the user's language. Nothing changed."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        self.message = self.in_language("nl")
        super().__init__(self.message)

    def in_language(self, language: str) -> str:
        """The message in ``language`` (an English user gets "I don't know a round ...", not
        the Dutch sentence or a general fault)."""
        values = dict(self.values)
        if self.key == "round_invalid_role":
            values["roles"] = role_labels(language)
        return t(language, self.key, **values)


class UnknownRound(RoundError):
    def __init__(self, code: str) -> None:
        super().__init__("round_unknown", code=code)


class RoundClosed(RoundError):
    def __init__(self, code: str) -> None:
        super().__init__("round_closed", code=code)


class RoundStillOpen(RoundError):
    def __init__(self) -> None:
        super().__init__("round_still_open")


class AlreadyJoined(RoundError):
    def __init__(self, code: str) -> None:
        super().__init__("round_already_joined", code=code)


class WrongToken(RoundError):
    def __init__(self) -> None:
        super().__init__("round_wrong_token")


class InvalidRole(RoundError):
    def __init__(self, text: str) -> None:
        super().__init__("round_invalid_role", text=text)


class InvalidRegion(RoundError):
    def __init__(self, text: str) -> None:
        super().__init__("round_invalid_region", text=text)


def parse_role(text: str | None) -> str | None:
    """The role id for typed text ('gemeente beleid', 'school', a shown label), or None."""
    if not text:
        return None
    key = re.sub(r"\s+", " ", text.strip().lower())
    if key in _ROLE_ALIASES:
        return _ROLE_ALIASES[key]
    # every label shown (buttons, the CLI's list) in either language can be typed back
    return next((r for r in ROLES for language in ("nl", "en")
                 if role_label(r, language).lower() == key), None)


def role_label(role: str, language: str = "nl") -> str:
    """The label of a role id (the id itself for a role this version does not know)."""
    return t(language, f"role_{role}") if role in ROLES else role


def role_labels(language: str = "nl") -> str:
    """All role labels, comma-separated, in the order they are offered."""
    return ", ".join(role_label(r, language) for r in ROLES)


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



"""A small, strict loader for the prompt and answer templates kept as files.

Texts users read live in ``prompts/`` so that they can be reviewed and reworded without touching
code. Mistakes must show up at once, not as a half-filled sentence in front of a user: asking for
a template that does not exist, a Dutch and English version whose placeholders differ, or rendering
without a value for every placeholder all raise ``PromptError``.
"""

from __future__ import annotations

import os
import string
import threading
from dataclasses import dataclass
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent
LANGUAGES = ("nl", "en")


class PromptError(LookupError):
    """A template is missing, malformed or rendered without all its values."""


@dataclass(frozen=True, slots=True)
class Template:
    """One template text and the placeholders it uses."""

    name: str
    language: str
    text: str
    fields: frozenset[str]

    def render(self, /, **values: object) -> str:
        """The text with its placeholders filled; values it does not use are ignored.

        Why ``format_map`` on all values and the check only on failure: every placeholder is a
        plain name (``_fields_of``), so a missing value is the only ``KeyError`` formatting can
        raise, and an answer renders a dozen templates (issue 18)."""
        try:
            return self.text.format_map(values)
        except KeyError:
            missing = self.fields - values.keys()
            if not missing:
                raise
            raise PromptError(
                f"template {self.language}/{self.name} needs values for: {sorted(missing)}"
            ) from None


def _fields_of(text: str, where: str) -> frozenset[str]:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise PromptError(f"malformed template {where}: {exc}") from exc
    names = set()
    for _, name, _, _ in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise PromptError(f"template {where} has an unnamed or bad placeholder {{{name}}}")
        names.add(name)
    return frozenset(names)


def read_template(path: Path | str, name: str, language: str) -> Template:
    """Read one template file, raising ``PromptError`` if absent or malformed."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read().rstrip("\n")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise PromptError(f"unknown template {language}/{name} ({path})") from None
    return Template(name, language, text, _fields_of(text, f"{language}/{name}"))


class TemplateSet:
    """All templates of one folder (``<folder>/<language>/<name>.txt``), checked on load.

    The Dutch and English versions of a template must use the same placeholders, so a renderer
    that works in one language works in the other.
    """

    def __init__(self, folder: str = "answers", root: Path = PROMPTS_DIR) -> None:
        self.root = root / folder
        self._templates: dict[tuple[str, str], Template] = {}
        self._load()

    def _load(self) -> None:
        # plain os calls, not pathlib: every oogo command loads a few hundred of these files
        # (help texts), and pathlib's per-file overhead was most of the time
        names: set[str] = set()
        for language in LANGUAGES:
            folder = os.path.join(self.root, language)
            try:
                files = os.listdir(folder)
            except (FileNotFoundError, NotADirectoryError):
                raise PromptError(f"template folder missing: {folder}") from None
            names |= {f[:-4] for f in files if f.endswith(".txt")}
        for name in sorted(names):
            pair = [read_template(os.path.join(self.root, lang, name + ".txt"), name, lang)
                    for lang in LANGUAGES]
            if pair[0].fields != pair[1].fields:
                raise PromptError(
                    f"template {name}: placeholders differ between languages "
                    f"({sorted(pair[0].fields)} vs {sorted(pair[1].fields)})"
                )
            for template in pair:
                self._templates[(template.language, name)] = template

    def get(self, template: str, language: str = "nl", /) -> Template:
        lang = language if language in LANGUAGES else "nl"
        try:
            return self._templates[(lang, template)]
        except KeyError:
            raise PromptError(f"unknown template {lang}/{template}") from None

    def render(self, template: str, language: str = "nl", /, **values: object) -> str:
        return self.get(template, language).render(**values)

    def names(self) -> list[str]:
        return sorted({name for _, name in self._templates})


_cache: dict[str, TemplateSet] = {}
_cache_lock = threading.Lock()


def templates(folder: str = "answers") -> TemplateSet:
    """The (cached) template set of a folder; loading happens on first use, not at import.
    A set once loaded is returned without taking the lock (a dict read is atomic), since an
    answer asks for it once per sentence."""
    loaded = _cache.get(folder)
    if loaded is not None:
        return loaded
    with _cache_lock:
        if folder not in _cache:
            _cache[folder] = TemplateSet(folder)
        return _cache[folder]


def load_prompt(filename: str, /, **values: object) -> str:
    """Render a free-standing prompt file ``prompts/<filename>`` (e.g. the LLM system prompt)."""
    template = read_template(PROMPTS_DIR / filename, filename, "nl")
    return template.render(**values)

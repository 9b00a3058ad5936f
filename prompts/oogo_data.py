"""Structured user texts kept as one YAML file per language (``<folder>/<language>/<name>.yaml``).

Why beside ``loader.py``: some texts are data rather than sentences, such as the OOGO topics with
their titles, questions and participants, or the short words a renderer puts around figures. They
read best as one nested file per language. The same strictness as the templates applies, checked
on load so a mistake never reaches a user: both languages must have the same keys at every level,
lists of the same length, only strings as leaves, and the same placeholders in every string.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from prompts.loader import LANGUAGES, PROMPTS_DIR, PromptError, Template, _fields_of


def _check(nl: Any, en: Any, where: str) -> None:
    """Raise ``PromptError`` where the two languages' trees differ in shape or placeholders."""
    if isinstance(nl, Mapping) and isinstance(en, Mapping):
        if set(nl) != set(en):
            raise PromptError(f"{where}: keys differ between languages "
                              f"({sorted(set(nl) ^ set(en))})")
        for key in nl:
            _check(nl[key], en[key], f"{where}.{key}")
    elif isinstance(nl, list) and isinstance(en, list):
        if len(nl) != len(en):
            raise PromptError(f"{where}: {len(nl)} items in nl, {len(en)} in en")
        for i, (a, b) in enumerate(zip(nl, en, strict=True)):
            _check(a, b, f"{where}[{i}]")
    elif isinstance(nl, str) and isinstance(en, str):
        if _fields_of(nl, f"nl/{where}") != _fields_of(en, f"en/{where}"):
            raise PromptError(f"{where}: placeholders differ between languages")
    else:
        raise PromptError(f"{where}: expected the same kind of text in both languages, got "
                          f"{type(nl).__name__} and {type(en).__name__}")


class TextData:
    """One structured text file in both languages, checked for parity on load."""

    def __init__(self, folder: str, name: str, root: Path = PROMPTS_DIR) -> None:
        import yaml

        self.name = name
        self._data: dict[str, Any] = {}
        for language in LANGUAGES:
            path = root / folder / language / f"{name}.yaml"
            if not path.is_file():
                raise PromptError(f"unknown text file {language}/{name} ({path})")
            try:
                loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise PromptError(f"malformed text file {path}: {exc}") from exc
            if not isinstance(loaded, dict):
                raise PromptError(f"text file {path} must hold a mapping")
            self._data[language] = loaded
        _check(self._data["nl"], self._data["en"], name)

    def get(self, *path: str | int, language: str = "nl") -> Any:
        """The value at ``path`` (keys, list indexes) in ``language`` (unknown: Dutch)."""
        node: Any = self._data[language if language in LANGUAGES else "nl"]
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                raise PromptError(f"unknown text {self.name}:{'.'.join(map(str, path))}"
                                  ) from None
        return node

    def has(self, *path: str | int) -> bool:
        try:
            self.get(*path)
        except PromptError:
            return False
        return True

    def text(self, *path: str | int, language: str = "nl", **values: object) -> str:
        """The string at ``path``, its placeholders filled (a missing value raises)."""
        value = self.get(*path, language=language)
        if not isinstance(value, str):
            raise PromptError(f"text {self.name}:{'.'.join(map(str, path))} is not a string")
        where = f"{self.name}:{'.'.join(map(str, path))}"
        return Template(where, language, value, _fields_of(value, where)).render(**values)


_cache: dict[tuple[str, str], TextData] = {}
_lock = threading.Lock()


def text_data(folder: str, name: str) -> TextData:
    """The (cached) structured texts ``<folder>/{nl,en}/<name>.yaml``; read on first use."""
    with _lock:
        if (folder, name) not in _cache:
            _cache[(folder, name)] = TextData(folder, name)
        return _cache[(folder, name)]

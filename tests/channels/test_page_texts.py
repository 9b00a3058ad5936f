"""The chat page's words (``prompts/web``): every name the page's scripts use has a template,
every template is used, and ``GET /`` hands them to the page as a JSON data block that nothing
in a text can break out of, within the page's Content-Security-Policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

from prompts.loader import LANGUAGES, templates

STATIC = Path(__file__).resolve().parents[2] / "bot" / "channels" / "api" / "static"
# O.t(lang, ...) and say(...): the quoted names in the call, also both sides of a ternary
CALL = re.compile(r"\bO\.t\(|\bsay\(")
NAME = re.compile(r"""["'`]([a-z][a-z0-9_]*(?:\$\{\w+\}[a-z0-9_]*)*)["'`]""")
# names built from a value: `level_${level}`, `feedback_${word}_label`
DYNAMIC = {"level_${level}": {"level_gemeente", "level_swv_po", "level_swv_vo", "level_land"},
           "feedback_${word}": {"feedback_yes", "feedback_no"},
           "feedback_${word}_label": {"feedback_yes_label", "feedback_no_label"}}


def calls(code: str) -> list[str]:
    """The argument text of every O.t(...) and say(...) call (to its closing parenthesis)."""
    found = []
    for match in CALL.finditer(code):
        depth, end = 1, match.end()
        while depth and end < len(code):
            depth += {"(": 1, ")": -1}.get(code[end], 0)
            end += 1
        found.append(code[match.end():end - 1])
    return found


def names_in_scripts() -> set[str]:
    names: set[str] = set()
    for path in sorted(STATIC.glob("*.js")):
        for call in calls(path.read_text(encoding="utf-8")):
            for name in NAME.findall(call):
                names |= DYNAMIC.get(name, {name})
    return names


def names_in_page() -> set[str]:
    """The ``{{page_*}}`` tokens of index.html (filled on the server, see page.render_page)."""
    return set(re.findall(r"\{\{(\w+)\}\}", (STATIC / "index.html").read_text("utf-8")))


def test_every_name_the_page_uses_has_a_template_and_every_template_is_used() -> None:
    known = set(templates("web").names())
    used = names_in_scripts() | names_in_page()
    assert len(used) > 40, "the pattern found too few names"
    assert used <= known, f"no template for: {sorted(used - known)}"
    assert known <= used, f"templates no script uses: {sorted(known - used)}"


def test_the_page_scripts_hold_no_sentences() -> None:
    """A text a user reads is a template, not a literal (three words or more, or one of the words
    QA found hard-coded); a developer's console message is not read by users."""
    for path in sorted(STATIC.glob("*.js")):
        code = re.sub(r"//.*|.*console\.error.*", "", path.read_text(encoding="utf-8"))
        for literal in re.findall(r'"([^"\n]*)"|`([^`\n]*)`', code):
            text = re.sub(r"\$\{[^}]*\}", "", "".join(literal))
            words = [w for w in text.split() if re.fullmatch(r"[A-Za-zëéï',.:?!]{2,}", w)]
            assert len(words) < 3, (path.name, text)
            for word in ("Bron", "Nuttig", "Vergroot", "Download", "Regioscan", "Kies",
                         "Gemiddelde"):
                assert word not in text, (path.name, text)


def test_the_page_html_holds_no_sentences() -> None:
    """index.html's words are tokens; what is left between tags is the product's name."""
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    texts = [t.strip() for t in re.findall(r">([^<>]+)<", body) if t.strip()]
    attrs = re.findall(r'(?:placeholder|aria-label|title|data-text)="([^"]*)"', body)
    words = [t for t in texts + attrs if t != "OOGO-assistent" and not t.startswith("{{")]
    assert not words, words


def test_every_template_renders_in_both_languages() -> None:
    texts = templates("web")
    for name in texts.names():
        for language in LANGUAGES:
            template = texts.get(name, language)
            assert template.render(**{f: f"<{f}>" for f in template.fields}).strip()


def test_the_page_carries_its_words_as_a_data_block(channel_settings) -> None:
    from fastapi.testclient import TestClient

    from bot.channels.api.app import create_app

    from .fakes import FakeServices

    response = TestClient(create_app(FakeServices(channel_settings), channel_settings)).get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = response.text
    assert "<!-- page-texts -->" not in html
    block = re.search(r'<script type="application/json" id="page-texts">(.*?)</script>', html, re.S)
    assert block, "no page-texts block"
    data = json.loads(block.group(1))
    assert data["nl"]["source_one"] == "Bron" and data["en"]["source_one"] == "Source"
    frame = {name for name in templates("web").names() if name.startswith("page_")}
    assert set(data["nl"]) == set(data["en"]) == set(templates("web").names()) - frame
    # the frame's words are in the HTML itself, in Dutch, escaped
    assert "{{" not in html and "Nog geen regio gekozen." in html
    assert 'placeholder="Stel je vraag"' in html and "collega&#x27;s van gemeente" in html


def test_no_text_can_end_the_data_block() -> None:
    from bot.channels.api.page import render_page, texts_block

    block = texts_block()
    assert block.count("</script") == 1 and "<!--" not in block.split(">", 1)[1]
    page = render_page("<head><!-- page-texts --></head>", block)
    assert page.startswith('<head><script type="application/json" id="page-texts">')

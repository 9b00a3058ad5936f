"""Headless Chromium (Debian's package) driven by Playwright, never downloading a browser, and
helpers the browser tests share: send a turn like a user, wait for the answer, run axe-core."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
PHONE = (390, 844)
TABLET = (768, 1024)
DESKTOP = (1280, 900)
BOT = "article.message.bot:not(.intro)"


@contextmanager
def chromium_browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser: Any, width: int, height: int, context: Any = None) -> Any:
    """A page in ``context`` (a new one when None: its own cookie, so its own session).

    CSP is bypassed only so that the tests can inject axe-core; the page's own scripts are
    served from 'self' either way.
    """
    if context is None:
        context = browser.new_context(viewport={"width": width, "height": height},
                                      locale="nl-NL", bypass_csp=True, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


@contextmanager
def chromium_page(width: int = 1100, height: int = 900) -> Iterator[Any]:
    with chromium_browser() as browser:
        yield new_page(browser, width, height)


def open_chat(page: Any, url: str) -> None:
    """Load the page and wait until it restored the conversation (or found none)."""
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]")


def answers(page: Any) -> int:
    return page.locator(BOT).count()


def wait_answer(page: Any, before: int) -> Any:
    """Wait for a new, finished answer after ``before`` answers; returns its locator."""
    page.wait_for_function(
        "([sel, n]) => { const a = document.querySelectorAll(sel);"
        " return a.length > n && a[a.length - 1].getAttribute('aria-busy') === 'false'; }",
        arg=[BOT, before])
    return page.locator(BOT).last


def ask(page: Any, text: str) -> Any:
    """Type ``text`` and press Enter (keyboard only); returns the finished answer."""
    before = answers(page)
    page.focus("#question")
    page.fill("#question", text)
    page.keyboard.press("Enter")
    return wait_answer(page, before)


def press(page: Any, button: Any) -> Any:
    """Click a button in the conversation and wait for the answer it asks for."""
    before = answers(page)
    button.click()
    return wait_answer(page, before)


def api_turn(page: Any, **body: Any) -> dict[str, Any]:
    """One turn through the JSON API with the page's own session cookie."""
    response = page.request.post(base_url(page) + "/api/chat", data=json.dumps(body),
                                 headers={"Content-Type": "application/json"})
    assert response.ok, response.text()
    return response.json()


def base_url(page: Any) -> str:
    parts = urlsplit(page.url)
    return f"{parts.scheme}://{parts.netloc}"


def conversation_id(page: Any) -> str:
    return page.evaluate("localStorage.getItem('oogo.conversation')")


def fill_scan_by_api(page: Any, answered: int) -> dict[str, Any]:
    """Start the regioscan in the page's conversation and answer ``answered`` statements."""
    cid = conversation_id(page)
    reply = api_turn(page, text="/regioscan", conversation_id=cid)
    for n in range(answered):
        button = next(b for b in reply["buttons"] if b["label"].startswith(str(n % 5 + 1)))
        reply = api_turn(page, choice=button["value"], shown=button["label"], conversation_id=cid)
    return reply


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations of the given impacts, as readable lines (empty when clean)."""
    if not AXE.exists():
        raise AssertionError("axe-core is missing: run 'npm ci --prefix tests/channels'")
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    lines = []
    for v in result["violations"]:
        if v.get("impact") in impacts:
            targets = [" ".join(n["target"]) for n in v["nodes"][:3]]
            lines.append(f"{v['impact']}: {v['id']} ({v['help']}) at {targets}")
    return lines


def no_horizontal_scroll(page: Any) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")

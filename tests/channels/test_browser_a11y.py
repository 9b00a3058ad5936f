"""Item 8 (and 9): axe-core, from the npm registry and injected by the test, finds no serious or
critical violations in the page's main states (empty, answer with chart, scan in progress, scan
result, OOGO points) at phone and desktop size. With OOGO_SCREENSHOTS set to a folder (e.g.
docs/screenshots) the states are also saved as screenshots there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .browser import (
    DESKTOP,
    PHONE,
    ask,
    axe_violations,
    chromium_browser,
    fill_scan_by_api,
    new_page,
    open_chat,
    press,
)

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("OOGO_SCREENSHOTS")


def _check(page, state: str, size: tuple[int, int], full: bool = False) -> list[str]:
    found = [f"{state}: {line}" for line in axe_violations(page)]
    if SHOTS:
        name = f"{state}-{'phone' if size == PHONE else 'desktop'}.png"
        page.screenshot(path=str(Path(SHOTS) / name), full_page=full)
        if name == "antwoord-met-grafiek-desktop.png":  # the README's picture of the page
            page.screenshot(path=str(Path(SHOTS) / "chat.png"))
    return found


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_main_states_have_no_serious_axe_violations(live_server: str, size) -> None:
    problems: list[str] = []
    with chromium_browser() as browser:
        page = new_page(browser, *size)
        open_chat(page, live_server)
        problems += _check(page, "leeg", size)

        page.fill("#region-input", "Amsterdam")
        page.press("#region-input", "Enter")
        page.wait_for_function("() => !document.querySelector('#region-current').hidden")
        answer = ask(page, "Hoe verhoudt het NEET-percentage in Amsterdam zich tot het "
                           "landelijk gemiddelde?")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=answer.locator("figure img").first.element_handle())
        problems += _check(page, "antwoord-met-grafiek", size)

        answer.locator("figure img").first.click()
        problems += _check(page, "grafiek-vergroot", size)
        page.keyboard.press("Escape")

        answer = ask(page, "Wat is het OOGO?")
        answer.locator("button.citation").first.click()
        problems += _check(page, "bronnen", size)

        fill_scan_by_api(page, 15)
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        problems += _check(page, "regioscan-bezig", size)

        answer = press(page, page.locator("article.message.bot").last
                       .get_by_role("button", name="4 eens"))
        confirm = answer.get_by_role("button", name="bevestig")
        answer = press(page, confirm)
        answer.locator("section.scan-result").evaluate("el => el.scrollIntoView({block: 'start'})")
        problems += _check(page, "regioscan-uitslag", size)

        answer = press(page, answer.get_by_role("button", name="Bespreekpunten met deze uitslag"))
        problems += _check(page, "bespreekpunten", size)
    assert problems == []

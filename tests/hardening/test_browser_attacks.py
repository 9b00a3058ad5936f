"""Finding 10 (and 3) in a real browser: Debian's Chromium, driven by Playwright.

The victim has the chat page open (a session cookie on 127.0.0.1). An attacker's page on
another site (``localhost``, another port) sends the browser to
``/api/chat/stream?choice=rsjoin:CODE:jeugdhulp`` (the reported attack: a top-level GET carries
SameSite=Lax cookies) and posts a form to ``/api/chat``. Both are refused, the victim joins
nothing, and the page itself keeps working, with API keys set too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.channels.browser import CHROMIUM, chromium_page

pytestmark = pytest.mark.browser

KEY = "sleutel-voor-de-coordinator-0123456789"


def _evil_app(target: str, code: str):
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse
    from starlette.routing import Route

    html = f"""<!doctype html><html><body>
<form id="f" method="post" action="{target}/api/chat" enctype="text/plain">
<input name='{{"text": "hoi", "x": "' value='"}}'></form>
<a id="join" href="{target}/api/chat/stream?choice=rsjoin:{code}:jeugdhulp">prijs!</a>
</body></html>"""

    async def page(request):
        return HTMLResponse(html)

    return Starlette(routes=[Route("/", page)])


def test_cross_site_attacks_fail_and_the_page_works_with_keys(services_factory,
                                                              tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/install-system.sh)")
    from bot.channels.api.app import create_app
    from tests.channels.servers import serve_in_thread

    services = services_factory(api_keys=[KEY])
    code = services.regioscan.create_round("GM0363", "Ronde")[1]
    round_id = services.regioscan.rounds.by_code(code).id
    with serve_in_thread(create_app(services, services.settings)) as victim_site:
        evil = _evil_app(victim_site, code)
        with serve_in_thread(evil) as evil_site, chromium_page() as page:
            evil_site = evil_site.replace("127.0.0.1", "localhost")  # another site
            page.goto(victim_site + "/")
            page.fill("#question", "Wat is het OOGO?")
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.querySelectorAll('article.message.bot')"
                                   ".length > 1 && document.querySelector("
                                   "'article.message.bot:last-of-type').getAttribute("
                                   "'aria-busy') === 'false'")
            assert "OOGO" in page.locator("article.message.bot").last.inner_text()

            page.goto(evil_site + "/")
            with page.expect_navigation():
                page.click("#join")
            assert "andere website" in page.content()
            page.goto(evil_site + "/")
            with page.expect_navigation():
                page.evaluate("document.getElementById('f').submit()")
            assert "andere website" in page.content() or "JSON" in page.content()

            page.goto(victim_site + "/api/rounds", wait_until="load")  # GET: not allowed
            page.goto(victim_site + "/api/reports/GM0363.html")  # a key is needed
            assert "API-sleutel" in page.content()
    assert services.regioscan.rounds.role_counts(round_id) == {}

"""Items 2, 3 and the keyboard half of 8: the regioscan completed with the keyboard alone, its
result as charts and tables with downloads and next steps, a round's result per role (only the
groups the server shows), and the preparation document from an OOGO-points answer."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from bot.storage.records import AnswerWrite

from .browser import (
    BOT,
    DESKTOP,
    PHONE,
    ask,
    base_url,
    chromium_browser,
    conversation_id,
    fill_scan_by_api,
    new_page,
    open_chat,
    press,
    wait_answer,
)

pytestmark = pytest.mark.browser


def _focus_by_keyboard(page, prefix: str, key: str = "Tab", limit: int = 25) -> None:
    """Press ``key`` until the focused element's text starts with ``prefix``."""
    for _ in range(limit):
        text = page.evaluate("() => (document.activeElement.textContent || '').trim()")
        if text.lower().startswith(prefix.lower()):
            return
        page.keyboard.press(key)
    raise AssertionError(f"no focusable element starting with {prefix!r} reached by {key}")


def _keyboard_choice(page, prefix: str, key: str = "Tab"):
    before = page.locator(BOT).count()
    _focus_by_keyboard(page, prefix, key)
    page.keyboard.press("Enter")
    return wait_answer(page, before)


def test_regioscan_with_the_keyboard_alone_and_its_result(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *DESKTOP)
        open_chat(page, live_server)
        answer = ask(page, "/regioscan")
        answer = _keyboard_choice(page, "4", key="Shift+Tab")  # from the input back to the scale
        for n in range(2, 17):
            assert answer.locator("progress").get_attribute("value") == str(n)
            answer = _keyboard_choice(page, str(n % 5 + 1) if n < 16 else "weet ik niet")
        answer = _keyboard_choice(page, "bevestig")

        result = answer.locator("section.scan-result")
        assert result.is_visible()
        chart = result.locator("svg[role=img]")
        assert chart.count() == 1
        assert chart.locator("title").text_content() and "Schaal 1 tot 5" in \
            chart.locator("desc").text_content()
        assert result.locator("table").first.locator("tbody tr").count() == 4
        extremes = result.locator("table.extremes tbody tr")
        assert extremes.count() == 4
        assert "Hoogst gescoord" in result.locator("table.extremes").inner_text()
        # said once: the block, not also the outcome text above it; the overall mean and the
        # points to discuss (in the text channels' outcome text) are in the block
        assert "Uitkomst van je regioscan" not in answer.inner_text()
        summary = result.locator(".scan-summary")
        # the last answer was "weet ik niet": answered, but not scored
        assert "(15 van de 16 stellingen gescoord)" in summary.inner_text()
        assert summary.locator("h4").inner_text() == "Om te bespreken"
        assert summary.locator("li").count() >= 1
        # downloads: the caller's own result as PDF and Markdown
        links = result.locator("a.download")
        assert links.all_inner_texts() == ["PDF", "Markdown"]
        url = base_url(page)
        pdf = page.request.get(url + links.nth(0).get_attribute("href"))
        assert pdf.ok and pdf.body()[:4] == b"%PDF"
        md = page.request.get(url + links.nth(1).get_attribute("href"))
        assert md.ok and "Je antwoorden" in md.text()

        # the chart opens enlarged in a dialog; Escape closes it and focus returns
        zoom = result.get_by_role("button", name="Vergroot grafiek", exact=False)
        zoom.click()
        dialog = page.locator("#chart-dialog")
        assert dialog.evaluate("d => d.open")
        assert dialog.locator("svg[role=img]").count() == 1 and dialog.locator("table").count() == 1
        assert page.evaluate("() => document.activeElement.closest('dialog') !== null")
        page.keyboard.press("Escape")
        assert not dialog.evaluate("d => d.open")
        assert page.evaluate("() => document.activeElement.classList.contains('chart-zoom')")

        # "Start een regionale ronde" opens a form that creates a round
        result.get_by_role("button", name="Start een regionale ronde").click()
        round_dialog = page.locator("#round-dialog")
        assert round_dialog.evaluate("d => d.open")
        page.fill("#round-region", "GM0363")
        page.click("#round-form button[type=submit]")
        page.wait_for_function("() => document.querySelector('#round-result').textContent"
                               ".includes('regioscan met code')")
        page.keyboard.press("Escape")
        assert not round_dialog.evaluate("d => d.open")

        # "Bespreekpunten met deze uitslag" asks for the points; they offer the document
        answer = press(page, result.get_by_role("button", name="Bespreekpunten met deze uitslag"))
        assert page.locator("article.message.user").last.inner_text() == \
            "Bespreekpunten met deze uitslag"
        page.reload()  # the result is part of the stored conversation
        page.wait_for_selector("body[data-ready=true]")
        assert page.locator(f"{BOT} section.scan-result svg[role=img]").count() == 1


def test_points_answer_offers_the_preparation_document(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *PHONE)
        open_chat(page, live_server)
        answer = ask(page, "Welke bespreekpunten zijn er voor het OOGO in Zwolle?")
        group = answer.locator(".downloads")
        assert "Download het voorbereidingsdocument" in group.inner_text()
        links = group.locator("a.download")
        assert links.all_inner_texts() == ["PDF", "HTML", "Markdown"]
        # the report of this conversation: it includes the regioscan completed here, if any
        own = conversation_id(page)
        hrefs = [urlsplit(links.nth(i).get_attribute("href")) for i in range(3)]
        assert [h.path for h in hrefs] == [
            "/api/reports/GM0193.pdf", "/api/reports/GM0193.html", "/api/reports/GM0193.md"]
        assert all(parse_qs(h.query) == {"conversation_id": [own]} for h in hrefs), hrefs
        assert links.first.get_attribute("aria-label") == \
            "Voorbereidingsdocument Zwolle downloaden als PDF"
        md = page.request.get(base_url(page) + "/api/reports/GM0193.md")
        assert md.ok and md.text().startswith("# OOGO-voorbereiding Zwolle")
        with page.expect_download() as download:
            links.first.click()
        assert download.value.suggested_filename == "oogo-rapport-GM0193.pdf"


def _session_conversation(page) -> str:
    cookie = next(c for c in page.context.cookies() if c["name"] == "oogo_session")
    session = cookie["value"].rpartition(".")[0]
    return f"web:{session}:" + page.evaluate("localStorage.getItem('oogo.conversation')")


def _closed_round(services) -> str:
    """A closed round of GM0363 that the anonymity rules let show per role: 10 gemeente and 10
    swv respondents (each group of 10 with 5 unlike the most common theme score), and a rest of
    10 in roles too small to be named (4 jeugdhulp, 4 onderwijs, 2 anders) that passes too."""
    service = services.regioscan
    record, code, token = service.create_round("GM0363", "Testronde")
    questions = [q.id for q in service.definition.questions]
    people = ([("gemeente", 5), ("gemeente", 4)] * 5 + [("swv", 3), ("swv", 2)] * 5
              + [("jeugdhulp", 5), ("onderwijs", 3)] * 4 + [("anders", 5), ("anders", 3)])
    for n, (role, value) in enumerate(people):
        respondent = service.rounds.add_respondent(record.id, f"test:r{code}{n}", role)
        scan = service.scans.create(f"test:r{code}{n}", f"test:{code}:{n}", {"phase": "done"},
                                    round_id=record.id, respondent_id=respondent.id)
        service.scans.apply(scan.id, status="submitted", submitted=True,
                            answers=[AnswerWrite(q, value - (i % 2)) for i, q in
                                     enumerate(questions)])
    service.close_round(code, token)
    return code


def test_a_round_result_per_role_shows_only_the_groups_the_server_shows(
        live_server: str, real_services) -> None:
    code = _closed_round(real_services)
    result = real_services.regioscan.round_result(code)
    with chromium_browser() as browser:
        page = new_page(browser, *PHONE)
        open_chat(page, live_server)
        reply = {"text": "De uitslag van de ronde.", "intent": "regioscan", "language": "nl",
                 "answer_id": "r1",
                 # the shape the core stores (bot/core/scanning.py): the result itself carries no
                 # invitation code, the reply's scan_result names it as its reference
                 "scan_result": {"kind": "round", "ref": code, **result.to_dict()}}
        real_services.turn_store.append(_session_conversation(page), "uitslag van de ronde",
                                        reply)
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        block = page.locator(f"{BOT} section.scan-result")
        series = block.locator("svg .series-label").all_text_contents()
        # exactly the groups the server publishes, in its order; the data lets it show two
        # roles, and the small roles (jeugdhulp, onderwijs, anders) are never named
        published = result.to_dict()
        shown = list(published["chart"]["series"])
        assert published["roles_shown"] == ["gemeente", "swv"]
        assert all(v is not None for values in published["chart"]["series"].values()
                   for v in values)
        assert sorted(set(series)) == sorted(shown)
        header = block.locator("table").first.locator("thead th").all_inner_texts()
        assert header[1:] == shown
        assert not {"jeugdhulp", "school/onderwijs", "anders"} & set(header + series)
        link = block.locator("a.download").first
        assert f"ref={code}" in link.get_attribute("href")
        pdf = page.request.get(base_url(page) + link.get_attribute("href"))
        assert pdf.ok and pdf.body()[:4] == b"%PDF"
        # a region code never works as a reference to a round
        assert page.request.get(base_url(page) + "/api/chat/scan-result.md?ref=GM0363").status \
            == 404


def test_scan_result_of_another_user_is_not_served(live_server: str) -> None:
    with chromium_browser() as browser:
        owner = new_page(browser, *DESKTOP)
        open_chat(owner, live_server)
        reply = fill_scan_by_api(owner, 16)
        confirm = next(b for b in reply["buttons"] if b["label"].startswith("bevestig"))
        from .browser import api_turn, conversation_id

        done = api_turn(owner, choice=confirm["value"], conversation_id=conversation_id(owner))
        ref = done["scan_result"]["ref"]
        url = base_url(owner)
        assert owner.request.get(f"{url}/api/chat/scan-result.md?ref={ref}").ok
        stranger = new_page(browser, *DESKTOP)
        open_chat(stranger, live_server)
        response = stranger.request.get(f"{url}/api/chat/scan-result.md?ref={ref}")
        assert response.status == 404 and "hoort niet bij jou" in response.json()["detail"]
        same_id = stranger.request.get(
            f"{url}/api/chat/scan-result.pdf?conversation_id={conversation_id(owner)}")
        assert same_id.status == 404

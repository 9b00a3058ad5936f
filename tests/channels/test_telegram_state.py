"""Telegram across webhook workers and restarts, and the bot's own robustness (issue 20).

Real python-telegram-bot against the fake Bot API; the core is the real one, with the state in a
shared SQLite database. "Two workers" are two apps, each with its own services on the same data
directory (as two ``oogo serve`` worker processes share one database); a restart is an app and its
services closed and new ones built on the same directory.
"""

from __future__ import annotations

import asyncio
import logging
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.channels.telegram import handlers, texts
from bot.channels.telegram.app import build_telegram_app
from bot.channels.telegram.render import ROW_FIT, keyboard_rows, reply_text
from bot.core.messages import Button, DocumentOffer, Reply

from .conftest import TOKEN
from .fakes import FakeServices

SECRET = "geheim-webhook-token"
REGION_SET = "Je regio staat nu op"


@contextmanager
def webhook_worker(data_dir: Path, url: str, patch: Any = None, **extra: Any):
    """One worker: its own services on ``data_dir`` and the API app with the webhook."""
    from bot.channels.api.app import create_app
    from bot.services import build_services
    from bot.settings import Settings

    settings = Settings(data_dir=data_dir, telegram_token=TOKEN, telegram_webhook_secret=SECRET,
                        telegram_base_url=f"{url}/bot", rate_limit_per_minute=100_000,
                        _env_file=None, **extra)
    services = build_services(settings)
    if patch is not None:
        patch(services)
    try:
        with TestClient(create_app(services, settings)) as client:
            def post(update: dict) -> None:
                response = client.post("/telegram/webhook", json=update,
                                       headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
                assert response.status_code == 200, response.text

            yield post
    finally:
        services.close()


def _texts_to(api, chat_id: int) -> list[str]:
    return [str(c.params.get("text", "")) for c in api.sent("sendMessage")
            if str(c.params.get("chat_id")) == str(chat_id)]


def test_region_after_start_on_another_worker(botapi, tmp_path) -> None:
    api, url = botapi
    data_dir = tmp_path / "var"
    with webhook_worker(data_dir, url) as first, webhook_worker(data_dir, url) as second:
        chats = {701: "Deventer", 702: "Zwolle", 703: "Utrecht", 704: "Almere",
                 705: "Groningen", 706: "Maastricht"}
        for number, (chat_id, region) in enumerate(chats.items()):
            start, answer = (first, second) if number % 2 == 0 else (second, first)
            start(api.message_update("/start", chat_id=chat_id))
            answer(api.message_update(region, chat_id=chat_id))
    for chat_id, region in chats.items():
        said = _texts_to(api, chat_id)
        assert "Welkom" in said[0]
        assert f"{REGION_SET} {region}" in said[-1], said[-1]


def test_region_after_start_survives_a_restart(botapi, tmp_path) -> None:
    api, url = botapi
    data_dir = tmp_path / "var"
    with webhook_worker(data_dir, url) as before:
        before(api.message_update("/start", chat_id=711))
    with webhook_worker(data_dir, url) as after:  # a new process: nothing in memory
        after(api.message_update("Deventer", chat_id=711))
        after(api.message_update("Hoe hoog is de NEET bij ons?", chat_id=711))
    said = _texts_to(api, 711)
    assert f"{REGION_SET} Deventer" in said[1], said
    assert "Deventer" in said[2]


def test_long_button_token_works_on_another_worker(botapi, tmp_path) -> None:
    """A follow-up too long for callback data, sent by one worker, pressed on the other."""
    api, url = botapi
    data_dir = tmp_path / "var"
    question = ("Hoe heeft het jeugdzorggebruik in het voortgezet speciaal onderwijs in "
                "Deventer zich de afgelopen jaren ontwikkeld?")
    offer = Reply(text="Wil je verder kijken?", followups=[question])
    with webhook_worker(data_dir, url, patch=lambda s: setattr(
            s.assistant, "handle", lambda message: offer)) as first, \
            webhook_worker(data_dir, url) as second:
        first(api.message_update("Wat kan ik nog vragen?", chat_id=712))
        markup = api.sent("sendMessage")[-1].params["reply_markup"]
        data = markup["inline_keyboard"][0][0]["callback_data"]
        assert data.startswith("t:q") and len(data.encode()) <= 64
        second(api.callback_update(data, chat_id=712))
    answer = _texts_to(api, 712)[-1]
    assert "Deventer" in answer and "2019" in answer, answer


async def _process(application, update: dict) -> None:
    from telegram import Update

    await application.process_update(Update.de_json(update, application.bot))


def _failures(api) -> list[str]:
    return [t for t in (str(c.params.get("text", "")) for c in api.sent("sendMessage"))
            if t == texts.text("failed")]


async def test_double_tap_and_harmless_400s_are_quiet(botapi, channel_settings, caplog) -> None:
    api, url = botapi
    application = build_telegram_app(FakeServices(channel_settings), TOKEN,
                                     base_url=f"{url}/bot")
    async with application:
        await _process(application, api.message_update("scan", chat_id=721))
        sent = api.sent("sendMessage")[-1]
        message = {"message_id": sent.result["message_id"], "date": 0, "text": "…",
                   "chat": {"id": 721, "type": "private"}}
        tap = sent.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        await _process(application, api.callback_update(tap, message, chat_id=721))
        answers_before = len(application.bot_data["services"].assistant.seen)
        await _process(application, api.callback_update(tap, message, chat_id=721))
        assert len(application.bot_data["services"].assistant.seen) == answers_before
    assert texts.text("used") in str(api.sent("answerCallbackQuery")[-1].params.get("text"))
    assert not _failures(api)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR
                and r.name.startswith(("bot", "telegram"))]


async def test_harmless_refusal_reaches_no_user(botapi, channel_settings) -> None:
    from telegram.error import BadRequest

    sent: list[str] = []

    class Chat:
        async def send_message(self, text: str, **kwargs: Any) -> None:
            sent.append(text)

    class Update:
        effective_chat = Chat()

    class Context:
        error = BadRequest("Query is too old and response timeout expired or query id is "
                           "invalid")

    await handlers.on_error(Update(), Context())
    assert not sent
    Context.error = BadRequest("Can't parse entities")
    await handlers.on_error(Update(), Context())
    assert sent == [texts.text("failed")]


MALFORMED: list[dict[str, Any]] = [
    {"update_id": 9001},
    {"update_id": 9002, "message": {"message_id": 1, "date": 0,
                                    "chat": {"id": 731, "type": "private"}}},
    {"update_id": 9003, "message": {"message_id": 2, "date": 0, "text": "Wat is het OOGO?",
                                    "chat": {"id": 731, "type": "private"}}},
    {"update_id": 9004, "message": {"message_id": 3, "date": 0, "text": "   ",
                                    "chat": {"id": 731, "type": "private"}}},
    {"update_id": 9005, "callback_query": {"id": "1", "chat_instance": "x",
                                           "from": {"id": 731, "is_bot": False,
                                                    "first_name": "T"}}},
    {"update_id": 9006, "callback_query": {"id": "2", "chat_instance": "x", "data": "t:cNOPE",
                                           "from": {"id": 731, "is_bot": False,
                                                    "first_name": "T"}}},
    {"update_id": 9007, "callback_query": {"id": "3", "chat_instance": "x", "data": "zz",
                                           "from": {"id": 731, "is_bot": False,
                                                    "first_name": "T"},
                                           "message": {"message_id": 4, "date": 0,
                                                       "chat": {"id": 731,
                                                                "type": "private"}}}},
    {"update_id": 9008, "message": {"message_id": 5, "date": 0, "text": "x" * 5000,
                                    "chat": {"id": 731, "type": "private"},
                                    "from": {"id": 731, "is_bot": False, "first_name": "T"}}},
    {"update_id": 9009, "message": {"message_id": 6, "date": 0, "text": "/regio",
                                    "entities": [{"type": "bot_command", "offset": 0,
                                                  "length": 6}],
                                    "chat": {"id": 731, "type": "private"}}},
    {"update_id": 9010, "edited_message": {"message_id": 7, "date": 0, "text": "Hallo",
                                           "chat": {"id": 731, "type": "private"}}},
]


async def test_malformed_updates_never_crash_a_handler(botapi, channel_settings,
                                                       caplog) -> None:
    api, url = botapi
    application = build_telegram_app(FakeServices(channel_settings), TOKEN,
                                     base_url=f"{url}/bot")
    caplog.set_level(logging.INFO)
    async with application:
        for update in MALFORMED:
            await _process(application, update)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR
              and r.name.startswith(("bot", "telegram"))]
    assert not errors, [r.getMessage() for r in errors]
    assert not _failures(api)
    said = _texts_to(api, 731)
    assert texts.text("too_long") in said and texts.text("ask_region") in said
    assert any("Wat is het OOGO?" in t for t in said)  # a message without a sender still works


async def test_the_channels_own_sentences_follow_the_reply_language(botapi,
                                                                    channel_settings) -> None:
    """After an English reply, "too long", "expired button" and "which region?" are English; the
    command menu is published in Dutch (default) and English."""
    from bot.channels.telegram.app import publish_menu

    api, url = botapi
    services = FakeServices(channel_settings)
    answer = services.assistant.handle

    def english(message):
        reply = answer(message)
        reply.language = "en"
        return reply

    services.assistant.handle = english
    application = build_telegram_app(services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _process(application, api.message_update("How high is NEET?", chat_id=751))
        await _process(application, api.message_update("x" * 5000, chat_id=751))
        await _process(application, api.message_update("/regio", chat_id=751))
        await _process(application, api.callback_update("t:cunknowntoken", chat_id=751))
        await _process(application, api.message_update("x" * 5000, chat_id=752))
        await publish_menu(application.bot)
    assert _texts_to(api, 751)[1:] == [texts.text("too_long", "en"),
                                       texts.text("ask_region", "en")]
    assert texts.text("too_long", "en") != texts.text("too_long", "nl")
    assert _texts_to(api, 752) == [texts.text("too_long", "nl")]  # before any reply: Dutch
    stale = api.sent("answerCallbackQuery")[-1].params.get("text")
    assert stale == texts.text("stale", "en")
    menus = api.sent("setMyCommands")
    assert [m.params.get("language_code") for m in menus] == [None, "en"]
    assert "Discussion points for the OOGO" in str(menus[1].params["commands"])


async def test_typing_is_kept_alive_while_the_core_works(botapi, channel_settings,
                                                        monkeypatch) -> None:
    api, url = botapi
    services = FakeServices(channel_settings)
    seen = services.assistant.handle

    def slow(message):
        import time

        time.sleep(1.0)
        return seen(message)

    services.assistant.handle = slow
    monkeypatch.setattr(handlers, "TYPING_EVERY", 0.2)
    application = build_telegram_app(services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _process(application, api.message_update("Wat is het OOGO?", chat_id=741))
        await asyncio.sleep(0.5)  # no more typing once the answer is out
    actions = api.sent("sendChatAction")
    assert len(actions) >= 4, len(actions)
    last_action = max(i for i, c in enumerate(api.calls) if c.method == "sendChatAction")
    last_message = max(i for i, c in enumerate(api.calls) if c.method == "sendMessage")
    assert last_action < last_message


def test_scale_buttons_fit_a_phone() -> None:
    scale = ["1 helemaal oneens", "2 oneens", "3 neutraal", "4 eens", "5 helemaal eens",
             "weet ik niet", "overslaan"]
    reply = Reply(text="Vraag 1 van 16", buttons=[Button(b, f"rs:1:{i}")
                                                 for i, b in enumerate(scale)])
    rows = keyboard_rows(reply, {})
    assert len(rows) <= 4, rows
    assert [label for row in rows for label, _ in row] == scale
    assert all(max(len(label) for label, _ in row) <= ROW_FIT[len(row)] for row in rows)


def test_one_form_of_address() -> None:
    from prompts.loader import templates

    own = [templates("channels").get(name, "nl").text for name in templates("channels").names()]
    own += [description for _, description in texts.commands("nl")]
    assert any("je " in text for text in own)
    for text in own:
        assert not re.search(r"\b(?:u|uw|U|Uw)\b", text), text


def test_each_piece_of_chrome_once(real_services) -> None:
    from bot.core.messages import IncomingMessage

    def ask(text: str, conversation: str) -> Reply:
        return real_services.assistant.handle(IncomingMessage(
            channel="telegram", conversation_id=conversation, user_id="u", text=text))

    figures = reply_text(ask("Hoeveel jongeren in Zwolle zijn NEET?", "tg:chrome1"))
    for part in ("Definitie:", "Bron:", "demonstratiecijfers"):
        assert figures.count(part) == 1, (part, figures)
    scan = reply_text(ask("/regioscan", "tg:chrome2"))
    assert len(re.findall(r"[Vv]raag 1 van 16", scan)) == 1, scan
    knowledge = reply_text(ask("Wat is thuiszitten?", "tg:chrome3"))
    cited = [line for line in knowledge.splitlines() if line.startswith("Bron:")]
    assert cited and len(cited) == len(set(cited)), knowledge


async def test_preparation_document_is_sent_as_pdf(botapi, real_services, monkeypatch) -> None:
    api, url = botapi
    offer = Reply(text="Hier is het voorbereidingsdocument voor Zwolle.", intent="oogo",
                  documents=[DocumentOffer(kind="report", label="Voorbereidingsdocument",
                                           region="GM0193")])
    monkeypatch.setattr(real_services.assistant, "handle", lambda message: offer)
    application = build_telegram_app(real_services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _process(application, api.message_update("maak het voorbereidingsdocument",
                                                        chat_id=751))
    documents = api.sent("sendDocument")
    assert len(documents) == 1
    assert documents[0].files["document"].startswith(b"%PDF")
    assert "Zwolle" in str(documents[0].params.get("caption"))
    assert any(c.params.get("action") == "upload_document" for c in api.sent("sendChatAction"))


async def test_report_failure_names_its_cause(botapi, real_services, monkeypatch) -> None:
    from bot.channels.telegram import documents
    from bot.oogo.report_render import ReportRenderError

    api, url = botapi
    offer = Reply(text="Het document:", documents=[DocumentOffer(kind="report", label="PDF",
                                                                 region="GM0193")])
    monkeypatch.setattr(real_services.assistant, "handle", lambda message: offer)

    def broken(services, region, conversation_id=None):
        raise ReportRenderError("Het sjabloon van het voorbereidingsdocument ontbreekt in deze "
                                "installatie (report.html.j2).")

    monkeypatch.setattr(documents, "build_report_pdf", broken)
    application = build_telegram_app(real_services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _process(application, api.message_update("maak het voorbereidingsdocument",
                                                        chat_id=752))
    said = _texts_to(api, 752)
    assert any("report.html.j2" in t for t in said) and not api.sent("sendDocument")
    assert not _failures(api)


@pytest.fixture
def echo_llm(monkeypatch):
    from tests.hardening.fake_llm import FakeLlm, openai_env

    state = FakeLlm(mode="echo")
    with openai_env(monkeypatch, state):
        yield state


async def test_llm_text_keeps_the_chrome_in_telegram(botapi, echo_llm, tmp_path) -> None:
    from bot.services import build_services
    from bot.settings import Settings
    from tests.hardening.fake_llm import ECHO_PREFIX

    api, url = botapi
    services = build_services(Settings(data_dir=tmp_path / "var", llm="openai:gpt-4o-mini",
                                       _env_file=None))
    try:
        application = build_telegram_app(services, TOKEN, base_url=f"{url}/bot")
        async with application:
            await _process(application, api.message_update("Hoe hoog is de NEET in Zwolle?",
                                                            chat_id=761))
    finally:
        services.close()
    assert echo_llm.calls
    message = [c for c in api.sent("sendMessage") if str(c.params["chat_id"]) == "761"][-1]
    text = str(message.params["text"])
    assert text.startswith(ECHO_PREFIX), text
    for part in ("Definitie:", "Bron:", "demonstratiecijfers"):
        assert text.count(part) == 1, (part, text)
    last = [c for c in api.sent("sendMessage", "sendPhoto")
            if str(c.params["chat_id"]) == "761"][-1]  # the chart, when there is one
    assert last.params["reply_markup"]["inline_keyboard"]  # the follow-up buttons

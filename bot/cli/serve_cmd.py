"""``oogo serve`` (the web service with the chat page) and ``oogo telegram`` (the Telegram bot).

``serve`` runs uvicorn in factory mode so that every worker builds its own app from the
environment (``OOGO_*``); ``telegram`` long-polls the Bot API, or with ``--set-webhook URL``
registers the API's webhook endpoint (with the secret token) and exits.
"""

from __future__ import annotations

import logging
import os

import typer

from bot.cli.common import fail, load_settings, text, with_help

log = logging.getLogger(__name__)


def register(app: typer.Typer) -> None:
    """Add this group's commands to the oogo app."""

    def serve(
        host: str | None = typer.Option(None),
        port: int | None = typer.Option(None),
        workers: int | None = typer.Option(None),
    ) -> None:
        """The web service with the chat page (help: prompts/cli help_serve*)."""
        settings = load_settings()
        chosen_workers = workers or settings.workers
        # BLAS threads as the embedding model uses them (OOGO_USE_THREADS), set before numpy
        # is imported: OpenBLAS otherwise starts a thread per core at import (0.1 s of every
        # start) that the model never uses; an operator's own setting wins
        os.environ.setdefault("OPENBLAS_NUM_THREADS", str(settings.use_threads))
        if chosen_workers == 1:  # this process is the worker: see startup.pause_gc
            from bot.channels.api.startup import pause_gc

            pause_gc()
        import uvicorn

        from bot.channels.api.jsonlog import logging_config
        from bot.channels.api.startup import StartupError, check_data_dir

        try:
            check_data_dir(settings)  # a read-only data dir: one clear message, no traceback
        except StartupError as exc:
            fail(str(exc))
        chosen_host = host or settings.host
        chosen_port = port or settings.port
        typer.echo(text("serve_starting", host=chosen_host, port=chosen_port))
        uvicorn.run(
            "bot.channels.api.app:serve_app",
            factory=True,
            host=chosen_host,
            port=chosen_port,
            workers=chosen_workers,
            log_config=logging_config(settings.log_level),
            proxy_headers=False,  # the app itself decides which proxies to trust
            server_header=False,
            ws="none",  # no WebSocket routes: their protocol module is not even imported
        )

    def telegram(
        set_webhook: str | None = typer.Option(None, "--set-webhook"),
        delete_webhook: bool = typer.Option(False, "--delete-webhook"),
    ) -> None:
        """The Telegram bot, polling, or its webhook (help: prompts/cli help_telegram*)."""
        import logging.config

        from bot.channels.api.jsonlog import logging_config
        from bot.channels.telegram.app import build_telegram_app, manage_webhook
        from bot.services import build_services

        settings = load_settings()
        logging.config.dictConfig(logging_config(settings.log_level))
        if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
            fail(text("telegram_no_token"))
        services = build_services(settings)
        token = settings.telegram_token.get_secret_value()
        application = build_telegram_app(services, token, base_url=settings.telegram_base_url)
        if set_webhook or delete_webhook:
            secret = settings.telegram_webhook_secret
            if set_webhook and (secret is None or not secret.get_secret_value()):
                fail(text("telegram_no_webhook_secret"))
            message = manage_webhook(application, set_webhook, settings.telegram_webhook_secret)
            typer.echo(message)
            return
        typer.echo(text("telegram_polling"))
        try:
            application.run_polling(drop_pending_updates=False)
        finally:
            services.close()

    app.command("serve")(with_help(serve, "serve"))
    app.command("telegram")(with_help(telegram, "telegram"))

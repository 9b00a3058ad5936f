"""``oogo serve`` (the web service with the chat page) and ``oogo telegram`` (the Telegram bot).

``serve`` runs uvicorn in factory mode so that every worker builds its own app from the
environment (``OOGO_*``); ``telegram`` long-polls the Bot API, or with ``--set-webhook URL``
registers the API's webhook endpoint (with the secret token) and exits.
"""

from __future__ import annotations

import logging

import typer

from bot.cli.common import fail, load_settings

log = logging.getLogger(__name__)


def register(app: typer.Typer) -> None:
    """Add this group's commands to the oogo app."""

    @app.command("serve")
    def serve(
        host: str | None = typer.Option(None, help="Adres (standaard OOGO_HOST)."),
        port: int | None = typer.Option(None, help="Poort (standaard OOGO_PORT, 8000)."),
        workers: int | None = typer.Option(None, help="Aantal workers (standaard OOGO_WORKERS)."),
    ) -> None:
        """Start de webservice met de chatpagina op http://HOST:PORT."""
        import uvicorn

        from bot.channels.api.jsonlog import logging_config
        from bot.channels.api.startup import StartupError, check_data_dir

        settings = load_settings()
        try:
            check_data_dir(settings)  # a read-only data dir: one clear message, no traceback
        except StartupError as exc:
            fail(str(exc))
        chosen_host = host or settings.host
        chosen_port = port or settings.port
        typer.echo(f"OOGO-assistent start op http://{chosen_host}:{chosen_port} "
                   f"(stoppen met Ctrl+C)")
        uvicorn.run(
            "bot.channels.api.app:create_app",
            factory=True,
            host=chosen_host,
            port=chosen_port,
            workers=workers or settings.workers,
            log_config=logging_config(settings.log_level),
            proxy_headers=False,  # the app itself decides which proxies to trust
            server_header=False,
        )

    @app.command("telegram")
    def telegram(
        set_webhook: str | None = typer.Option(
            None, "--set-webhook",
            help="Registreer deze https-URL (…/telegram/webhook) als webhook en stop."),
        delete_webhook: bool = typer.Option(False, "--delete-webhook",
                                            help="Verwijder de webhook en stop."),
    ) -> None:
        """Start de Telegram-bot (polling), of beheer de webhook."""
        import logging.config

        from bot.channels.api.jsonlog import logging_config
        from bot.channels.telegram.app import build_telegram_app, manage_webhook
        from bot.services import build_services

        settings = load_settings()
        logging.config.dictConfig(logging_config(settings.log_level))
        if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
            fail("Stel eerst OOGO_TELEGRAM_TOKEN in (het token van @BotFather).")
        services = build_services(settings)
        token = settings.telegram_token.get_secret_value()
        application = build_telegram_app(services, token, base_url=settings.telegram_base_url)
        if set_webhook or delete_webhook:
            secret = settings.telegram_webhook_secret
            if set_webhook and (secret is None or not secret.get_secret_value()):
                fail("Stel eerst OOGO_TELEGRAM_WEBHOOK_SECRET in.")
            message = manage_webhook(application, set_webhook, settings.telegram_webhook_secret)
            typer.echo(message)
            return
        typer.echo("Telegram-bot draait (polling). Stoppen met Ctrl+C.")
        try:
            application.run_polling(drop_pending_updates=False)
        finally:
            services.close()

"""The Telegram channel (python-telegram-bot 22): ``build_telegram_app(services, token)``.

Only translates: Telegram updates become ``IncomingMessage``s for the one core, and ``Reply``s
become messages, photos and inline keyboards. Nothing is built at import time.
"""

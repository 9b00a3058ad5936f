"""The HTTP channel: a FastAPI app (``create_app``) with the JSON API and the web chat page.

Nothing is built at import time; ``bot.channels.api.app.create_app`` is the factory.
"""

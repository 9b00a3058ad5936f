"""Alembic migrations of the OOGO schema (run in code by ``bot.storage.db.migrate``)."""

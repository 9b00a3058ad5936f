"""Durable storage: SQLAlchemy models, the engine factory, Alembic migrations and the stores.

SQLite (WAL) in the data directory is the embedded default; PostgreSQL is used when
``OOGO_DATABASE_URL`` points at one. Importing this package does no work: build an engine with
``bot.storage.db.make_engine`` and migrate it with ``bot.storage.db.migrate``.
"""

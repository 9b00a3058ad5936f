"""Alembic environment: runs on the connection that ``bot.storage.db.migrate`` passes in.

There is no alembic.ini at run time; the Config is built in code with the connection in
``config.attributes["connection"]``, so the same engine settings (WAL, timeouts) apply.
"""

from __future__ import annotations

from alembic import context

from bot.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("Gebruik bot.storage.db.migrate(engine) om de database bij te werken.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()

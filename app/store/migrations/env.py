"""Alembic environment: runs the revisions on the connection that ``app.store.migrate`` passes.

Poise never reads an alembic.ini at run time; the connection (already inside the
store's error handling and write lock) arrives in ``config.attributes``.
"""

from __future__ import annotations

from alembic import context

from app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the migrations through app.store.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()

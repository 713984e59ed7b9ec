"""Alembic environment and revisions of the meeting store; shipped inside the package."""

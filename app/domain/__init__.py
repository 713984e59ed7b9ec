"""Plain-Python core of Poise: playbooks, meeting state and the signal protocol.

Nothing here imports Qt, SQLAlchemy or any other layer of the app; an
import-linter contract in ``pyproject.toml`` keeps it that way.
"""

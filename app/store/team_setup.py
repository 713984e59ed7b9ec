"""Setting up a team's PostgreSQL: run once by an administrator, then one line per person.

``setup_team`` brings the schema to this Poise's head (the revisions switch on row-level
security: ``app.store.privacy_schema``), creates the team's group role and grants it what
the app needs on the tables, and nothing more: the tables stay the administrator's, so
no one who runs the app can alter them or switch the policies off. ``add_person`` makes a
login role in the group; ``remove_person`` drops it, ends its open sessions and takes back
what was shared with it. ``poise team …`` (``app.cli``) calls these and prints the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL

from app.store import privacy_schema
from app.store.db import Location, make_engine, resolve_location, translated_errors
from app.store.migrate import VERSION_TABLE, upgrade_to_head
from app.translation import translate

DEFAULT_GROUP = "poise_team"
# What PostgreSQL takes as a role name without quotes: so it reads the same in psql.
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class TeamSetupError(ValueError):
    """The administrator asked for something that cannot be done; the message says why."""


def checked_role_name(name: str) -> str:
    if not ROLE_NAME.fullmatch(name):
        raise TeamSetupError(
            translate(
                "TeamSetup",
                "“{name}” is not a plain role name: use lower-case letters, digits "
                "and _, starting with a letter (at most 63).",
            ).format(name=name)
        )
    return name


@dataclass(frozen=True, slots=True)
class NewPerson:
    """What to hand a person just added: where to connect, and how to set a password."""

    name: str
    url: str
    password_command: str


@contextmanager
def _as_administrator(url: str | URL) -> Iterator[tuple[Connection, Location]]:
    """One transaction on the team's database, its errors in the user's words."""
    engine, location = _engine(url)
    try:
        with translated_errors(location), engine.begin() as connection:
            yield connection, location
    finally:
        engine.dispose()


def _engine(url: str | URL) -> tuple[Engine, Location]:
    location = resolve_location(url)
    if location.is_sqlite:
        raise TeamSetupError(
            translate(
                "TeamSetup",
                "A team needs a PostgreSQL database (postgresql+psycopg://…): "
                "on SQLite Poise keeps one person's notes.",
            )
        )
    return make_engine(location), location


def _role_exists(connection: Connection, name: str) -> bool:
    found = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name})
    return found is not None


def setup_team(url: str | URL, group: str = DEFAULT_GROUP) -> list[str]:
    """Schema, group role and grants; safe to run again (after an upgrade of Poise, too)."""
    checked_role_name(group)
    engine, location = _engine(url)
    try:
        upgrade_to_head(engine, location)
        done: list[str] = []
        with translated_errors(location), engine.begin() as connection:
            if not _role_exists(connection, group):
                connection.execute(text(f"CREATE ROLE {group} NOLOGIN"))
                done.append(translate("TeamSetup", "Created the group role {group}."))
            schema = connection.scalar(text("SELECT current_schema()"))
            tables = ", ".join(privacy_schema.OWNED_AT_HEAD)
            for statement in (
                # Only the administrator creates tables in Poise's schema.
                f'REVOKE CREATE ON SCHEMA "{schema}" FROM PUBLIC',
                f'GRANT USAGE ON SCHEMA "{schema}" TO {group}',
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {group}",
                f"GRANT SELECT ON {VERSION_TABLE} TO {group}",
                f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {group}',
            ):
                connection.execute(text(statement))
            owner = connection.scalar(text("SELECT current_user"))
        done.append(
            translate(
                "TeamSetup",
                "The schema is at the newest revision, owned by {owner}; members of {group} "
                "may read and write their own rows only.",
            ).format(owner=owner, group=group)
        )
        return done
    finally:
        engine.dispose()


def add_person(url: str | URL, name: str, group: str = DEFAULT_GROUP) -> NewPerson:
    """A login role for one person, in the team's group (which must exist: setup first)."""
    checked_role_name(name)
    checked_role_name(group)
    with _as_administrator(url) as (connection, location):
        if not _role_exists(connection, group):
            raise TeamSetupError(
                translate(
                    "TeamSetup",
                    "There is no group role {group} yet: run 'poise team setup URL' first.",
                ).format(group=group)
            )
        if _role_exists(connection, name):
            raise TeamSetupError(
                translate("TeamSetup", "A role named {name} exists already.").format(name=name)
            )
        connection.execute(text(f"CREATE ROLE {name} LOGIN IN ROLE {group}"))
    person_url = location.url.set(username=name, password=None)
    return NewPerson(
        name=name,
        url=person_url.render_as_string(hide_password=False),
        password_command=f"psql \"{_libpq_url(person_url)}\" -c '\\password'",
    )


def remove_person(url: str | URL, name: str) -> list[str]:
    """Drop the person's role: their sessions end now; their rows stay, readable by no one
    but an administrator who bypasses row security."""
    checked_role_name(name)
    with _as_administrator(url) as (connection, _location):
        if not _role_exists(connection, name):
            raise TeamSetupError(
                translate("TeamSetup", "There is no role named {name}.").format(name=name)
            )
        connection.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"),
            {"n": name},
        )
        # A later colleague given the same name must not inherit what was shared.
        connection.execute(text("DELETE FROM shares WHERE with_role = :n"), {"n": name})
        connection.execute(text(f"DROP ROLE {name}"))
    return [translate("TeamSetup", "Removed {name}; their sessions were ended.").format(name=name)]


def _libpq_url(url: URL) -> str:
    """The URL as psql writes it (no SQLAlchemy driver name)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)

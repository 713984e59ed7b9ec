"""A team's database on the throwaway PostgreSQL: set up as ``poise team setup`` does it.

The server's superuser is the administrator (it owns the tables); alice, bob and carol
are people added with ``poise team add``; ``outsider`` is a login role outside the team,
given the same table rights directly, so only row security keeps it out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from sqlalchemy.engine import make_url

from app.store import privacy_schema
from app.store.team_setup import add_person, setup_team
from tests.store.postgres_server import PostgresServer

PEOPLE = ("alice", "bob", "carol")
OUTSIDER = "outsider"


@dataclass(frozen=True)
class TeamDatabase:
    server: PostgresServer
    admin_url: str

    @property
    def name(self) -> str:
        return self.admin_url.rsplit("/", 1)[1]

    def url_of(self, role: str) -> str:
        return make_url(self.admin_url).set(username=role).render_as_string(hide_password=False)

    @contextmanager
    def raw(self, role: str) -> Iterator[psycopg.Connection]:
        """Plain psycopg as that role: no Poise code between the person and the database."""
        connection = psycopg.connect(
            host="127.0.0.1", port=self.server.port, user=role, dbname=self.name, autocommit=True
        )
        try:
            yield connection
        finally:
            connection.close()


def make_team_database(server: PostgresServer) -> TeamDatabase:
    url = server.create_database()
    setup_team(url)
    for person in PEOPLE:
        add_person(url, person)
    team = TeamDatabase(server, url)
    with team.raw("poise_test") as admin:
        if admin.execute(f"SELECT 1 FROM pg_roles WHERE rolname = '{OUTSIDER}'").fetchone() is None:
            admin.execute(f"CREATE ROLE {OUTSIDER} LOGIN")
        tables = ", ".join(privacy_schema.OWNED_AT_HEAD)
        admin.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {OUTSIDER}")
    return team


def drop_team_database(team: TeamDatabase) -> None:
    # Roles belong to the whole cluster: the next test's team starts from none. Their
    # rights in this database go first (DROP OWNED, here), then the database, then they.
    with team.raw("poise_test") as admin:
        admin.execute(f"DROP OWNED BY {OUTSIDER}, poise_team")
    team.server.drop_database(team.admin_url)
    with team.server.admin_connect() as admin:
        admin.execute(f"DROP ROLE IF EXISTS {', '.join(PEOPLE)}, {OUTSIDER}, poise_team")

"""Store test fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is started once per session by ``postgres_server.py``. When its
binaries are missing the PostgreSQL half is skipped locally, but fails under CI
(``CI`` set) so that CI can never pass by silently skipping it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import Store, open_store
from tests.store.postgres_server import PostgresServer, start_server

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = start_server()
    if server is None:
        message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
        if _in_ci():
            pytest.fail(f"{message}: CI must run the PostgreSQL store tests", pytrace=False)
        pytest.skip(f"{message}; install the 'postgresql' package to run these tests")
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file in the test's data folder, or a PostgreSQL one."""
    if request.param == "sqlite":
        yield f"sqlite:///{data_dir / 'poise.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    try:
        yield url
    finally:
        server.drop_database(url)


@pytest.fixture
def backend(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgres"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """The shared ``store`` fixture, here on each backend and quick to retry a lock."""
    opened = open_store(database_url, retry_interval=0.2)
    try:
        yield opened
    finally:
        opened.close()

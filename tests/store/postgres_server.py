"""A throwaway PostgreSQL cluster for the store tests, on 127.0.0.1 only.

The cluster is made with Debian's ``initdb`` in a temporary folder, listens on a
free loopback port with its socket in that folder, and is stopped and deleted
at the end of the session. As root the server runs as the ``postgres`` user
(PostgreSQL refuses to run as root). Each test gets its own database.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import psycopg

PREFERRED_MAJOR = 15
SERVER_USER = "poise_test"


def find_bin_dir() -> Path | None:
    """Debian's PostgreSQL binaries, version 15 preferred, else the newest installed."""
    candidates: list[tuple[int, Path]] = []
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        with contextlib.suppress(ValueError):
            candidates.append((int(initdb.parent.parent.name), initdb.parent))
    if not candidates:
        found = shutil.which("initdb")
        return Path(found).parent if found else None
    candidates.sort(key=lambda item: (item[0] != PREFERRED_MAJOR, -item[0]))
    return candidates[0][1]


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int = 0
    _run_as: str | None = None
    _names: count[int] = field(default_factory=lambda: count(1))

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def _command(self, arguments: Sequence[str]) -> list[str]:
        if self._run_as is None:
            return list(arguments)
        return ["runuser", "-u", self._run_as, "--", *arguments]

    def _run(self, arguments: Sequence[str]) -> None:
        result = subprocess.run(
            self._command(arguments), capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(arguments)} failed ({result.returncode}):\n{result.stdout}\n"
                f"{result.stderr}"
            )

    def start(self) -> None:
        import pwd  # POSIX only, and this module is imported on Windows too

        if os.geteuid() == 0:
            # PostgreSQL will not run as root: hand the folder to the postgres user.
            self._run_as = "postgres"
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self.root.chmod(0o700)
        self.socket_dir.mkdir(exist_ok=True)
        if self._run_as is not None:
            account = pwd.getpwnam(self._run_as)
            os.chown(self.socket_dir, account.pw_uid, account.pw_gid)
        self._run(
            [
                str(self.bin_dir / "initdb"),
                "-D",
                str(self.data_dir),
                "-U",
                SERVER_USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        self.port = _free_loopback_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.socket_dir} "
            # A throwaway cluster: no need to sync it to disk, and quick to stop.
            "-c fsync=off -c full_page_writes=off -c max_connections=40"
        )
        self._run(
            [
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-o",
                options,
                "-l",
                str(self.root / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        )

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(
                [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"]
            )

    def admin_connect(self) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=SERVER_USER, dbname="postgres", autocommit=True
        )

    def create_database(self) -> str:
        """A fresh database; returns its SQLAlchemy URL."""
        name = f"poise_test_{next(self._names)}"
        with self.admin_connect() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{name}"

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        if not re.fullmatch(r"poise_test_\d+", name):
            raise ValueError(f"refusing to drop {name!r}")
        with self.admin_connect() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_server() -> PostgresServer | None:
    """A running throwaway server, or None when PostgreSQL is not installed here."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return None
    root = Path(tempfile.mkdtemp(prefix="poise-pg-"))
    server = PostgresServer(bin_dir, root)
    try:
        server.start()
    except BaseException:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server

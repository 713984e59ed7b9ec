"""A screen reader's view of the private desktop: a session bus with the accessibility bus
on it, and ``atspi_reader.py`` (run by the system Python, where ``pyatspi`` lives) reading
the tree and the events Poise sends, as Orca would.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

from tests.session.desktop import require, wait_or_kill

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
READER = Path(__file__).with_name("atspi_reader.py")

# Roles a person acts on: each must have a name a screen reader can say. (A scroll bar
# is not among them: a screen reader reads the scrolled content, not the bar.)
INTERACTIVE_ROLES = frozenset(
    {
        "push button",
        "toggle button",
        "check box",
        "radio button",
        "combo box",
        "text",
        "entry",
        "password text",
        "spin button",
        "slider",
        "list",
        "list box",
        "table",
        "tree",
        "tree table",
        "page tab",
        "page tab list",
        "menu item",
        "check menu item",
        "link",
        "date editor",
    }
)


def _reader_available() -> bool:
    if not Path(SYSTEM_PYTHON).is_file() or not Path(BUS_LAUNCHER).is_file():
        return False
    done = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False, timeout=30
    )
    return done.returncode == 0


@contextmanager
def accessibility_bus() -> Iterator[dict[str, str]]:
    """A private session bus with the AT-SPI bus launched on it; yields the environment
    (``DBUS_SESSION_BUS_ADDRESS`` and Qt's switch) every process of the test shares."""
    daemon = require("dbus-daemon", "dbus-daemon")
    if not _reader_available():
        message = "pyatspi or at-spi2-core missing (./test.sh installs python3-pyatspi)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    bus = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    launcher: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            pytest.fail("dbus-daemon did not print its address")
        env = {
            "DBUS_SESSION_BUS_ADDRESS": address,
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "NO_AT_BRIDGE": "0",
        }
        launcher = subprocess.Popen(
            [BUS_LAUNCHER, "--launch-immediately"],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_a11y_bus(env)
        yield env
    finally:
        if bus.stdout is not None:
            bus.stdout.close()
        for process in (launcher, bus):
            if process is not None:
                process.terminate()
                wait_or_kill(process)


def _wait_for_a11y_bus(env: dict[str, str]) -> None:
    send = shutil.which("dbus-send")
    deadline = time.monotonic() + 15
    while send is not None and time.monotonic() < deadline:
        done = subprocess.run(
            [
                send,
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.a11y.Bus.GetAddress",
            ],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0 and "unix:" in done.stdout:
            return
        time.sleep(0.1)
    if send is not None:
        pytest.fail("the accessibility bus did not come up")


@dataclass
class Accessible:
    identifier: str  # Qt's object names, parent to child, where AT-SPI has them
    role: str
    name: str
    description: str
    states: list[str]
    text: str | None
    path: list[int]
    actions: list[str]

    @property
    def showing(self) -> bool:
        return "showing" in self.states

    def __str__(self) -> str:
        return f"{self.role} {self.name!r} {self.identifier[-70:]!r} {self.states}"


class ScreenReader:
    """The AT-SPI reader process: asks for the tree and for the events heard."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self._log: IO[bytes] = log.open("wb")
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(READER)],
            env={**os.environ, **env},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        self._ask_line(None, 20)

    def _ask_line(self, command: str | None, timeout: float) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            pytest.fail(f"the AT-SPI reader did not answer {command!r} in {timeout:.0f} s")
        line = self.process.stdout.readline()
        if not line:
            pytest.fail(f"the AT-SPI reader stopped (see {self._log.name})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def tree(self, app_name: str = "Poise") -> list[Accessible]:
        answer = self._ask_line(f"tree {app_name}", 30)
        return [Accessible(**entry) for entry in answer["objects"]]

    def events(self) -> list[dict[str, Any]]:
        return list(self._ask_line("events", 10)["events"])

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()  # the reader's end of input: it stops by itself
        wait_or_kill(self.process)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._log.close()


def unnamed_controls(objects: list[Accessible]) -> list[Accessible]:
    """Showing controls a person acts on that a screen reader could only call by role."""
    return [
        item
        for item in objects
        if item.showing
        and item.role in INTERACTIVE_ROLES
        and not item.name.strip()
        and "enabled" in item.states
    ]

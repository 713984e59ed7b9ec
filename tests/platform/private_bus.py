"""A private D-Bus session bus (its own dbus-daemon) and a stand-in service on it, for
the tests of what Poise says to the desktop: notifications, the shortcuts portal."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

needs_dbus_daemon = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-daemon") is None,
    reason="needs dbus-daemon (packaging/install-system-deps.sh test)",
)


@contextmanager
def private_session_bus() -> Iterator[str]:
    """A dbus-daemon of the test's own; yields its address."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    assert address.startswith("unix:"), address
    try:
        yield address
    finally:
        daemon.kill()
        daemon.wait()
        daemon.stdout.close()


class ServiceProcess:
    """A stand-in service (a Python script) on the bus: it prints a JSON line per call
    it receives, after a first ``{"ready": true}``, and reads commands on stdin."""

    def __init__(self, script: Path, address: str, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script), address, *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.calls: queue.Queue[dict[str, Any]] = queue.Queue()
        self.history: list[dict[str, Any]] = []  # every call ``received`` has returned
        assert self.process.stdout is not None
        ready = json.loads(self.process.stdout.readline())
        assert ready == {"ready": True}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.calls.put(json.loads(line))

    def received(self) -> list[dict[str, Any]]:
        found = []
        while not self.calls.empty():
            found.append(self.calls.get_nowait())
        self.history.extend(found)
        return found

    def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{line}\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

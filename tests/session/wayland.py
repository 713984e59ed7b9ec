"""A private Wayland desktop: Weston 10's headless backend, its screenshooter, and Poise on it.

Weston runs with ``--debug`` (which allows ``weston-screenshooter``) on its own socket in
a fresh 0700 ``XDG_RUNTIME_DIR``, never the machine's. Poise runs natively on it
(``QT_QPA_PLATFORM=wayland``) through tests/session/wayland_driver.py, which takes the
input a person would give as commands on stdin (Weston has no seat and no virtual
keyboard); the test sees Poise through the same screen probe as the X11 session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.session.desktop import PoiseProcess, Widget, require, stop_process, wait_until
from tests.session.wayland_driver import ANSWERS_ENV

SCREEN_SIZE = (1600, 1000)


@dataclass
class WaylandDesktop:
    """A running Weston and the ways to look at it."""

    runtime_dir: Path
    socket: str
    screens_dir: Path
    shots: list[Path] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return {"XDG_RUNTIME_DIR": str(self.runtime_dir), "WAYLAND_DISPLAY": self.socket}

    def screenshot(self, name: str) -> Path:
        """The whole output, through Weston's screenshooter, as wayland-NN-name.png."""
        self.screens_dir.mkdir(parents=True, exist_ok=True)
        work = self.runtime_dir / "shots"
        work.mkdir(exist_ok=True)
        subprocess.run(
            ["weston-screenshooter"],
            env={**_without_display(os.environ), **self.env},
            cwd=work,
            check=True,
            timeout=20,
            capture_output=True,
        )
        made = sorted(work.glob("wayland-screenshot-*.png"))
        assert len(made) == 1, f"weston-screenshooter wrote {made}"
        path = self.screens_dir / f"wayland-{len(self.shots) + 1:02d}-{name}.png"
        made[0].replace(path)
        self.shots.append(path)
        return path


def _without_display(env: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """The environment with no X server and no other Wayland: only our Weston is reachable."""
    return {
        key: value
        for key, value in env.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "QT_QPA_PLATFORM")
    }


@contextmanager
def private_weston(screens_dir: Path) -> Iterator[WaylandDesktop]:
    """Weston on its own socket; the last run's wayland-*.png in ``screens_dir`` go first."""
    for old in screens_dir.glob("wayland-*.png"):
        old.unlink()
    weston = require("weston", "weston")
    require("weston-screenshooter", "weston")
    runtime_dir = Path(tempfile.mkdtemp(prefix="poise-wayland-"))
    runtime_dir.chmod(0o700)
    socket = f"wayland-poise-{os.getpid()}"
    width, height = SCREEN_SIZE
    log = (runtime_dir / "weston.log").open("wb")
    compositor = subprocess.Popen(
        [
            weston,
            "--debug",
            "--backend=headless-backend.so",
            f"--width={width}",
            f"--height={height}",
            f"--socket={socket}",
            "--use-pixman",
            "--idle-time=0",
        ],
        env={**_without_display(os.environ), "XDG_RUNTIME_DIR": str(runtime_dir)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(
            lambda: (runtime_dir / socket).exists() or compositor.poll() is not None,
            20,
            "Weston's socket",
        )
        if compositor.poll() is not None:
            pytest.fail(f"Weston did not start: {(runtime_dir / 'weston.log').read_text()}")
        yield WaylandDesktop(runtime_dir, socket, screens_dir)
    finally:
        stop_process(compositor)
        log.close()
        for child in sorted(runtime_dir.rglob("*"), reverse=True):
            if child.is_dir():
                child.rmdir()
            else:
                child.unlink()
        runtime_dir.rmdir()


class WaylandPoise(PoiseProcess):
    """Poise natively on Weston, driven through wayland_driver's stdin commands."""

    platform = "wayland"
    stdin = subprocess.PIPE

    def base_env(self) -> dict[str, str]:
        # Before the start: where the driver answers, and no X server to fall back on.
        self._answers = self.probe_file.with_name(f"{self.probe_file.stem}-answers.log")
        self._answers.write_text("")
        self._sent = 0
        return {**_without_display(os.environ), ANSWERS_ENV: str(self._answers)}

    def command(self, data_dir: Path, args: tuple[str, ...]) -> list[str]:
        return [sys.executable, "-m", "tests.session.wayland_driver", "--data-dir", str(data_dir)]

    def send(self, **command: str) -> None:
        """One command; returns once the app has carried it out (or fails saying why)."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        self.process.stdin.flush()
        self._sent += 1
        number = self._sent
        answer = wait_until(
            lambda: (
                self._answer(number)
                or (self.process.poll() is not None and f"exited {self.process.returncode}")
            ),
            15,
            f"the app to carry out {command}",
        )
        assert answer == f"done {number}", f"{command}: {answer}\n{self.output()}"

    def _answer(self, number: int) -> str | None:
        for line in self._answers.read_text(encoding="utf-8").splitlines():
            if line.partition(":")[0].split(" ")[-1] == str(number):
                return line
        return None

    def key(self, window: str, keys: str) -> None:
        self.send(do="key", window=window, keys=keys)

    def type_text(self, window: str, text: str) -> None:
        self.send(do="type", window=window, text=text)

    def click(self, title_part: str, **match: str) -> Widget:
        widget = self.wait_widget(title_part, **match)
        self.send(do="click", window=title_part, **match)
        return widget

    def close_window(self, window: str) -> None:
        self.send(do="close", window=window)

    def _stop_input(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()

    def wait_exit(self, timeout: float = 20) -> int:
        self._stop_input()
        return super().wait_exit(timeout)

    def kill(self) -> None:
        self._stop_input()
        super().kill()

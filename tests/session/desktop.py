"""A private desktop for the real-session test: Xvfb, openbox, XTest input, screenshots.

Poise runs in its own process as a person runs it. The test sees it only through the
screen (screenshots), the keyboard and mouse (xdotool, which sends XTest events), and the
screen probe the app writes when ``POISE_SCREEN_PROBE`` is set (app/ui/common/screen_probe.py):
where each widget is, what it says, which one has the keyboard, whether text is clipped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREEN_SIZE = (1920, 1080)
WAIT_STEP_SECONDS = 0.05
LOG_TAIL_LINES = 60
STACKS_WAIT_SECONDS = 5


def require(binary: str, package: str) -> str:
    path = shutil.which(binary)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{binary} is missing; ./test.sh installs it (package {package})")
        pytest.skip(f"{binary} is not installed (./test.sh installs package {package})")
    return path


def wait_until(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll ``condition`` until it returns something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}{why_waiting()}")
        time.sleep(WAIT_STEP_SECONDS)


def why_waiting() -> str:
    """What every Poise process of this test was doing when a wait ran out."""
    return "".join(f"\n\n{process.diagnosis()}" for process in list(_STARTED))


@dataclass
class Desktop:
    """A running X server with a window manager, and the ways a person acts on it."""

    display: str
    screens_dir: Path
    shots: list[Path] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.display}

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env={**os.environ, **self.env},
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def key(self, *chords: str) -> None:
        self.xdotool("key", "--delay", "40", *chords)

    def type_text(self, text: str) -> None:
        # "--": a text starting with "-" (a pairing secret may) is typed, not read as an option.
        self.xdotool("type", "--delay", "25", "--", text)

    def click_at(self, x: int, y: int, button: int = 1) -> None:
        self.xdotool("mousemove", "--sync", str(x), str(y), "click", str(button))

    def move_to(self, x: int, y: int) -> None:
        self.xdotool("mousemove", "--sync", str(x), str(y))

    def screenshot(self, name: str) -> Path:
        self.screens_dir.mkdir(parents=True, exist_ok=True)
        path = self.screens_dir / f"{len(self.shots) + 1:02d}-{name}.png"
        subprocess.run(
            ["import", "-window", "root", "-display", self.display, str(path)],
            check=True,
            timeout=30,
            capture_output=True,
        )
        self.shots.append(path)
        return path


@contextmanager
def private_desktop(screens_dir: Path) -> Iterator[Desktop]:
    """Xvfb on a free display number (never a shared one) with openbox managing windows."""
    xvfb = require("Xvfb", "xvfb")
    require("openbox", "openbox")
    require("xdotool", "xdotool")
    require("import", "imagemagick")
    read_end, write_end = os.pipe()
    width, height = SCREEN_SIZE
    server = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",  # a polling client leaving must not reset the server under openbox
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    manager: subprocess.Popen[bytes] | None = None
    try:
        with os.fdopen(read_end) as reader:
            number = reader.readline().strip()
        if not number:
            pytest.fail("Xvfb did not report a display number")
        display = f":{number}"
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        desktop = Desktop(display, screens_dir)
        wait_until(_window_manager_ready(desktop), 60, "openbox to manage the screen")
        yield desktop
    finally:
        for process in (manager, server):
            if process is not None:
                stop_process(process)


def stop_process(process: subprocess.Popen[Any]) -> None:
    """Ask it to end; kill it if it has not in ten seconds."""
    process.terminate()
    wait_or_kill(process)


def wait_or_kill(process: subprocess.Popen[Any]) -> None:
    """Give a process told to stop ten seconds, then kill it."""
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def clean_desktop(screens_dir: Path) -> Iterator[Desktop]:
    """A private desktop whose screenshots replace the last run's in ``screens_dir``."""
    for old in screens_dir.glob("*.png"):
        old.unlink()
    with private_desktop(screens_dir) as running:
        yield running


def _window_manager_ready(desktop: Desktop) -> Callable[[], bool]:
    def ready() -> bool:
        done = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
            env={**os.environ, **desktop.env},
            capture_output=True,
            text=True,
            check=False,
        )
        return "window id" in done.stdout

    return ready


@dataclass
class Widget:
    window: str
    kind: str
    name: str
    x: int
    y: int
    width: int
    height: int
    text: str
    raw: dict[str, Any]

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


class Screen(Protocol):
    """A display server a Poise process can be started on (X11 here, Wayland beside)."""

    @property
    def env(self) -> dict[str, str]: ...


class PoiseProcess:
    """One Poise process on the desktop, observed through its screen probe.

    A wait that runs out says, for each process still tracked, whether it is alive, what
    its last probe showed and how old that probe is, the tail of its log, and (alive) every
    thread's Python stack: the app prints them on SIGUSR1 (app/ui/common/screen_probe.py).
    """

    platform: str | None = "xcb"  # Qt's platform plugin for the process; None: Poise's choice
    stdin: int | None = None  # subprocess.PIPE for a process that takes commands

    def __init__(
        self,
        desktop: Screen,
        data_dir: Path,
        *args: str,
        name: str = "poise",
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.desktop = desktop
        self.data_dir = data_dir
        self.name = name
        self.probe_file = data_dir.parent / f"{name}-screen.json"
        self.log_file = data_dir.parent / f"{name}-stderr.log"
        self.probe_file.unlink(missing_ok=True)
        env = {
            **self.base_env(),
            **desktop.env,
            "QT_QPA_PLATFORM": self.platform or "",
            "POISE_SCREEN_PROBE": str(self.probe_file),
            "PYTHONPATH": str(REPO_ROOT),
            **(extra_env or {}),
        }
        env.pop("QT_QUICK_BACKEND", None)
        if self.platform is None:
            env.pop("QT_QPA_PLATFORM")
        self._log = self.log_file.open("wb")
        self.process = subprocess.Popen(
            self.command(data_dir, args),
            env=env,
            cwd=REPO_ROOT,
            stdin=self.stdin,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        _STARTED.add(self)

    def base_env(self) -> dict[str, str]:
        """The environment before Poise's own variables (called once, before the start)."""
        return dict(os.environ)

    def command(self, data_dir: Path, args: tuple[str, ...]) -> list[str]:
        return [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args]

    # -- what is on screen ------------------------------------------------------------------

    def screen(self) -> dict[str, Any]:
        try:
            return json.loads(self.probe_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {"windows": [], "focus": None, "qt_messages": []}

    def windows(self) -> list[dict[str, Any]]:
        return self.screen()["windows"]

    def window(self, title_part: str) -> dict[str, Any] | None:
        """The window whose object name is ``title_part``, else the first whose title has it."""
        shown = self.windows()
        named = next((w for w in shown if w["name"] == title_part), None)
        return named or next((w for w in shown if title_part in w["title"]), None)

    def wait_window(self, title_part: str, timeout: float = 20) -> dict[str, Any]:
        return self._wait_shown(
            lambda: self.window(title_part), timeout, f"a window '{title_part}'"
        )

    def _wait_shown(self, shown: Callable[[], Any], timeout: float, what: str) -> Any:
        """``wait_until``, but an ended process fails at once: it will show nothing more."""

        def shown_or_ended() -> Any:
            return shown() or self.process.poll() is not None

        value = wait_until(shown_or_ended, timeout, what)
        if value is True:
            found = shown()  # the probe it wrote last, just before it ended
            if found:
                return found
            pytest.fail(f"{self.name} ended while waiting for {what}{why_waiting()}")
        return value

    def widgets(self, title_part: str) -> list[Widget]:
        window = self.window(title_part)
        if window is None:
            return []
        return [
            Widget(
                window["title"],
                w["class"],
                w["name"],
                w["x"],
                w["y"],
                w["width"],
                w["height"],
                str(w.get("text", "")),
                w,
            )
            for w in window["widgets"]
        ]

    def find(
        self,
        title_part: str,
        *,
        name: str | None = None,
        text: str | None = None,
        kind: str | None = None,
    ) -> Widget | None:
        for widget in self.widgets(title_part):
            if name is not None and widget.name != name:
                continue
            if text is not None and text not in widget.text:
                continue
            if kind is not None and widget.kind != kind:
                continue
            return widget
        return None

    def wait_widget(self, title_part: str, timeout: float = 15, **match: str) -> Widget:
        return self._wait_shown(
            lambda: self.find(title_part, **match), timeout, f"{match} in '{title_part}'"
        )

    def click(self, title_part: str, **match: str) -> Widget:
        widget = self.wait_widget(title_part, **match)
        self.desktop.click_at(*widget.center)
        return widget

    def focus(self) -> dict[str, Any] | None:
        return self.screen()["focus"]

    def clipped_texts(self) -> list[str]:
        found = []
        for window in self.windows():
            for widget in window["widgets"]:
                if widget.get("clipped"):
                    found.append(
                        f"{window['title']}: {widget['class']} {widget['name']!r} "
                        f"{str(widget.get('text'))[:60]!r}"
                    )
        return found

    def fit_problems(self) -> list[str]:
        """Inputs shorter than a line of their font, widgets squeezed below their minimum,
        text elided with no whole text to read (the probe's ``fit_problems``)."""
        found = []
        for window in self.windows():
            for widget in window["widgets"]:
                for problem in widget.get("fit_problems", []):
                    found.append(
                        f"{window['title']}: {widget['class']} {widget['name']!r} {problem}"
                    )
        return found

    def layout_faults(self) -> list[str]:
        """Everything a person would see as cramped: clipped text and every fit problem."""
        return self.clipped_texts() + self.fit_problems()

    def qt_messages(self) -> list[str]:
        return list(self.screen().get("qt_messages", []))

    def output(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def diagnosis(self) -> str:
        """Alive or not, the last probe's windows and age, the stacks, the log's tail."""
        code = self.process.poll()
        state = "still running" if code is None else f"exited with code {code}"
        lines = [f"--- {self.name} (pid {self.process.pid}) {state}", self._probe_summary()]
        if code is None:
            lines.append(self._request_stacks())
        tail = self.output().splitlines()[-LOG_TAIL_LINES:]
        lines.append(f"log tail ({self.log_file}):")
        lines.extend(f"  {line}" for line in tail)
        return "\n".join(lines)

    def _probe_summary(self) -> str:
        try:
            age = time.time() - self.probe_file.stat().st_mtime
        except FileNotFoundError:
            return "probe: never written"
        screen = self.screen()
        if "probe_error" in screen:
            return f"probe ({age:.1f} s old): {screen['probe_error']}"
        shown = ", ".join(
            f"{w['name'] or w['class']} {w['title']!r}{' (active)' if w['active'] else ''}"
            for w in screen.get("windows", [])
        )
        return f"probe ({age:.1f} s old): windows [{shown}]; focus {screen.get('focus')}"

    def _request_stacks(self) -> str:
        """SIGUSR1, then wait for the stacks to land in the log (they end it)."""
        if sys.platform == "win32":
            return "stacks: no SIGUSR1 here"
        before = self.log_file.stat().st_size
        os.kill(self.process.pid, signal.SIGUSR1)
        deadline = time.monotonic() + STACKS_WAIT_SECONDS
        size = before
        while time.monotonic() < deadline:
            time.sleep(WAIT_STEP_SECONDS * 4)
            grown = self.log_file.stat().st_size
            if grown > before and grown == size:
                return "stacks: in the log tail below"
            size = grown
        return f"stacks: none printed in {STACKS_WAIT_SECONDS} s"

    def wait_exit(self, timeout: float = 20) -> int:
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self._log.close()
            _STARTED.discard(self)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()
        _STARTED.discard(self)


# The processes a wait that runs out describes: started and not yet ended by the test.
_STARTED: weakref.WeakSet[PoiseProcess] = weakref.WeakSet()

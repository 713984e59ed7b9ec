"""The live window as a person drives it on a real X server with a real window manager:
Xvfb, openbox from Debian's packages, keys only through XTest (xdotool).

Proves, outside the offscreen platform: the default system-wide keys are free under
openbox (the old Ctrl+Alt+→ is not: openbox holds it), pressing them in another window
moves the step and the desktop does not switch; and the keyboard model (not typing →
Right moves, a letter types into the note, Space is text while typing, Esc leaves).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.hotkeys import FORMER_DEFAULT_BINDINGS, HotkeyAction, parse_combo
from app.platform.global_hotkeys import X11GrabBackend

from .xvfb import xvfb_display

REPO_ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 10.0


def require(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing; test.sh installs it (package {package})")
        pytest.skip(f"{tool} is not installed (./test.sh installs package {package})")
    return path


def xprop_root(display_name: str, atom: str) -> str:
    result = subprocess.run(
        ["xprop", "-display", display_name, "-root", atom],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return result.stdout.strip()


def wait_for(check: object, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.05)  # polling another process: there is no Qt signal to wait on
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def desktop() -> Iterator[str]:
    """A private X server with openbox managing it."""
    require("openbox", "openbox")
    require("xdotool", "xdotool")
    require("xprop", "x11-utils")
    with xvfb_display() as display_name:
        environment = {**os.environ, "DISPLAY": display_name}
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(
                lambda: "window id" in xprop_root(display_name, "_NET_SUPPORTING_WM_CHECK"),
                "openbox to manage the display",
            )
            yield display_name
        finally:
            manager.terminate()
            manager.wait(timeout=10)


class Probe:
    """The live window in its own process, reporting what the keys did."""

    def __init__(self, display_name: str, data_dir: Path) -> None:
        environment = {
            **os.environ,
            "DISPLAY": display_name,
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONPATH": str(REPO_ROOT),
            "POISE_DATA_DIR": str(data_dir),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.platform.live_window_probe"],
            cwd=REPO_ROOT,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.errors: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, daemon=True),
            threading.Thread(target=self._read_errors, daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def _read_errors(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.errors.append(line.rstrip())

    def expect(self, prefix: str) -> str:
        """The next line starting with ``prefix``; other lines before it are skipped."""
        deadline = time.monotonic() + WAIT_S
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"no '{prefix}' from the live window; stderr: {self.errors[-20:]}")
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line.startswith(prefix):
                return line[len(prefix) :].strip()

    def drain(self) -> list[str]:
        time.sleep(0.3)  # let any stray report arrive: asserting that nothing happened
        seen = []
        while not self.lines.empty():
            seen.append(self.lines.get())
        return seen

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for reader in self._readers:
            reader.join(5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def xdotool(display_name: str, *arguments: str) -> str:
    result = subprocess.run(
        ["xdotool", *arguments],
        env={**os.environ, "DISPLAY": display_name},
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
    )
    return result.stdout.strip()


def other_window(display_name: str) -> tuple[object, int]:
    """A plain X window of another program (the call app), mapped and managed by openbox."""
    from Xlib import X, display

    connection = display.Display(display_name)
    screen = connection.screen()
    window = screen.root.create_window(
        500, 100, 400, 300, 0, screen.root_depth, X.InputOutput, background_pixel=screen.white_pixel
    )
    window.set_wm_name("The video call")
    window.map()
    connection.sync()
    return connection, window.id


def test_default_keys_move_steps_under_openbox_and_keys_never_edit_a_note(
    desktop: str, tmp_path: Path, screens_dir: Path
) -> None:
    # openbox holds the old defaults: the reason they had to change.
    former = parse_combo(FORMER_DEFAULT_BINDINGS[HotkeyAction.NEXT_STEP])

    def openbox_holds_it() -> bool:
        # openbox says it manages the screen a moment before it has grabbed its keys. Asking
        # by a grab of our own would take the key from openbox if it came first (and openbox
        # never asks again); pressing it asks openbox itself: it switches the desktop.
        xdotool(desktop, "key", "ctrl+alt+Right")
        return not xprop_root(desktop, "_NET_CURRENT_DESKTOP").endswith("= 0")

    wait_for(openbox_holds_it, "openbox to hold Ctrl+Alt+Right")
    xdotool(desktop, "set_desktop", "0")
    wait_for(
        lambda: xprop_root(desktop, "_NET_CURRENT_DESKTOP").endswith("= 0"), "the first desktop"
    )
    backend = X11GrabBackend(desktop)  # and so Poise cannot have it
    try:
        assert backend.start({former: lambda: None}) == [former]
    finally:
        backend.stop()

    probe = Probe(desktop, tmp_path / "data")
    try:
        ready = json.loads(probe.expect("READY"))
        assert ready["taken"] == [], ready
        assert {"next_step", "previous_step", "acknowledge_cue"} <= set(ready["active"])
        assert ready["title"] == "Meeting · Poise"
        live = xdotool(desktop, "search", "--sync", "--name", "^Meeting · Poise$")
        xdotool(desktop, "windowactivate", "--sync", live.splitlines()[0])
        desktop_before = xprop_root(desktop, "_NET_CURRENT_DESKTOP")
        assert desktop_before.endswith("= 0"), desktop_before

        # Not typing at the start: Right moves; a letter goes into the note; then typing.
        xdotool(desktop, "key", "Right")
        assert probe.expect("STEP") == "2"
        xdotool(desktop, "type", "--delay", "60", "Hi")
        assert json.loads(probe.expect("NOTE")) == "H"
        assert json.loads(probe.expect("NOTE")) == "Hi"
        xdotool(desktop, "key", "space")
        assert json.loads(probe.expect("NOTE")) == "Hi "
        # Esc leaves the note: Space moves the step, the note keeps what was typed.
        xdotool(desktop, "key", "Escape")
        assert probe.expect("TYPING") == "no"
        xdotool(desktop, "key", "space")
        assert probe.expect("STEP") == "3"
        assert not any(line.startswith("NOTE") for line in probe.drain())

        # The call app has the focus: the system-wide keys still move the step, and the
        # desktop stays where it is.
        connection, call_window = other_window(desktop)
        try:
            xdotool(desktop, "search", "--sync", "--name", "^The video call$")
            xdotool(desktop, "windowactivate", "--sync", str(call_window))
            xdotool(desktop, "key", "ctrl+alt+Next")
            assert probe.expect("STEP") == "4"
            xdotool(desktop, "key", "ctrl+alt+Prior")
            assert probe.expect("STEP") == "3"
            assert xprop_root(desktop, "_NET_CURRENT_DESKTOP") == desktop_before
            shot = screens_dir / "live-xvfb-openbox.png"
            if shutil.which("import"):
                subprocess.run(
                    ["import", "-window", "root", "-display", desktop, str(shot)],
                    timeout=20,
                    check=True,
                )
        finally:
            connection.close()  # type: ignore[attr-defined]
    finally:
        probe.close()
    assert probe.process.returncode == 0, probe.errors[-20:]
    assert not [line for line in probe.errors if "Traceback" in line], probe.errors

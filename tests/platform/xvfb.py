"""A private X server for tests that need a real X11 display (Xvfb, started and stopped here)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def require_xvfb() -> str:
    path = shutil.which("Xvfb")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing; test.sh installs it (package xvfb)")
        pytest.skip("Xvfb is not installed (./test.sh installs it)")
    return path


# On a machine shared by several people each may be given a display number of their own.
DISPLAY_ENV = "POISE_TEST_XVFB_DISPLAY"


# -noreset: by default Xvfb resets when its last client leaves, and a client polling it
# (xprop, xdotool) between the window manager's start and its connection made openbox
# miss the server now and then ("timed out waiting for openbox to manage the display").
_ARGUMENTS = ("-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")


@contextmanager
def xvfb_display() -> Iterator[str]:
    """Start Xvfb on a free display number (or ``$POISE_TEST_XVFB_DISPLAY``), yield its name."""
    binary = require_xvfb()
    chosen = os.environ.get(DISPLAY_ENV)
    if chosen:
        with _xvfb_on(binary, chosen) as name:
            yield name
        return
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [binary, "-displayfd", str(write_end), *_ARGUMENTS],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as reader:
            number = reader.readline().strip()
        if not number:
            pytest.fail("Xvfb did not report a display number")
        yield f":{number}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def _xvfb_on(binary: str, name: str) -> Iterator[str]:
    process = subprocess.Popen(
        [binary, name, *_ARGUMENTS],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{name.lstrip(':')}")
    try:
        for _ in range(100):  # up to 10 s for the server's socket
            if socket.exists() or process.poll() is not None:
                break
            time.sleep(0.1)  # another process's socket: nothing to wait on but the file
        if process.poll() is not None:
            pytest.fail(f"Xvfb could not start on {name} (in use?)")
        yield name
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

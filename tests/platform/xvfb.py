"""A private X server for tests that need a real X11 display (Xvfb, started and stopped here)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def require_xvfb() -> str:
    path = shutil.which("Xvfb")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing; test.sh installs it (package xvfb)")
        pytest.skip("Xvfb is not installed (./test.sh installs it)")
    return path


@contextmanager
def xvfb_display() -> Iterator[str]:
    """Start Xvfb on a free display number and yield its DISPLAY name."""
    binary = require_xvfb()
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [binary, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
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

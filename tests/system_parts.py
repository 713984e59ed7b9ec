"""Which tests need parts only the Linux test machine has, and the reason a test skips elsewhere.

On Linux, ``./test.sh`` installs every part (packaging/install-system-deps.sh test) and a
missing one fails its test, as before. On Windows and macOS (CI's offscreen suite) a test
that needs a part the machine lacks is skipped, naming the part; a part found there anyway
(say, Mosquitto from Homebrew) lets the test run. A test says what it needs through its
marker, a fixture it uses or, for the few that start a program themselves, its file.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Collect as if on another system (tests/test_system_parts.py checks the hook with it).
PLATFORM_ENV = "POISE_TESTS_AS_PLATFORM"


@dataclass(frozen=True, slots=True)
class Part:
    """A program the suite starts for real, and what it stands for."""

    program: str
    what: str


XVFB = Part("Xvfb", "an X server (Xvfb)")
OPENBOX = Part("openbox", "a window manager (openbox)")
XDOTOOL = Part("xdotool", "X11 input (xdotool)")
CHROMIUM = Part("chromium", "a browser as the phone (Chromium)")
POSTGRES = Part("initdb", "a PostgreSQL server")
MOSQUITTO = Part("mosquitto", "an MQTT broker (Mosquitto)")
DBUS = Part("dbus-daemon", "a private D-Bus session bus")
DESKTOP_FILE_VALIDATE = Part("desktop-file-validate", "Linux desktop-file checks")
APPSTREAMCLI = Part("appstreamcli", "Linux AppStream checks")

BY_MARKER: dict[str, tuple[Part, ...]] = {
    "session": (XVFB, OPENBOX, XDOTOOL, CHROMIUM),
    "browser": (CHROMIUM,),
    "postgres": (POSTGRES,),
}
BY_FIXTURE: dict[str, tuple[Part, ...]] = {
    "broker": (MOSQUITTO,),
    "postgres_server": (POSTGRES,),
    "bus_address": (DBUS,),
}
# node id prefix -> parts: tests that start a program themselves rather than via a fixture.
BY_TEST: dict[str, tuple[Part, ...]] = {
    "tests/platform/test_global_hotkeys.py": (XVFB,),
    "tests/platform/test_live_window_xvfb.py": (XVFB, XDOTOOL),
    "tests/test_bundle.py::test_desktop_file_passes_desktop_file_validate": (
        DESKTOP_FILE_VALIDATE,
    ),
    "tests/test_bundle.py::test_metainfo_passes_appstreamcli_validate": (APPSTREAMCLI,),
    "tests/test_bundle.py::test_linux_install_script": (DESKTOP_FILE_VALIDATE,),
}


def needed_parts(markers: Iterable[str], fixtures: Iterable[str], node_id: str) -> list[Part]:
    """Every part a test needs, in a stable order, each once."""
    found: list[Part] = []
    groups = [BY_MARKER.get(name, ()) for name in markers]
    groups += [BY_FIXTURE.get(name, ()) for name in fixtures]
    groups += [parts for prefix, parts in BY_TEST.items() if node_id.startswith(prefix)]
    for parts in groups:
        found.extend(part for part in parts if part not in found)
    return found


def skip_reason(
    parts: Iterable[Part],
    platform: str,
    which: Callable[[str], str | None] = shutil.which,
) -> str | None:
    """Why the test cannot run on ``platform``, or ``None`` when it runs (always on Linux)."""
    if platform.startswith("linux"):
        return None
    missing = [part for part in parts if which(part.program) is None]
    if not missing:
        return None
    names = ", ".join(part.what for part in missing)
    return f"needs {names}, not on this {platform} machine (./test.sh installs it on Linux)"

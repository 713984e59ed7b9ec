"""The suite's own seam for Windows and macOS: which tests skip there, and what they say."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.conftest import REPO_ROOT
from tests.system_parts import (
    BY_TEST,
    CHROMIUM,
    MOSQUITTO,
    PLATFORM_ENV,
    POSIX_MODES,
    XVFB,
    needed_parts,
    skip_reason,
)


def _nothing_installed(_program: str) -> str | None:
    return None


def test_a_session_test_needs_a_desktop_and_a_browser() -> None:
    parts = needed_parts(["session", "timeout"], ["qtbot"], "tests/session/test_x.py::test_y")
    assert XVFB in parts
    assert CHROMIUM in parts
    assert len(parts) == len(set(parts))


def test_the_relay_broker_fixture_needs_mosquitto() -> None:
    parts = needed_parts([], ["broker", "tmp_path"], "tests/relay/test_relay_meeting.py::test_z")
    assert parts == [MOSQUITTO]


def test_a_browser_fixture_needs_chromium_even_without_the_marker() -> None:
    assert needed_parts([], ["chromium_path"], "tests/link/test_x.py::test_y") == [CHROMIUM]


def test_linux_never_skips_a_missing_part() -> None:
    # There ./test.sh installs everything, and a missing part must fail its test loudly.
    assert skip_reason([XVFB, MOSQUITTO], "linux", _nothing_installed) is None


def test_windows_skips_naming_what_is_missing() -> None:
    reason = skip_reason([XVFB, MOSQUITTO], "win32", _nothing_installed)
    assert reason == (
        "needs an X server (Xvfb), an MQTT broker (Mosquitto), which this win32 machine lacks "
        "(Linux's ./test.sh has all)"
    )


def test_macos_runs_a_test_whose_part_it_has() -> None:
    def only_mosquitto(program: str) -> str | None:
        return "/opt/homebrew/bin/mosquitto" if program == "mosquitto" else None

    assert skip_reason([MOSQUITTO], "darwin", only_mosquitto) is None
    assert skip_reason([MOSQUITTO, XVFB], "darwin", only_mosquitto) == (
        "needs an X server (Xvfb), which this darwin machine lacks (Linux's ./test.sh has all)"
    )


def test_posix_modes_are_there_on_macos_not_on_windows() -> None:
    assert skip_reason([POSIX_MODES], "darwin", _nothing_installed) is None
    reason = skip_reason([POSIX_MODES], "win32", _nothing_installed)
    assert reason is not None and "POSIX file modes" in reason


def test_every_test_named_in_the_table_exists() -> None:
    # A renamed test would silently stop being skipped off Linux: each entry must match.
    for node_id in BY_TEST:
        file_name, _, test_name = node_id.partition("::")
        path = REPO_ROOT / file_name
        assert path.is_file(), node_id
        if test_name:
            tree = ast.parse(path.read_text())
            names = [node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
            assert any(name.startswith(test_name) for name in names), node_id


def test_collection_skips_linux_only_tests_off_linux() -> None:
    # The real hook, in a pytest run that collects as on Windows, with no program on PATH.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "tests/platform/test_global_hotkeys.py",
        ],
        cwd=REPO_ROOT,
        env={**os.environ, PLATFORM_ENV: "win32", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" not in result.stdout
    assert "needs an X server (Xvfb), which this win32 machine lacks" in result.stdout

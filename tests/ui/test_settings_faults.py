"""Settings can never block a meeting: a bad value, a file that cannot be written, a file
far too big or too deep. Real files, a real folder in the file's place, a real read-only
and a real full tmpfs, the real home window, prepare dialog and live window."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.settings import (
    DEFAULTS,
    MAX_SETTINGS_BYTES,
    Theme,
    load_settings,
    settings_file,
    shared_settings,
)
from app.ui.app_controller import AppController
from tests.store.filesystems import fill_up, remount, small_tmpfs
from tests.ui.conftest import started_app
from tests.ui.test_meeting_before_store import start

REPO_ROOT = Path(__file__).resolve().parents[2]


def open_home(qtbot: QtBot, library: PlaybookLibrary) -> AppController:
    """The real home window and the app's wiring, with no store (none is needed here)."""
    return started_app(qtbot, library)


def told(controller: AppController) -> list[str]:
    heard: list[str] = []
    controller.settings_signals.problem.connect(heard.append)
    return heard


def test_a_bad_value_falls_back_alone_and_is_logged_once(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir.mkdir()
    settings_file().write_text(
        json.dumps({"live_geometry": "abc", "theme": "dark", "cue_sound": "loud"}),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        owner = shared_settings()
        assert shared_settings() is owner  # read once, one owner
        assert owner.current.live_geometry == DEFAULTS.live_geometry
        assert owner.current.cue_sound is DEFAULTS.cue_sound
        assert owner.current.theme is Theme.DARK  # the good key next to them is kept
    named = [record.getMessage() for record in caplog.records]
    assert len([line for line in named if "live_geometry" in line]) == 1, named
    assert len([line for line in named if "cue_sound" in line]) == 1, named


def test_a_damaged_live_geometry_no_longer_stops_every_meeting(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    data_dir.mkdir()
    settings_file().write_text(json.dumps({"live_geometry": "abc"}), encoding="utf-8")
    home = open_home(qtbot, library)
    flow = home.ensure_flow()
    window = start(qtbot, flow)
    assert window.session.domain.is_running
    window.close()


@pytest.mark.parametrize("trouble", ["folder in its place", "read-only disk", "full disk"])
def test_settings_that_cannot_be_written_never_stop_a_meeting(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path, trouble: str
) -> None:
    with _trouble(data_dir, trouble):
        controller = open_home(qtbot, library)
        window = controller.window
        heard = told(controller)
        flow = controller.ensure_flow()

        live = start(qtbot, flow)
        assert live.session.domain.is_running
        # The choice is kept for the rest of the run (written once the live window is up),
        # and the user is told once.
        qtbot.waitUntil(lambda: shared_settings().current.last_playbook_id == "ui-test")
        assert len(heard) == 1 and "cannot save your settings" in heard[0]
        assert heard[0] in window.status.text()
        shared_settings().update(stay_on_top=True)
        assert shared_settings().current.stay_on_top is True
        assert len(heard) == 1, heard
        live.close()


@contextlib.contextmanager
def _trouble(data_dir: Path, kind: str) -> Iterator[None]:
    """The data folder in one kind of trouble for the settings file, for one test."""
    if kind == "folder in its place":
        data_dir.mkdir()
        settings_file().mkdir()
        yield
        return
    with small_tmpfs(data_dir, "1m"):
        if kind == "read-only disk":
            remount(data_dir, read_only=True)
        else:
            fill_up(data_dir)
        yield


def test_a_deeply_nested_file_reads_as_the_defaults(data_dir: Path) -> None:
    data_dir.mkdir()
    depth = 200_000
    settings_file().write_text("[" * depth + "]" * depth, encoding="utf-8")
    assert load_settings() == DEFAULTS


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(data_dir: Path) -> None:
    data_dir.mkdir()
    padding = "x" * (MAX_SETTINGS_BYTES + 1)
    settings_file().write_text(
        json.dumps({"theme": "dark", "last_partner_name": padding}), encoding="utf-8"
    )
    assert load_settings() == DEFAULTS


def test_a_fifo_in_place_of_the_file_reads_as_the_defaults(data_dir: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("no FIFOs on Windows")
    data_dir.mkdir()
    os.mkfifo(settings_file())
    # Opening a FIFO for reading blocks until a writer comes; one that never writes.
    writer = os.open(settings_file(), os.O_RDWR | os.O_NONBLOCK)
    try:
        assert load_settings() == DEFAULTS
    finally:
        os.close(writer)


def test_the_app_starts_with_a_deeply_nested_settings_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    depth = 200_000
    (data / "settings.json").write_text("[" * depth + "]" * depth, encoding="utf-8")
    environment = {
        **os.environ,
        "POISE_DATA_DIR": str(data),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO_ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "app", "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "poise smoke test: ok" in result.stdout


def test_settings_are_saved_whole_and_for_the_user_alone(data_dir: Path) -> None:
    shared_settings().update(theme=Theme.DARK, live_width=420)
    assert load_settings().theme is Theme.DARK and load_settings().live_width == 420
    assert [path.name for path in data_dir.iterdir()] == ["settings.json"]  # no temp left
    if sys.platform != "win32":
        assert stat.S_IMODE(settings_file().stat().st_mode) == 0o600


def test_listeners_hear_which_keys_changed(data_dir: Path) -> None:
    owner = shared_settings()
    heard: list[frozenset[str]] = []

    def listen(_settings: object, keys: frozenset[str]) -> None:
        heard.append(keys)

    owner.subscribe(listen)
    owner.update(stay_on_top=True, theme=DEFAULTS.theme)
    owner.update(stay_on_top=True)
    owner.unsubscribe(listen)
    owner.update(stay_on_top=False)
    assert heard == [frozenset({"stay_on_top"})]


def test_qt_listeners_follow_changes_and_are_forgotten_when_they_go(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtCore import QObject

    from app.ui.common.settings_signals import SettingsSignals

    owner = shared_settings()
    holder = QObject()
    signals = SettingsSignals(owner, parent=holder)
    with qtbot.waitSignal(signals.changed, timeout=1000) as heard:
        owner.update(cue_sound=True)
    assert heard.args[1] == frozenset({"cue_sound"})

    with qtbot.waitSignal(signals.destroyed, timeout=1000):
        holder.deleteLater()
    owner.update(cue_sound=False)  # would raise if the owner still called the deleted object
    assert owner.current.cue_sound is False

"""The home window, opening the store off the GUI thread, settings and the settings dialog."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import DEFAULT_CUES, Cue, CueStyle, MeetingMode
from app.settings import (
    DEFAULTS,
    DockSide,
    Theme,
    load_settings,
    save_settings,
    settings_file,
    shared_settings,
)
from app.store import open_store
from app.store.api import MeetingDraft, StoreError
from app.ui.common.capture_guard import capture_protection_supported
from app.ui.settings.settings_dialog import SettingsDialog
from tests.ui.conftest import started_app

WAIT_MS = 5000


def test_settings_defaults_when_no_file(data_dir: Path) -> None:
    assert load_settings() == DEFAULTS
    assert DEFAULTS.live_width == 360
    assert DEFAULTS.exclude_from_capture is True
    assert DEFAULTS.cue_sound is False


def test_settings_round_trip(data_dir: Path) -> None:
    cues = (Cue("calm", "Calm", "Breathe."), Cue("wrap", "Wrap up", "Wrap up.", CueStyle.BANNER))
    shared_settings().update(
        theme=Theme.DARK, dock_side=DockSide.RIGHT, last_cues=cues, live_width=400
    )
    loaded = load_settings()
    assert loaded.theme is Theme.DARK
    assert loaded.dock_side is DockSide.RIGHT
    assert loaded.last_cues == cues
    assert loaded.live_width == 400
    assert settings_file().parent == paths.data_dir()


def test_damaged_settings_fall_back_per_key(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    settings_file().write_text(
        json.dumps(
            {
                "theme": "purple",
                "live_width": "wide",
                "cue_fade_seconds": 100000,
                "stay_on_top": True,
                "last_cues": [{"key": "x"}],
                "unknown": 1,
            }
        )
    )
    loaded = load_settings()
    assert loaded.theme is DEFAULTS.theme
    assert loaded.live_width == DEFAULTS.live_width
    assert loaded.cue_fade_seconds == 600  # clamped to the allowed range
    assert loaded.stay_on_top is True
    assert loaded.last_cues == DEFAULT_CUES
    settings_file().write_text("{not json")
    assert load_settings() == DEFAULTS


def test_link_bind_address_env_wins(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(DEFAULTS)
    monkeypatch.setenv("POISE_LINK_BIND", "127.0.0.1")
    assert load_settings().link_bind_address == "127.0.0.1"


def test_store_opens_off_thread_and_home_lists_meetings(
    qtbot: QtBot, library: PlaybookLibrary, screens_dir: Path, look: str
) -> None:
    seed = open_store()
    started = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
    meeting = seed.service.start_meeting(
        MeetingDraft(
            "Harbor & Sons",
            "Missed launch date",
            MeetingMode.VIDEO,
            "ui-test",
            "1",
            "Dana",
            DEFAULT_CUES,
            started,
        )
    )
    seed.service.end_meeting(meeting.id, started + timedelta(minutes=42))
    seed.close()

    controller = started_app(qtbot, library)
    window = controller.window
    try:
        # A meeting never waits for the store; nothing is claimed about past ones before it opens.
        assert window.new_meeting_button.isEnabled()
        assert window.empty_hint.isHidden()
        assert not window.review_button.isEnabled()
        with qtbot.waitSignal(window.recent_model.modelReset, timeout=WAIT_MS):
            controller.open_store()
        assert window.new_meeting_button.isEnabled()
        assert window.recent_model.rowCount() == 1
        text = window.recent_model.data(window.recent_model.index(0))
        assert "Harbor & Sons" in text and "42:00" in text
        assert window.empty_hint.isHidden()
        assert window.review_button.isEnabled() and window.retry_button.isHidden()
        chosen: list[int | None] = []
        window.set_review_handler(chosen.append)
        window.recent_list.setCurrentIndex(window.recent_model.index(0))
        window.review_button.click()
        assert chosen == [meeting.id]
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        assert window.grab().save(str(screens_dir / f"live-home-{look}.png"))
    finally:
        controller.close(5)


def test_store_failure_is_one_clear_line_and_the_app_stays_open(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    paths.database_file().write_bytes(b"this is not a database, just some words" * 200)
    controller = started_app(qtbot, library)
    window = controller.window
    try:
        with qtbot.waitSignal(controller.client.storeFailed, timeout=WAIT_MS) as failed:
            controller.open_store()
        assert isinstance(failed.args[0], StoreError)
        assert window.status.text().startswith(
            "Your notes database is not open: the file is damaged or not a Poise database."
        )
        assert str(paths.database_file()) in window.status.toolTip()
        # A damaged file is left alone: no Retry, and no retry on its own.
        assert window.retry_button.isHidden()
        assert not controller._store_retry.isActive()
        assert window.isVisible() and window.new_meeting_button.isEnabled()
    finally:
        controller.close(5)


def test_settings_dialog_is_honest_about_capture(
    qtbot: QtBot, data_dir: Path, screens_dir: Path
) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    capability = capture_protection_supported()
    assert dialog.capture_note.text() == capability.message
    if sys.platform.startswith("linux"):
        assert not dialog.exclude.isEnabled()
        assert "cannot hide" in dialog.capture_note.text()
    dialog.fade.setValue(45)
    dialog.accept()
    assert load_settings().cue_fade_seconds == 45
    assert load_settings().exclude_from_capture is True  # kept for a system that can
    QApplication.sendPostedEvents()
    assert dialog.grab().save(str(screens_dir / "live-settings.png"))

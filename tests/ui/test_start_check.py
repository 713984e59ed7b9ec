"""``poise --smoke``'s check: the verdict waits for the home window's first paint."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.store import Store
from app.ui.home.start_check import EXIT_OK, StartCheck


def test_an_exposed_window_that_never_painted_is_not_yet_a_start(
    qtbot: QtBot, qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    exits: list[int] = []
    # The real application, kept running: the check's quit is recorded instead.
    monkeypatch.setattr(qapp, "exit", exits.append)
    window = QLabel("Poise")
    qtbot.addWidget(window)
    window.setUpdatesEnabled(False)  # on screen, but nothing drawn yet
    with qtbot.waitExposed(window):
        window.show()
    assert window.windowHandle().isExposed()
    check = StartCheck(qapp, window, playbook_count=3)
    check.store_opened(store)
    assert exits == []  # exposed and a store open: still no verdict without a paint
    window.setUpdatesEnabled(True)
    window.update()
    qtbot.waitUntil(lambda: exits == [EXIT_OK], timeout=5000)

"""Panic hide: every visible Poise window goes, and comes back exactly as it was."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.ui.common.panic import PanicHide


def make_window(qtbot: QtBot, title: str, geometry: QRect) -> QWidget:
    window = QWidget()
    window.setWindowTitle(title)
    qtbot.addWidget(window)
    window.setGeometry(geometry)
    return window


def test_hides_visible_windows_and_restores_them_as_they_were(qtbot: QtBot) -> None:
    live = make_window(qtbot, "live", QRect(40, 60, 360, 700))
    review = make_window(qtbot, "review", QRect(500, 80, 800, 600))
    closed_before = make_window(qtbot, "settings", QRect(10, 10, 300, 200))
    note = QLineEdit(live)
    live.show()
    review.show()
    qtbot.waitExposed(live)
    qtbot.waitExposed(review)
    note.setText("half-typed sentence")
    live_geometry, review_geometry = live.geometry(), review.geometry()

    panic = PanicHide(can_hear_keys_while_hidden=True)
    with qtbot.waitSignal(panic.hiddenChanged) as hidden:
        panic.toggle()
    assert hidden.args == [True]
    assert not live.isVisible() and not review.isVisible()

    with qtbot.waitSignal(panic.hiddenChanged) as shown:
        panic.toggle()
    assert shown.args == [False]
    assert live.isVisible() and review.isVisible()
    assert not closed_before.isVisible()  # it was not showing, so it stays away
    assert live.geometry() == live_geometry
    assert review.geometry() == review_geometry
    assert note.text() == "half-typed sentence"


def test_without_system_wide_keys_windows_are_minimised_not_hidden(qtbot: QtBot) -> None:
    window = make_window(qtbot, "live", QRect(40, 60, 360, 700))
    window.show()
    qtbot.waitExposed(window)
    panic = PanicHide(can_hear_keys_while_hidden=False)
    panic.toggle()
    assert window.windowState() & Qt.WindowState.WindowMinimized
    panic.toggle()
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    assert window.isVisible()


def test_a_window_closed_while_hidden_is_skipped(qtbot: QtBot) -> None:
    first = make_window(qtbot, "a", QRect(0, 0, 300, 300))
    second = make_window(qtbot, "b", QRect(320, 0, 300, 300))
    first.show()
    second.show()
    panic = PanicHide(can_hear_keys_while_hidden=True)
    panic.hide_all()
    first.deleteLater()
    qtbot.waitUntil(lambda: not first.isVisible())
    panic.restore()
    assert second.isVisible()
    assert not panic.is_hidden

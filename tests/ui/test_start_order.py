"""What the home window's first paint waits for: nothing else Python runs meanwhile.

The store's thread imports SQLAlchemy for half a second; started before the home window
has painted, it takes turns with the GUI thread for the GIL and the window paints late
(bench/startup.py). Real widgets offscreen; the store is a real SQLite file.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.ui.common.after_first_paint import after_first_paint
from tests.ui.conftest import started_app


class PaintOrder(QObject):
    """Notes "painted" in ``events`` at the first paint of what it watches."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and "painted" not in self.events:
            self.events.append("painted")
        return False


def test_work_waits_for_the_first_paint_of_a_shown_window(qtbot: QtBot) -> None:
    window = QLabel("Hello")
    qtbot.addWidget(window)
    events: list[str] = []
    order = PaintOrder(events)
    window.installEventFilter(order)
    window.show()
    after_first_paint(window, lambda: events.append("work"))
    assert events == []  # not at once
    qtbot.waitUntil(lambda: "work" in events, timeout=2000)
    assert events == ["painted", "work"]


def test_work_for_a_hidden_window_runs_at_once(qtbot: QtBot) -> None:
    window = QLabel("Hello")
    qtbot.addWidget(window)
    events: list[str] = []
    after_first_paint(window, lambda: events.append("work"))
    assert events == ["work"]


def test_the_store_starts_opening_after_the_home_window_painted(
    qtbot: QtBot, library: PlaybookLibrary
) -> None:
    controller = started_app(qtbot, library)
    window = controller.window
    window.hide()
    window.show()  # as at launch: shown, not painted yet
    events: list[str] = []
    order = PaintOrder(events)
    window.installEventFilter(order)
    controller.open_store()
    if controller.client.opening:
        events.append("store opening")
    with qtbot.waitSignal(controller.client.storeOpened, timeout=10_000):
        pass
    assert events[:1] == ["painted"]
    controller.close(5.0)

"""The partner's observations in the live window (issue 25): a quiet count in the header,
never the words, until the user asks (a click on the count, or Ctrl+Shift+O); Esc closes
the list. Real store, the shipped playbook, the real live window offscreen, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import QuickObservation
from app.settings import DEFAULTS
from app.store import Store
from app.ui.live.live_window import LiveWindow
from app.ui.live.partner_noted import PartnerNotesPopup
from tests.conftest import SCREENS_DIR
from tests.ui.test_issue26_live_fit import open_shipped_live, settle

WORDS = "Arms folded since the price came up"


def _texts_shown(window: LiveWindow) -> list[str]:
    shown = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    shown += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible()]
    return shown


def test_the_live_window_counts_the_partners_notes_and_shows_them_only_when_asked(
    qtbot: QtBot, store: Store
) -> None:
    live = open_shipped_live(qtbot, store, DEFAULTS)
    count = live.partner_noted
    assert not count.isVisible()
    arrivals = live.session.from_partner
    arrivals.receive_observation("obs-0000000001", QuickObservation.YOU_TENSED_UP, "")
    live.session.next_step()
    arrivals.receive_observation("obs-0000000002", None, WORDS)
    settle()
    assert count.isVisible() and count.text() == "Noted: 2"
    assert not any(WORDS in text or "tensed" in text for text in _texts_shown(live))
    SCREENS_DIR.mkdir(parents=True, exist_ok=True)
    assert live.grab().save(str(SCREENS_DIR / "live_window_partner_noted.png"))

    # The key, from the note the user is typing in.
    qtbot.keyClick(
        live, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    popup = live.findChild(PartnerNotesPopup, "partnerNotesPopup")
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    lines = [popup.notes.item(row).text() for row in range(popup.notes.count())]
    steps = live.session.domain.steps
    assert len(lines) == 2
    assert steps[0].title in lines[0] and "You tensed up" in lines[0]
    assert steps[1].title in lines[1] and WORDS in lines[1]
    assert QApplication.focusWidget() is popup.notes  # arrows move through the list
    settle()
    assert popup.grab().save(str(SCREENS_DIR / "live_window_partner_notes_popup.png"))
    qtbot.keyClick(popup.notes, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())

    # A click on the count opens it too.
    qtbot.mouseClick(count, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(popup.isVisible)
    popup.close()
    live.session.end(None)
    assert store.writer.flush(5)

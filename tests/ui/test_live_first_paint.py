"""The live window's first paint builds only what it shows; the rest comes right after it.

What nobody sees at first (the cue's overlay, the end dialog's code, the system-wide keys'
code) is not loaded before the first paint, and is there one or two event-loop turns
later. Nothing a person does in between is lost: a key pressed the moment the window has
painted moves the step or reaches its shortcut, and a cue that comes before the overlay
is made shows at once and is acknowledged with Esc. Real window, real store, offscreen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import Cue, SignalSource
from app.store import Store
from app.ui.live.live_window import LiveWindow
from tests.fresh_interpreter import run_fresh
from tests.ui.test_issue8_live import end_and_keep, unshown_live_window

WAIT_MS = 5000
CUES = (Cue("calm", "Calm down", "Breathe. Listen. Don't defend."),)


class RightAfterFirstPaint(QObject):
    """Runs ``act`` in the first event-loop turn after the window's first paint.

    Installed after the window made its own (a later filter hears the paint first), so
    ``act`` comes before anything the window itself put off until after that paint.
    """

    def __init__(self, window: LiveWindow, act: Callable[[], None]) -> None:
        super().__init__(window)
        self._act: Callable[[], None] | None = act
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        act, self._act = self._act, None  # holds the window: let go of it once run
        if act is not None:
            act()
        self.done = True


@pytest.fixture
def unshown(qtbot: QtBot, store: Store, library: PlaybookLibrary) -> Iterator[LiveWindow]:
    yield (window := unshown_live_window(qtbot, store, library))
    end_and_keep(window, store)
    # Nothing of this window goes on ticking into the tests after it.
    window.hide()
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=WAIT_MS)


def show_and_begin(window: LiveWindow) -> None:
    window.show()  # as the meeting flow and the bench do: shown, then begun
    window.begin()


def test_a_key_pressed_right_after_the_first_paint_works(qtbot: QtBot, unshown: LiveWindow) -> None:
    window = unshown
    seen: dict[str, object] = {}

    def press() -> None:
        seen["overlay made"] = window.cue.overlay_made
        seen["focus"] = window.focusWidget()
        qtbot.keyClick(window.card, Qt.Key.Key_Right)  # not typing: the next step
        seen["position"] = window.session.domain.position
        qtbot.keyClick(window.card, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        seen["after Ctrl+L"] = QApplication.focusWidget() or window.focusWidget()

    pressed = RightAfterFirstPaint(window, press)
    show_and_begin(window)
    qtbot.waitUntil(lambda: pressed.done, timeout=WAIT_MS)
    assert seen["overlay made"] is False  # the key came before the deferred pieces
    assert seen["focus"] is window.card
    assert seen["position"] == (2, window.session.domain.position[1])
    assert seen["after Ctrl+L"] is window.notes.quick_line
    # And the pieces follow within two turns of the event loop.
    qtbot.waitUntil(lambda: window.cue.overlay_made, timeout=WAIT_MS)


def test_a_cue_before_the_overlay_is_made_shows_at_once(qtbot: QtBot, unshown: LiveWindow) -> None:
    window = unshown
    seen: dict[str, object] = {}

    def cue() -> None:
        seen["overlay made"] = window.cue.overlay_made
        window.session.trigger_cue("calm", SignalSource.PHONE, "early")
        seen["band shown"] = window.overlay.band.isVisible()

    arrived = RightAfterFirstPaint(window, cue)
    with qtbot.waitSignal(window.session.cueShown, timeout=WAIT_MS) as shown:
        show_and_begin(window)
    assert arrived.done and shown.args == ["early"]
    assert seen == {"overlay made": False, "band shown": True}
    assert window.overlay.band.words.text() == "Breathe. Listen. Don't defend."
    # Esc acknowledges it, even with the caret in a note.
    editor = window.return_to_note()
    with qtbot.waitSignal(window.session.cueAcknowledged, timeout=WAIT_MS):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.focusWidget() is editor


FIRST_PAINT_SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
application = QApplication(sys.argv[:1])
from app.playbooks import load_all_playbooks
from app.settings import load_settings
from app.ui.live.deferred_pieces import PiecesAfterFirstPaint
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession

NOT_AT_PAINT, DEFERRED = {not_at_paint!r}, {deferred!r}
settings = load_settings()
session = LiveSession(None, None, load_all_playbooks().entries[0].playbook, settings.last_cues)
window = LiveWindow(session, client_name="Client", meeting_title="Title", settings=settings)
seen = {{"turns": {{}}}}

def loaded(names):
    return sorted(name for name in names if name in sys.modules)

def check(turn):
    def look():
        for name in loaded(DEFERRED):
            seen["turns"].setdefault(name, turn)
        if window.cue.overlay_made:
            seen["turns"].setdefault("overlay made", turn)
    return look

def report():
    seen["missing"] = sorted(set(DEFERRED) - set(loaded(DEFERRED)))
    print(json.dumps(seen))
    application.exit(0)

# Made after the window's own, so each of these comes first in its turn of the event loop:
# the first looks before anything put off, check n sees what n turns after the paint made.
probe = PiecesAfterFirstPaint(
    window,
    [lambda: seen.update(at_paint=loaded(NOT_AT_PAINT)), *map(check, range(1, 6)), report],
)
window.show()
window.begin()
application.exec()
"""

# Not in the first paint: loaded right after it (or on first use), in this many turns.
LATER_MODULES = {
    "app.ui.live.cue_overlay": 1,
    "app.ui.live.end_dialog": 2,
    "app.ui.live.partner_status": 3,  # "Partner connected" and the toast: hidden at first
}
# Not needed by the live window at all on this system before it is asked for.
NEVER_BEFORE_PAINT = (
    "app.ui.common.global_shortcuts",
    "app.platform.global_hotkeys",
    "app.platform.portal_shortcuts",
    "ctypes",
)


def test_the_first_paint_loads_only_what_it_shows(tmp_path: Path) -> None:
    script = FIRST_PAINT_SCRIPT.format(
        not_at_paint=(*LATER_MODULES, *NEVER_BEFORE_PAINT), deferred=tuple(LATER_MODULES)
    )
    seen = run_fresh(script, tmp_path)
    assert seen["at_paint"] == []
    # The deferred pieces come one per turn of the event loop, the cue's first.
    assert seen["missing"] == [], seen
    assert seen["turns"] == {**LATER_MODULES, "overlay made": 1}


def test_the_burst_property_is_still_qts_user_property() -> None:
    """The constant that replaced Qt's at import is Qt's."""
    from PySide6.QtGui import QTextFormat

    from app.ui.live import note_bursts

    assert int(QTextFormat.Property.UserProperty) + 26 == note_bursts._BURST_PROPERTY

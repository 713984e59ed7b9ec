"""The first live window's one-off costs, paid while the prepare dialog waits for the user.

The first live window of a process took ~42 ms to its first paint and every later one
~28 ms (measured, same process): Qt and PySide make each widget class's Python type and
enums, fonts and style data on first use. The prepare dialog is open for seconds before
Start, so once it has painted, a live window nobody sees is built and dropped (~27 ms on
the GUI thread, under the 50 ms stall budget), and Start pays only for its own window.
Once per process; skipped when Start came first.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.library import PlaybookLibrary
from app.domain.playbook import Playbook
from app.settings import shared_settings

# After the prepare dialog's first paint, before any person has filled it in and pressed Start.
WARM_UP_DELAY_MS = 250

_state = {"asked": False, "built": 0}


def warm_up_live_window_soon(library: PlaybookLibrary, dialog: QDialog) -> None:
    """Once per process: build and drop an unseen live window while ``dialog`` is open."""
    if _state["asked"] or not library.entries:
        return
    _state["asked"] = True
    playbook = library.entries[0].playbook
    QTimer.singleShot(WARM_UP_DELAY_MS, dialog, partial(_build_and_drop, dialog, playbook))


def live_windows_warmed_up() -> int:
    """How many unseen live windows were built (0 or 1)."""
    return _state["built"]


def _build_and_drop(dialog: QDialog, playbook: Playbook) -> None:
    if not dialog.isVisible():
        return  # Start (or Cancel) came first: the real window is paying already
    from app.ui.live.live_window import LiveWindow
    from app.ui.live.session import LiveSession

    settings = shared_settings().current
    session = LiveSession(None, None, playbook, settings.last_cues)
    window = LiveWindow(session, client_name="", meeting_title="", settings=settings)
    # The focus filter walks up from the focused widget: the first plain QWidget it meets
    # (a scroll area's viewport) makes PySide discover its type, creating ~40 Python enums
    # of other classes on the way (~8 ms, profiled). Once per process: now, not at Start.
    widget: QWidget | None = window.card
    while widget is not None:
        widget = widget.parentWidget()
    window.deleteLater()
    session.deleteLater()
    _state["built"] += 1

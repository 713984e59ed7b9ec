"""A live window on a real X server, for ``test_live_window_xvfb``: run as a subprocess.

It opens the live window of a shipped playbook with the real system-wide shortcuts,
then reports on stdout, one line each, what a person's keys did: ``READY`` with the
shortcuts it could and could not have, ``STEP n`` on every step change, ``NOTE text``
whenever the first note field changes, ``TYPING yes|no`` when that state changes. It
ends when its stdin closes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

from app import qt_workarounds
from app.domain.hotkeys import resolve_bindings
from app.domain.library import Origin, load_library
from app.domain.meeting_terms import DEFAULT_CUES, NoteField
from app.settings import DEFAULTS
from app.ui.common.global_shortcuts import GlobalShortcuts
from app.ui.common.theme import apply_look
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession

PLAYBOOKS = Path(__file__).resolve().parents[2] / "playbooks"


def say(*words: object) -> None:
    print(*words, flush=True)


def main() -> int:
    qt_workarounds.install()
    qt_workarounds.protect_none()
    application = QApplication(sys.argv[:1])
    apply_look(application, False)
    playbook = load_library([(Origin.SHIPPED, PLAYBOOKS)]).get("client-lashes-out")
    assert playbook is not None
    session = LiveSession(None, None, playbook, DEFAULT_CUES)
    window = LiveWindow(session, client_name="Acme", meeting_title="", settings=DEFAULTS)
    shortcuts = GlobalShortcuts(parent=window)
    shortcuts.apply(resolve_bindings(DEFAULTS.hotkeys))
    shortcuts.triggered.connect(window.perform)
    note = window.notes.editors[NoteField.WHAT_THEY_SAY]
    session.stepChanged.connect(lambda change: say("STEP", change.index + 1))
    note.textChanged.connect(lambda: say("NOTE", json.dumps(note.toPlainText())))
    typing = {"now": None}

    def focus_changed(_old: object, _new: object) -> None:
        if window.typing != typing["now"]:
            typing["now"] = window.typing
            say("TYPING", "yes" if window.typing else "no")

    application.focusChanged.connect(focus_changed)
    window.resize(360, 720)
    window.move(40, 40)
    window.show()
    window.begin()
    active = sorted(action.value for action in shortcuts.active)
    taken = sorted(str(combo) for combo in shortcuts.taken)
    say("READY", json.dumps({"active": active, "taken": taken, "title": window.windowTitle()}))

    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def stdin_ready() -> None:
        if not sys.stdin.readline():
            stdin.setEnabled(False)
            shortcuts.stop()
            session.end(None)
            application.quit()

    stdin.activated.connect(stdin_ready)
    return application.exec()


if __name__ == "__main__":
    sys.exit(main())

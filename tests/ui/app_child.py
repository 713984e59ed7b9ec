"""Child process of the clean-shutdown test: the real app, a meeting, typing until told to stop.

Usage: python app_child.py. Runs ``run_app`` (the data folder comes from POISE_DATA_DIR);
once the store is open it starts a meeting through the home window and the prepare
dialog, then types into "What they say" with real key events, printing "typed <n>"
after each few keys. The parent sends SIGTERM or SIGINT; the app's exit code is its own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.domain.meeting_terms import NoteField
from app.ui.application import create_application, run_app
from app.ui.home.main_window import MainWindow
from app.ui.live.live_window import LiveWindow
from app.ui.prepare.prepare_dialog import PrepareDialog

CLIENT = "Shutdown Test Client"
WORDS = "They say the delivery was late three times and nobody called. " * 50


class Driver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.typed = 0
        self.editor: Any = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.step)
        self.timer.start(50)

    @staticmethod
    def shown(kind: type[Any]) -> Any:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)]
        return next((w for w in found if w.isVisible()), None)

    def step(self) -> None:
        window = self.shown(MainWindow)
        if window is None or not window.can_review:  # the store is not open yet
            return
        live = self.shown(LiveWindow)
        if live is None:
            dialog = self.shown(PrepareDialog)
            if dialog is None:
                window.new_meeting()
                return
            if dialog.pages.currentIndex() == 0:
                dialog.client.lineEdit().setText(CLIENT)
                QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
            else:
                QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
            return
        if self.editor is None:
            self.editor = live.notes.editors[NoteField.WHAT_THEY_SAY]
            self.editor.setFocus()
        chunk = WORDS[self.typed : self.typed + 3]
        # A signal may stop the app between these keys and the "typed" line below: the
        # test then knows the stored text lies between the two counts.
        print(f"typing {self.typed + len(chunk)}", flush=True)
        QTest.keyClicks(self.editor, chunk)
        self.typed += len(chunk)
        print(f"typed {self.typed}", flush=True)


def main() -> int:
    create_application()
    driver = Driver()
    code = run_app()
    del driver
    return code


if __name__ == "__main__":
    sys.exit(main())

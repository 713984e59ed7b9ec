"""Creates the QApplication and the first window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.playbooks import load_all_playbooks
from app.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(argv if argv is not None else sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setApplicationDisplayName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setOrganizationName(APP_NAME)
    application.setDesktopFileName("app.poise.Poise")
    return application


def run_app(*, quit_after_start: bool = False) -> int:
    application = create_application()
    library = load_all_playbooks()
    window = MainWindow(library)
    window.show()
    if quit_after_start:
        # --smoke-test: check the app once its window is up, then quit (app/ui/start_check.py).
        from app.ui.start_check import quit_once_shown

        quit_once_shown(application, window, len(library.entries))
    return application.exec()

"""The review after the meeting: find any meeting, see what happened, follow up, export.

``open_review_window`` is what the main window's entry calls; ``run_review`` is
``poise review`` on the command line (its own store and event loop).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.store import Store
    from app.ui.review.window import ReviewWindow


def open_review_window(store: Store, playbook_titles: dict[str, str] | None = None) -> ReviewWindow:
    """A review window over an already open store; the caller keeps it alive and shows it.

    ``playbook_titles`` (``PlaybookLibrary.titles()``) lets the review name playbooks as
    the user knows them; without it the shipped and the user's playbooks are read here.
    """
    from app.settings import shared_settings
    from app.ui.review.window import ReviewWindow

    if playbook_titles is None:
        from app.playbooks import load_all_playbooks

        playbook_titles = load_all_playbooks().titles()
    settings = shared_settings().current
    return ReviewWindow(
        store.service,
        store.writer,
        playbook_titles=playbook_titles,
        cue_fade_seconds=settings.cue_fade_seconds,
        export_folder=settings.last_export_folder,
    )


def run_review(*, quit_after_start: bool = False) -> int:
    """Open the store and the review window; a store problem ends in one clear line."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from app.store import StoreError, open_store
    from app.ui.application import create_application

    application = create_application()
    try:
        store = open_store()
    except StoreError as problem:
        print(f"poise: {problem}", file=sys.stderr)
        if not quit_after_start:
            QMessageBox.critical(None, "Poise cannot open your meetings", str(problem))
        return 1
    try:
        window = open_review_window(store)
        window.show()
        if quit_after_start:
            # --smoke-test: once the first page of meetings is shown, close and quit.
            def finish(_total: int) -> None:
                window.close()
                application.quit()

            window.list_refreshed.connect(lambda total: QTimer.singleShot(0, lambda: finish(total)))
        return application.exec()
    finally:
        store.close()

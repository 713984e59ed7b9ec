"""The German review on a real X display: each view shown, grabbed from the screen, judged.

``test_review_german_xvfb.py`` runs ``python -m tests.review.german_screens <folder>``
with ``DISPLAY`` set to its own Xvfb: the overview, a meeting page (top and scrolled
down), the client page and the search results, each grabbed from the X server's own
pixels into ``<folder>/review-de-xvfb-<view>.png``. The last line printed is JSON: the
English words, layout faults and cut-off columns found, per view (empty when all is well).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from app.store import open_store
from app.ui.common.fit_checks import window_fit_problems
from app.ui.common.languages import install_language
from app.ui.common.store_client import StoreClient
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import fill
from tests.review.conftest import GENERATED_MEETINGS, TODAY
from tests.review.test_review_german import cut_off_columns, english_left

WAIT_S = 15.0


def wait_until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(window: ReviewWindow) -> None:
    """Every answer in and painted: the next grab shows what a person would see."""
    wait_until(lambda: not window.context.busy and not window.search.searching, "the review")
    for _ in range(5):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def main(folder: Path) -> int:
    application = QApplication([])
    language = install_language("de")
    opened = open_store()
    meetings = fill(opened.service, GENERATED_MEETINGS, today=TODAY)
    client = StoreClient(opened)
    window = ReviewWindow(client, today=lambda: TODAY)
    window.show()
    wait_until(lambda: bool(window.trends_chart.points()), "the trends")
    found: dict[str, list[str]] = {}

    def look(view: str) -> None:
        settle(window)
        screen = window.screen()
        screen.grabWindow(0).save(str(folder / f"review-de-xvfb-{view}.png"))
        found[view] = english_left(window) + window_fit_problems(window)
        found[view] += cut_off_columns(window)

    look("overview")
    chosen = next(m for m in reversed(meetings) if m.follow_up is not None)
    window.open_meeting(chosen.meeting_id)
    wait_until(lambda: window.pages.currentWidget() is window.meeting_page, "the meeting")
    look("meeting")
    bar = window.meeting_page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    look("meeting-lower")
    window.meeting_page.client_button.click()
    wait_until(lambda: window.pages.currentWidget() is window.client_page, "the client")
    look("client")
    window.show_overview()
    window.search_box.setText("pallets")
    wait_until(lambda: window.search_model.rowCount() > 0, "the search results")
    look("search")

    window.close()
    client.finish_calls()
    opened.close()
    language.uninstall()
    del application
    print(json.dumps(found, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

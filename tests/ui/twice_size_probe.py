"""The live window of every shipped playbook at twice the text size, for
``test_live_twice_size``: run as a subprocess (``QT_SCALE_FACTOR`` is read at start-up).

``POISE_TEST_FONT_SCALE`` makes the application font that many times larger, as a system
font at 200 % does; ``POISE_TEST_NATIVE_WAYLAND=1`` makes the session native Wayland on
GNOME, where the live window opens with its notice that it cannot stay on top.

Prints one JSON line: the window's size, whether the notice showed, and each step whose
card does not show it whole (part of it hidden behind "the whole step", or text clipped).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.domain.library import Origin, load_library
from app.settings import DEFAULTS
from app.store import open_store
from app.ui.common.fit_checks import window_fit_problems
from app.ui.common.theme import apply_look
from tests.ui.live_windows import live_window_on

PLAYBOOKS = Path(__file__).resolve().parents[2] / "playbooks"


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def as_native_wayland() -> None:
    from app.platform.window_session import Desktop, SessionKind, WindowSession
    from app.ui.live import window_placement

    native = WindowSession(SessionKind.WAYLAND, Desktop.GNOME, "wayland")
    window_placement.detect_window_session = lambda _platform: native  # type: ignore[assignment]


def main() -> None:
    application = QApplication(sys.argv)
    if os.environ.get("POISE_TEST_NATIVE_WAYLAND") == "1":
        as_native_wayland()
    scale = float(os.environ.get("POISE_TEST_FONT_SCALE", "1"))
    font = application.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    application.setFont(font)
    apply_look(application, False)
    large = os.environ.get("POISE_TEST_LARGE_STEP_TEXT") == "1"
    shots = os.environ.get("POISE_TEST_SHOTS", "")
    os.environ.setdefault("POISE_DATA_DIR", tempfile.mkdtemp())
    store = open_store()
    library = load_library([(Origin.SHIPPED, PLAYBOOKS)])
    problems: list[str] = []
    sizes: list[tuple[int, int]] = []
    notices: list[bool] = []
    for playbook in library.playbooks:
        settings = dataclasses.replace(DEFAULTS, large_step_text=large)
        window = live_window_on(store, playbook, settings)
        session = window.session
        window.show()
        window.begin()
        notices.append(window.window_place_line.isVisible())
        for number in range(1, len(session.domain.steps) + 1):
            settle()
            where = f"{playbook.id} step {number}"
            if window.card.more.isVisible():
                problems.append(f"{where}: part of the step hidden behind 'the whole step'")
            problems += [f"{where}: {problem}" for problem in window_fit_problems(window)]
            if shots and number in (1, len(session.domain.steps)):
                window.grab().save(f"{shots}/{playbook.id}-step-{number}.png")
            session.next_step()
        sizes.append((window.width(), window.height()))
        session.end(None)
        window.close()
        window.deleteLater()
        settle()
    store.writer.flush(5)
    store.close()
    print(json.dumps({"problems": problems, "sizes": sizes, "notices": notices}))


if __name__ == "__main__":
    main()

"""The prepare dialog (both pages), the settings (every tab) and the summary at twice the
text size, for ``test_live_twice_size``: run as a subprocess, as ``twice_size_probe.py``
is (``QT_SCALE_FACTOR`` is read at start-up; ``POISE_TEST_FONT_SCALE`` as there).

Each window opens at the size it gives itself; prints one JSON line: per window its size
(in device-independent pixels) and the layout faults ``window_fit_problems`` finds (a
squeezed control, a text cut short, texts drawn over each other) and content a scroll
area cuts off at the right.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.domain.library import Origin, load_library
from app.settings import DEFAULTS, load_settings
from app.store import open_store
from app.ui.common.fit_checks import window_fit_problems
from app.ui.common.scroll_fit import scrolled_content_cut
from app.ui.common.theme import apply_look
from app.ui.live.summary import SummaryWindow
from app.ui.prepare.prepare_dialog import PrepareDialog
from app.ui.settings.settings_dialog import SettingsDialog
from tests.ui.live_windows import live_window_on

PLAYBOOKS = Path(__file__).resolve().parents[2] / "playbooks"


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


class Seen:
    def __init__(self, shots: str) -> None:
        self.shots = shots
        self.windows: dict[str, dict[str, object]] = {}

    def look_at(self, name: str, window: QWidget) -> None:
        settle()
        self.windows[name] = {
            "size": [window.width(), window.height()],
            "problems": window_fit_problems(window) + scrolled_content_cut(window),
        }
        if self.shots:
            window.grab().save(f"{self.shots}/{name}.png")


def main() -> None:
    application = QApplication(sys.argv)
    scale = float(os.environ.get("POISE_TEST_FONT_SCALE", "1"))
    font = application.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    application.setFont(font)
    apply_look(application, False)
    os.environ.setdefault("POISE_DATA_DIR", tempfile.mkdtemp())
    seen = Seen(os.environ.get("POISE_TEST_SHOTS", ""))
    library = load_library([(Origin.SHIPPED, PLAYBOOKS)])

    prepare = PrepareDialog(library, ["Harbor & Finch Logistics"], load_settings())
    prepare.show()
    seen.look_at("prepare", prepare)
    prepare.client.lineEdit().setText("Harbor & Finch Logistics")
    prepare.next_button.click()
    seen.look_at("prepare-checklist", prepare)
    prepare.close()

    settings = SettingsDialog()
    settings.show()
    for number in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(number)
        seen.look_at(f"settings-tab-{number + 1}", settings)
    settings.close()

    store = open_store()
    window = live_window_on(store, library.playbooks[0], DEFAULTS)
    window.begin()
    window.session.next_step()
    recap = window.session.end(None)
    summary = SummaryWindow(
        recap,
        meeting_id=window.session.meeting_id,
        client_name="Harbor & Finch Logistics",
        meeting_title="Missed launch date",
        started_at=window.session.domain.started_at,
        notes=window.session.notes,
    )
    summary.show()
    seen.look_at("summary", summary)
    summary.close()
    window.close()
    store.writer.flush(5)
    store.close()
    print(json.dumps({"windows": seen.windows}))


if __name__ == "__main__":
    main()

"""The prepare dialog with a partner's brief at twice the text size, for
``test_prepare_twice_size``: run as a subprocess (``QT_SCALE_FACTOR`` is read at start-up).

``POISE_TEST_FONT_SCALE`` makes the application font that many times larger, as a system
font at 200 % does; ``POISE_TEST_LANGUAGE`` picks the words' language. Prints one JSON
line: the dialog's size and every control that does not fit (clipped, squeezed, or wider
than the page, which has no sideways scroll bar).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from app.domain.library import Origin, load_library
from app.settings import DEFAULTS
from app.ui.common.fit_checks import window_fit_problems
from app.ui.common.languages import install_language
from app.ui.common.theme import apply_look
from app.ui.prepare.prepare_dialog import PrepareDialog
from tests.ui.twice_size_probe import settle

PLAYBOOKS = Path(__file__).resolve().parents[2] / "playbooks"


def main() -> None:
    application = QApplication(sys.argv)
    language = install_language(os.environ.get("POISE_TEST_LANGUAGE", "en"))
    scale = float(os.environ.get("POISE_TEST_FONT_SCALE", "1"))
    font = application.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    application.setFont(font)
    apply_look(application, False)
    library = load_library([(Origin.SHIPPED, PLAYBOOKS)])
    dialog = PrepareDialog(library, [], DEFAULTS)
    dialog.show()
    dialog.client.setEditText("Donaudampfschifffahrtsgesellschaft")
    dialog.partner.setText("Maximiliane")
    dialog.add_cue.click()
    dialog.add_cue.click()
    settle()
    problems = [f"{problem}" for problem in window_fit_problems(dialog)]
    scroll = next(s for s in dialog.findChildren(QScrollArea) if s.isVisible())
    page = scroll.widget()
    viewport = scroll.viewport().width()
    if page.minimumSizeHint().width() > viewport:
        problems.append(
            f"the page needs {page.minimumSizeHint().width()} px, the dialog shows {viewport}"
        )
    for child in page.findChildren(QWidget):
        if child.isVisible() and child.mapTo(page, child.rect().topRight()).x() > viewport:
            problems.append(f"{type(child).__name__} {child.objectName()!r} runs off the side")
    shots = os.environ.get("POISE_TEST_SHOTS", "")
    if shots:
        scroll.ensureWidgetVisible(dialog.brief.role, 0, 0)
        settle()
        dialog.grab().save(f"{shots}/prepare-brief-{language.code}.png")
        scroll.ensureWidgetVisible(dialog.brief.meaning_lines[-1].meaning, 0, 0)
        settle()
        dialog.grab().save(f"{shots}/prepare-brief-{language.code}-end.png")
    print(json.dumps({"size": [dialog.width(), dialog.height()], "problems": problems}))


if __name__ == "__main__":
    main()

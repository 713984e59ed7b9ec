"""The prepare dialog with a partner's brief, for ``test_prepare_twice_size``: run as a
subprocess (``QT_SCALE_FACTOR`` is read at start-up).

``POISE_TEST_FONT_SCALE`` makes the application font that many times larger, as a system
font at 200 % does; ``POISE_TEST_LANGUAGE`` picks the words' language, ``POISE_TEST_LOOK``
the look (light, high_contrast). Both pages are judged: the details with three cues and
the brief, then the checklist. Prints one JSON line: the dialog's size and every control
that does not fit (clipped, squeezed, wider than the page, which has no sideways scroll
bar, or a field whose words do not show whole).
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
from app.ui.common.theme import Look, apply_look
from app.ui.prepare.prepare_dialog import PrepareDialog
from tests.ui.field_text_fits import fields_cut
from tests.ui.twice_size_probe import settle

PLAYBOOKS = Path(__file__).resolve().parents[2] / "playbooks"


def page_problems(dialog: PrepareDialog, page_name: str) -> list[str]:
    problems = [f"{page_name}: {problem}" for problem in window_fit_problems(dialog)]
    problems += [f"{page_name}: {problem}" for problem in fields_cut(dialog)]
    scroll = next(s for s in dialog.findChildren(QScrollArea) if s.isVisible())
    page = scroll.widget()
    viewport = scroll.viewport().width()
    if page.minimumSizeHint().width() > viewport:
        problems.append(
            f"{page_name}: the page needs {page.minimumSizeHint().width()} px, "
            f"the dialog shows {viewport}"
        )
    for child in page.findChildren(QWidget):
        if child.isVisible() and child.mapTo(page, child.rect().topRight()).x() > viewport:
            problems.append(f"{page_name}: {type(child).__name__} {child.objectName()!r} runs off")
    return problems


def main() -> None:
    application = QApplication(sys.argv)
    language = install_language(os.environ.get("POISE_TEST_LANGUAGE", "en"))
    scale = float(os.environ.get("POISE_TEST_FONT_SCALE", "1"))
    font = application.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    application.setFont(font)
    look = Look(os.environ.get("POISE_TEST_LOOK", Look.LIGHT.value))
    apply_look(application, look)
    library = load_library([(Origin.SHIPPED, PLAYBOOKS)])
    dialog = PrepareDialog(library, [], DEFAULTS)
    dialog.show()
    dialog.client.setEditText("Donaudampfschifffahrtsgesellschaft")
    dialog.partner.setText("Maximiliane")
    dialog.add_cue.click()
    dialog.add_cue.click()
    settle()
    problems = page_problems(dialog, "details")
    scroll = next(s for s in dialog.findChildren(QScrollArea) if s.isVisible())
    shots = os.environ.get("POISE_TEST_SHOTS", "")
    name = f"{language.code}" if look is Look.LIGHT else f"{language.code}-{look.value}"
    if shots:
        dialog.grab().save(f"{shots}/prepare-top-{name}.png")
        scroll.ensureWidgetVisible(dialog.cue_rows[-1], 0, 0)
        settle()
        dialog.grab().save(f"{shots}/prepare-cues-{name}.png")
        scroll.ensureWidgetVisible(dialog.brief.role, 0, 0)
        settle()
        dialog.grab().save(f"{shots}/prepare-brief-{name}.png")
        scroll.ensureWidgetVisible(dialog.brief.meaning_lines[-1].meaning, 0, 0)
        settle()
        dialog.grab().save(f"{shots}/prepare-brief-{name}-end.png")
    size = [dialog.width(), dialog.height()]
    dialog.next_button.click()
    settle()
    assert dialog.pages.currentIndex() == 1, dialog.error.text()
    problems += page_problems(dialog, "checklist")
    if shots:
        dialog.grab().save(f"{shots}/prepare-checklist-{name}.png")
    print(json.dumps({"size": size, "problems": problems}))


if __name__ == "__main__":
    main()

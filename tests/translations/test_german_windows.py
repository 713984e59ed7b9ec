"""Poise in German, as a person sees it: real windows with the German translators
installed (offscreen), an export written in German, German dates and durations, and the
language setting deciding what the home window says.

The "no English left" check compares every visible text with the English string
literals of the code these windows and exports are made of: one that shows unchanged
was never translated (data such as client names is not in the code, so it passes).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.export import formatting
from app.export.markdown import meeting_markdown
from app.export.recap import recap_draft
from app.export.report import build_report
from app.playbooks import PlaybookOverview, load_all_playbooks
from app.store import Store
from app.ui.common import languages
from app.ui.common.fit_checks import squeezed, too_short
from app.ui.home.main_window import MainWindow
from app.ui.recap.recap_dialog import RecapDialog
from app.ui.settings.settings_dialog import SettingsDialog

from ..conftest import REPO_ROOT
from ..fresh_interpreter import run_fresh
from ..meeting_factory import make_meeting

# The rooms these windows and exports are made of (the partner tab is another part's).
OUR_CODE = (
    "app/ui/home",
    "app/ui/settings",
    "app/ui/common",
    "app/ui/recap",
    "app/ui/app_controller.py",
    "app/export",
    "app/domain/meeting_terms.py",
    "app/domain/hotkeys.py",
)
# The same in both languages, or not words at all.
# "English" is the language list naming English in its own words.
SAME_IN_GERMAN = {
    "Poise",
    "Export",
    "Partner",
    "Markdown (*.md)",
    "PDF (*.pdf)",
    "Details",
    "English",
}
STARTED = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def english_literals() -> set[str]:
    """Every string literal in our code that reads as words (two letters or more)."""
    found: set[str] = set()
    for root in OUR_CODE:
        path = REPO_ROOT / root
        for source in [path] if path.is_file() else sorted(path.rglob("*.py")):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value.strip()
                    if (
                        sum(char.isalpha() for char in text) >= 2 and " " in text
                    ) or text.istitle():
                        found.add(text)
    return found - SAME_IN_GERMAN


def visible_texts(window: QWidget, skip: QWidget | None = None) -> list[str]:
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if skip is not None and (widget is skip or skip.isAncestorOf(widget)):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(index) for index in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(index) for index in range(widget.count())]
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        texts.append(widget.toolTip())
    return [line.strip() for text in texts for line in text.replace("&", "").split("\n")]


def clipped(window: QWidget) -> list[str]:
    """Shown controls with less room than their text needs (squeezed or cut short).

    The "…" heuristic of ``fit_problems`` is left out: the German names the button
    "Festlegen…" inside a sentence, which is no shortening.
    """
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible() and not widget.objectName().startswith("qt_"):
            found += [
                f"{widget.objectName()}: {p}" for p in (too_short(widget), squeezed(widget)) if p
            ]
    return found


def english_left(texts: list[str], english: set[str]) -> list[str]:
    return sorted({text for text in texts if text and text in english})


@pytest.fixture
def german(qapp: QApplication) -> Iterator[languages.InstalledLanguage]:
    installed = languages.install_language("de")
    assert (installed.code, installed.problem) == ("de", "")
    yield installed
    installed.uninstall()
    languages.install_language("en")  # what every other test has (tests/conftest.py)


@pytest.fixture
def report_detail(store: Store):  # type: ignore[no-untyped-def]
    made = make_meeting(
        store.service,
        client_name="Acme Logistics",
        title="Late pallets",
        started_at=STARTED,
        notes={NoteField.WHAT_THEY_SAY: "They were let down", NoteField.COMMITMENTS: "We resend"},
        actions=(("Send the new plan", "Sam", date(2025, 3, 11)),),
        follow_up=date(2025, 3, 18),
    )
    return store.service.load_meeting(made.meeting_id)


def test_home_settings_and_recap_show_no_english(
    german: languages.InstalledLanguage, qtbot: QtBot, report_detail: object
) -> None:
    english = english_literals()
    assert len(english) > 150  # the check reads the code
    home = MainWindow(PlaybookOverview.of(load_all_playbooks()))
    qtbot.addWidget(home)
    home.store_ready()
    home.show_recent([])
    home.show()
    assert home.new_meeting_button.text() == "Neue Besprechung…"
    assert home.status.text().endswith("Leitfäden bereit.")  # Qt's German plural
    qtbot.waitUntil(lambda: clipped(home) == [], timeout=2000)
    assert english_left(visible_texts(home), english) == []

    settings = SettingsDialog(home)
    qtbot.addWidget(settings)
    settings.show()
    shown = []
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        shown += visible_texts(settings, skip=settings.partners_page)
        # German's longer words must not clip or squeeze a control (the partner tab aside).
        if settings.tabs.currentWidget() is not settings.partners_page:
            # Once the tab is laid out (the layout runs from the event loop).
            qtbot.waitUntil(lambda: clipped(settings) == [], timeout=2000)
    assert "Abbrechen" in shown  # Qt's own words, from qtbase_de.qm
    assert english_left(shown, english) == []

    draft = recap_draft(build_report(report_detail))  # type: ignore[arg-type]
    recap = RecapDialog(draft, home)
    qtbot.addWidget(recap)
    recap.show()
    qtbot.waitUntil(lambda: clipped(recap) == [], timeout=2000)
    assert english_left(visible_texts(recap), english) == []
    assert draft.subject == "Unsere Besprechung am Di., 4. März 2025: Late pallets"
    assert english_left(draft.body.splitlines(), english) == []


def test_the_markdown_export_is_german(
    german: languages.InstalledLanguage, report_detail: object
) -> None:
    text = meeting_markdown(build_report(report_detail))  # type: ignore[arg-type]
    assert "## Notizen" in text and "## Aufgaben" in text and "## Zeitleiste" in text
    assert "- **Wann:** Di., 4. März 2025" in text
    assert "- **Wiedervorlage:** Di., 18. März 2025" in text
    assert "(Sam, fällig Di., 11. März 2025)" in text
    headings = [line.lstrip("#-* ").split(":**")[0] for line in text.splitlines()]
    assert english_left(headings, english_literals()) == []


def test_dates_and_durations_follow_the_language(
    german: languages.InstalledLanguage,
) -> None:
    moment = datetime(2025, 3, 4, 9, 30)
    assert formatting.format_day(moment.date()) == "Di., 4. März 2025"
    assert formatting.format_when(moment) == "Di., 4. März 2025, 09:30"
    assert formatting.format_duration(timedelta(minutes=65)) == "1 Std. 05 Min."
    assert formatting.format_duration(timedelta(minutes=12)) == "12 Min."
    assert formatting.format_seconds(80) == "1 Min. 20 s"
    german.uninstall()
    # Without the windows' language (the command line): the English tables.
    assert formatting.format_day(moment.date()) == "Tue 4 Mar 2025"
    assert formatting.format_duration(timedelta(minutes=65)) == "1 h 05 min"


HOME_WORDS = """
import json, os, pathlib
from PySide6.QtWidgets import QApplication
from app.playbooks import PlaybookOverview, load_all_playbooks
from app.settings import shared_settings
from app.ui.common.languages import install_language
from app.ui.home.main_window import MainWindow
pathlib.Path(os.environ["POISE_DATA_DIR"], "settings.json").write_text(
    json.dumps({"language": os.environ["WANTED_LANGUAGE"]}), encoding="utf-8"
)
application = QApplication([])
language = install_language(shared_settings().current.language)
window = MainWindow(PlaybookOverview.of(load_all_playbooks()))
print(json.dumps([language.code, window.new_meeting_button.text()]))
"""


@pytest.mark.parametrize(
    ("setting", "lang", "expected"),
    [
        ("de", "C.UTF-8", ["de", "Neue Besprechung…"]),
        ("en", "de_DE.UTF-8", ["en", "New meeting…"]),
        ("system", "de_DE.UTF-8", ["de", "Neue Besprechung…"]),
        ("system", "en_GB.UTF-8", ["en", "New meeting…"]),
    ],
)
def test_the_language_setting_decides_the_home_window(
    setting: str, lang: str, expected: list[str], tmp_path: Path
) -> None:
    seen = run_fresh(
        HOME_WORDS, tmp_path, WANTED_LANGUAGE=setting, LANG=lang, LC_ALL="", LANGUAGE=""
    )
    assert seen == expected

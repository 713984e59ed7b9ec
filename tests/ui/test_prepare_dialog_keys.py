"""The New meeting dialog as a person types it, with the real dialog and real key events:
the first letters land in the client field, Enter goes on field by field and then to the
checklist, Esc asks before throwing typed details away, and a long briefing for a known
client appears without moving any field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.playbooks import load_all_playbooks
from app.settings import load_settings
from app.ui.prepare.prepare_dialog import PrepareDialog


def open_dialog(qtbot: QtBot, library: PlaybookLibrary, clients: list[str]) -> PrepareDialog:
    dialog = PrepareDialog(library, clients, load_settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def keyboard(dialog: PrepareDialog) -> QWidget:
    """The widget the dialog gives the keyboard to (offscreen, no window is ever active)."""
    target = dialog.focusWidget()
    assert target is not None, "no widget has the keyboard"
    return target


def type_here(qtbot: QtBot, dialog: PrepareDialog, text: str) -> None:
    """Keys to whatever has the keyboard, as a person types without clicking first."""
    for letter in text:
        qtbot.keyClick(keyboard(dialog), letter)


def enter(qtbot: QtBot, dialog: PrepareDialog) -> None:
    qtbot.keyClick(keyboard(dialog), Qt.Key.Key_Return)


def test_typing_starts_in_the_client_field_and_enter_goes_on_to_the_checklist(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    dialog = open_dialog(qtbot, library, [])
    type_here(qtbot, dialog, "Harbor")
    assert dialog.client.currentText() == "Harbor"  # no first letter lost
    enter(qtbot, dialog)
    assert keyboard(dialog) is dialog.title
    type_here(qtbot, dialog, "Late")
    enter(qtbot, dialog)
    assert dialog.title.text() == "Late"
    assert keyboard(dialog) is dialog.partner
    # On through the cue's fields; Enter in the last one goes to the checklist.
    for _ in range(1 + 2 * len(dialog.cue_rows)):
        assert dialog.pages.currentIndex() == 0
        enter(qtbot, dialog)
    assert dialog.pages.currentIndex() == 1
    assert dialog.plan is not None and dialog.plan.title == "Late"
    dialog.done(0)


def test_esc_asks_before_discarding_typed_details(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    dialog = open_dialog(qtbot, library, [])
    type_here(qtbot, dialog, "Harbor")
    qtbot.keyClick(keyboard(dialog), Qt.Key.Key_Escape)
    question = dialog.discard_question
    assert isinstance(question, QMessageBox) and question.isVisible()
    assert dialog.isVisible()
    qtbot.mouseClick(question.findChild(QPushButton, "keepEditing"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.client.currentText() == "Harbor"

    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    question = dialog.discard_question
    assert question is not None
    qtbot.mouseClick(question.findChild(QPushButton, "confirmDiscard"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_an_untouched_dialog_closes_on_esc_without_a_question(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    dialog = open_dialog(qtbot, library, [])
    qtbot.keyClick(keyboard(dialog), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_question is None


def test_a_long_briefing_moves_no_field(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    dialog = open_dialog(qtbot, load_all_playbooks(), ["Harbor & Sons", "Northwind"])
    fields = (dialog.client, dialog.title, dialog.playbook, dialog.partner)

    def places() -> list[tuple[int, int, int, int]]:
        QApplication.processEvents()
        return [
            (*(f.mapTo(dialog, f.rect().topLeft()).toTuple()), f.width(), f.height())
            for f in fields
        ]

    before = places()
    dialog.client.setCurrentIndex(0)
    lines = ["Last time with Harbor & Sons (3 Dec):"] + [
        f"Open: action item {n}, long enough to wrap onto a second line of the dialog"
        for n in range(20)
    ]
    dialog.show_briefing("Harbor & Sons", lines)
    qtbot.waitUntil(lambda: dialog.briefing_labels[0].isVisible())
    (details,) = [a for a in dialog.findChildren(QScrollArea) if a.isAncestorOf(dialog.title)]
    scroll_bar = details.verticalScrollBar()
    qtbot.waitUntil(scroll_bar.isVisible)  # long enough to scroll, as a busy client's is
    assert places() == before

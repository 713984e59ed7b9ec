"""Settings' Partners page as a person meets it, with real widgets at the dialog's default
size: the pairing code is shown whole with its white quiet zone, Enter in the name field
pairs and keeps Settings open, and Revoke asks first, naming the partner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.link.pairing import pairing_book
from app.ui.partner.qr_code import QUIET_ZONE_MODULES
from app.ui.settings.settings_dialog import SettingsDialog


def partners_page_at_default_size(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.partners_page)
    dialog.partners_page.broker_field.setText("wss://relay.example.org/mqtt")
    return dialog


def pair_by_enter(qtbot: QtBot, dialog: SettingsDialog, name: str) -> None:
    page = dialog.partners_page
    page.name_field.setFocus()
    qtbot.keyClicks(page.name_field, name)
    qtbot.keyClick(page.name_field, Qt.Key.Key_Return)
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def is_white(image: QImage, x: int, y: int) -> bool:
    return QColor(image.pixel(x, y)).lightness() > 240


def test_enter_pairs_and_the_code_shows_whole_with_its_quiet_zone(
    qtbot: QtBot, data_dir: Path, screens_dir: Path
) -> None:
    dialog = partners_page_at_default_size(qtbot)
    pair_by_enter(qtbot, dialog, "Alexandra")
    page = dialog.partners_page
    assert dialog.isVisible(), "Enter in the name field closed Settings"
    assert [partner.name for partner in pairing_book().partners] == ["Alexandra"]
    assert page.link_box.isVisible()
    picture = page.qr_label.pixmap()
    qtbot.waitUntil(lambda: page.qr_label.visibleRegion().boundingRect().size() == picture.size())
    assert dialog.grab().save(str(screens_dir / "settings_partners_code.png"))

    # What is on screen: the label's own pixels, every row of the code and its margin.
    shown = page.qr_label.grab().toImage()
    assert shown.size() == picture.size()
    module = shown.width() // (QUIET_ZONE_MODULES * 2 + 25)  # the smallest code is 21 wide
    assert module >= 1
    margin = QUIET_ZONE_MODULES * (picture.width() // _modules_across(picture.toImage()))
    for edge in range(margin):
        for along in range(0, shown.width(), 3):
            assert is_white(shown, along, edge) and is_white(
                shown, along, shown.height() - 1 - edge
            )
            assert is_white(shown, edge, along) and is_white(shown, shown.width() - 1 - edge, along)
    # The top-left finder pattern starts just inside the quiet zone.
    assert not is_white(shown, margin + 1, margin + 1)
    assert page.pair_button.width() >= page.pair_button.sizeHint().width()


def _modules_across(image: QImage) -> int:
    """Modules per side, from the first dark run: a finder pattern is 7 modules wide."""
    y = next(
        row
        for row in range(image.height())
        if any(not is_white(image, x, row) for x in range(image.width()))
    )
    start = next(x for x in range(image.width()) if not is_white(image, x, y))
    end = next(x for x in range(start, image.width()) if is_white(image, x, y))
    module = (end - start) // 7
    return image.width() // module


def test_revoke_asks_first_by_name_and_keep_keeps_the_partner(qtbot: QtBot, data_dir: Path) -> None:
    alex = pairing_book().pair("Alex")
    dialog = partners_page_at_default_size(qtbot)
    page = dialog.partners_page
    revoke = page.findChild(QPushButton, f"revoke-{alex.partner_id}")
    qtbot.mouseClick(revoke, Qt.MouseButton.LeftButton)
    question = page.revoke_question
    assert isinstance(question, QMessageBox) and question.isVisible()
    assert "Alex" in question.text()
    assert pairing_book().partners == (alex,)  # nothing happened yet
    question.button(QMessageBox.StandardButton.NoButton)
    keep = next(b for b in question.buttons() if b.text() == "Keep")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert pairing_book().partners == (alex,)

    qtbot.mouseClick(
        page.findChild(QPushButton, f"revoke-{alex.partner_id}"), Qt.MouseButton.LeftButton
    )
    question = page.revoke_question
    assert question is not None
    qtbot.mouseClick(question.findChild(QPushButton, "confirmRevoke"), Qt.MouseButton.LeftButton)
    assert pairing_book().partners == ()
    assert "Cancel does not undo" in " ".join(
        label.text() for label in page.findChildren(type(page.empty_label))
    )

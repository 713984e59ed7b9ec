"""Settings' Partners page with real widgets and the real pairing file: the relay address
is checked where it is typed, a partner is paired with a QR code and a link, listed with
when it was paired and last seen, and revoked."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.link.pairing import PAIRING_FILE_NAME, pairing_book, parse_relay_link
from app.link.relay_crypto import decode_secret
from app.settings import load_settings
from app.ui.settings.settings_dialog import SettingsDialog


def open_partners_page(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.partners_page)
    return dialog


def test_pairing_a_partner_then_revoking_them(
    qtbot: QtBot, data_dir: Path, screens_dir: Path
) -> None:
    dialog = open_partners_page(qtbot)
    page = dialog.partners_page
    assert page.empty_label.isVisible()

    # Pairing needs a relay; a wrong address is said where it was typed and kept.
    qtbot.keyClicks(page.name_field, "Alex")
    qtbot.mouseClick(page.pair_button, Qt.MouseButton.LeftButton)
    assert "Set the team relay's address first" in page.pair_problem.text()
    qtbot.keyClicks(page.broker_field, "https://relay.example.org/mqtt")
    assert page.address_problem.isVisible()
    assert "Team relay: a relay address looks like wss://" in page.address_problem.text()
    dialog.accept()
    assert dialog.isVisible()  # not saved: the address would not work
    assert page.broker_field.text() == "https://relay.example.org/mqtt"
    page.broker_field.setText("wss://relay.example.org/mqtt")
    assert not page.address_problem.isVisible()

    qtbot.mouseClick(page.pair_button, Qt.MouseButton.LeftButton)
    assert not page.pair_problem.isVisible()
    assert page.link_box.isVisible() and not page.qr_label.pixmap().isNull()
    link = page.link_field.text()
    assert link.startswith("https://relay.example.org/#k=")
    # Copy puts the link on the clipboard and says so, as the pairing panel's Copy does.
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == link
    assert page.copy_button.text() == "Copied"
    (alex,) = pairing_book().partners
    assert alex.name == "Alex" and parse_relay_link(link).secret == decode_secret(alex.secret)
    assert page.name_field.text() == ""
    row_texts = [w.text() for w in page._rows if not isinstance(w, QPushButton)]
    assert row_texts[0] == "Alex" and row_texts[2] == "last seen never"
    QApplication.sendPostedEvents()
    assert dialog.grab().save(str(screens_dir / "settings_partners.png"))

    dialog.accept()
    assert load_settings().relay_broker_url == "wss://relay.example.org/mqtt"
    pairing_book().flush()
    stored = json.loads((data_dir / PAIRING_FILE_NAME).read_text(encoding="utf-8"))
    assert [entry["name"] for entry in stored["partners"]] == ["Alex"]
    assert alex.secret not in (data_dir / "settings.json").read_text(encoding="utf-8")

    # Another day: still paired; revoked, gone from the list, the file and the screen.
    again = open_partners_page(qtbot)
    revoke = again.partners_page.findChild(QPushButton, f"revoke-{alex.partner_id}")
    assert revoke is not None
    qtbot.mouseClick(
        again.partners_page.findChild(QPushButton, f"showLink-{alex.partner_id}"),
        Qt.MouseButton.LeftButton,
    )
    assert again.partners_page.link_field.text() == link
    qtbot.mouseClick(revoke, Qt.MouseButton.LeftButton)
    question = again.partners_page.revoke_question
    assert question is not None and question.isVisible()
    qtbot.mouseClick(question.findChild(QPushButton, "confirmRevoke"), Qt.MouseButton.LeftButton)
    assert pairing_book().partners == ()
    assert again.partners_page.link_field.text() == ""
    assert again.partners_page.empty_label.isVisible()
    pairing_book().flush()
    stored = json.loads((data_dir / PAIRING_FILE_NAME).read_text(encoding="utf-8"))
    assert stored["partners"] == []

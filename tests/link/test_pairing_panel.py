"""The pairing panel: on/off, QR code and address, copy, partner count."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QAbstractSocket
from pytestqt.qtbot import QtBot

from app.link.client import PartnerLinkClient
from app.link.server import PartnerLinkServer
from app.ui.partner.pairing_panel import PairingPanel, partners_text, qr_image
from tests.link.conftest import TWO_CUES


def test_the_qr_code_is_a_readable_square_image() -> None:
    image = qr_image("http://192.168.1.20:40123/p/" + "A" * 43)
    assert not image.isNull()
    assert image.width() == image.height() >= 150
    assert image.pixelColor(0, 0).name() == "#ffffff"  # the quiet zone


def test_partner_counts_read_well(english: None) -> None:
    assert [partners_text(n) for n in (0, 1, 3)] == [
        "No partner connected",
        "1 partner connected",
        "3 partners connected",
    ]


def test_the_panel_turns_the_link_on_and_off(
    qtbot: QtBot, screens_dir: Path, english: None
) -> None:
    # Owned by a Qt parent, as the app's session owns it: a server freed by Python's garbage
    # collector while its sockets still had deletions queued crashed in ~QTcpSocket.
    owner = QObject()
    server = PartnerLinkServer(TWO_CUES, bind_address="127.0.0.1", parent=owner)
    panel = PairingPanel(server)
    qtbot.addWidget(panel)
    panel.resize(320, 330)
    panel.show()
    qtbot.waitExposed(panel)
    assert not server.is_running
    assert panel.details.isHidden()
    assert panel.hint_label.text() == "Off — nothing is listening."
    panel.grab().save(str(screens_dir / "pairing_panel_off.png"))

    panel.toggle.click()
    assert server.is_running
    assert panel.url_field.text() == server.pairing_url()
    assert panel.qr_label.pixmap() is not None and not panel.qr_label.pixmap().isNull()
    assert panel.partners_label.text() == "No partner connected"
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == server.pairing_url()

    client = PartnerLinkClient(server.pairing_url())
    client.start()
    qtbot.waitUntil(lambda: panel.partners_label.text() == "1 partner connected")
    panel.grab().save(str(screens_dir / "pairing_panel_on.png"))

    panel.toggle.click()
    assert not server.is_running
    assert panel.url_field.text() == ""
    assert panel.details.isHidden()
    client.stop()

    server.end()
    assert not panel.toggle.isEnabled()
    assert "ended" in panel.hint_label.text()
    # As in a meeting, the server outlives its panel until the sockets it closed are gone
    # (a server destroyed with a socket still closing crashes in Qt).
    qtbot.waitUntil(lambda: not server.findChildren(QAbstractSocket))


def test_a_link_that_cannot_start_says_why(qtbot: QtBot) -> None:
    server = PartnerLinkServer(TWO_CUES, bind_address="203.0.113.77")  # not this machine
    panel = PairingPanel(server)
    qtbot.addWidget(panel)
    panel.toggle.click()
    assert not server.is_running
    assert not panel.toggle.isChecked()
    assert panel.hint_label.text().startswith("Could not turn the link on")

"""The pairing panel: turns the partner link on or off and shows how to join it.

A QR code (segno) and the address for the partner's phone, a copy button for a
partner on a laptop (``poise partner URL``), and how many partners are
connected. Off by default: nothing listens until the user says so.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.link.server import LinkError, PartnerLinkServer

QR_SIDE_PX = 188


def qr_image(text: str, side_px: int = QR_SIDE_PX) -> QImage:
    """The QR code of ``text``, dark on white with a quiet zone, at most ``side_px`` wide.

    Whole pixels per module: a scaled-down code has uneven modules phones misread.
    """
    code = segno.make(text, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=2)[0]
    scale = max(1, side_px // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=2, dark="#000000", light="#ffffff")
    # Qt reads the format from the PNG header; naming it trips a stub/runtime mismatch
    # (the stubs want bytes, PySide6 at run time a str).
    return QImage.fromData(buffer.getvalue())


def partners_text(count: int) -> str:
    if count == 0:
        return "No partner connected"
    return "1 partner connected" if count == 1 else f"{count} partners connected"


class PairingPanel(QWidget):
    """Controls one meeting's :class:`PartnerLinkServer`."""

    def __init__(self, server: PartnerLinkServer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairingPanel")
        self._server = server

        self.toggle = QCheckBox("Partner link")
        self.toggle.setObjectName("partnerLinkToggle")
        self.toggle.setToolTip("Let a colleague send you a cue from their phone or laptop")
        self.partners_label = QLabel()
        self.partners_label.setObjectName("partnerCount")
        header = QHBoxLayout()
        header.addWidget(self.toggle)
        header.addStretch(1)
        header.addWidget(self.partners_label)

        self.hint_label = QLabel()
        self.hint_label.setObjectName("pairingHint")
        self.hint_label.setWordWrap(True)

        self.qr_label = QLabel()
        self.qr_label.setObjectName("pairingQr")
        self.qr_label.setFixedSize(QR_SIDE_PX, QR_SIDE_PX)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url_field = QLineEdit()
        self.url_field.setObjectName("pairingUrl")
        self.url_field.setReadOnly(True)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the address, for `poise partner URL` on a laptop")
        self.copy_button.clicked.connect(self._copy_url)
        url_row = QHBoxLayout()
        url_row.setSpacing(6)
        url_row.addWidget(self.url_field, stretch=1)
        url_row.addWidget(self.copy_button)
        self.details = QWidget()
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.setSpacing(8)
        details_layout.addWidget(self.qr_label, alignment=Qt.AlignmentFlag.AlignHCenter)
        details_layout.addLayout(url_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.details)
        layout.addStretch(1)

        self.toggle.toggled.connect(self._on_toggled)
        server.runningChanged.connect(self._refresh)
        server.partnerCountChanged.connect(lambda _count: self._refresh())
        self._problem = ""
        self._refresh()

    def _on_toggled(self, wanted_on: bool) -> None:
        self._problem = ""
        if wanted_on:
            try:
                self._server.start()
            except LinkError as problem:
                self._problem = str(problem)
        else:
            self._server.stop()
        self._refresh()

    def _refresh(self) -> None:
        running = self._server.is_running
        if self.toggle.isChecked() != running:
            self.toggle.blockSignals(True)
            self.toggle.setChecked(running)
            self.toggle.blockSignals(False)
        self.toggle.setEnabled(not self._server.has_ended)
        self.details.setVisible(running)
        self.partners_label.setVisible(running)
        self.partners_label.setText(partners_text(self._server.partner_count))
        if self._problem:
            self.hint_label.setText(f"Could not turn the link on: {self._problem}")
        elif self._server.has_ended:
            self.hint_label.setText("The meeting has ended; its link is closed.")
        elif running:
            self.hint_label.setText(
                "Your partner scans this on a phone on the same Wi-Fi. "
                "Only people with this code can send you a cue."
            )
        else:
            self.hint_label.setText("Off — nothing is listening.")
        if running:
            url = self._server.pairing_url()
            if self.url_field.text() != url:
                self.url_field.setText(url)
                self.url_field.setCursorPosition(0)
                self.qr_label.setPixmap(QPixmap.fromImage(qr_image(url)))
        else:
            # The secret should not linger on screen once the link is off.
            self.url_field.clear()
            self.qr_label.clear()

    def _copy_url(self) -> None:
        if self.url_field.text():
            QGuiApplication.clipboard().setText(self.url_field.text())

"""The pairing panel: turns the partner link on or off and shows how to join it.

A QR code (segno) and the address for the partner's phone, a copy button for a
partner on a laptop (``poise partner URL``) that says "Copied", who is connected,
and which network the link listens on. Off by default: nothing listens until the
user says so. Once a partner is connected the code and its secret leave the screen
(the client may see it); "Show the code again" brings them back for a second partner.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.link.lan_address import listen_choices
from app.link.server import BIND_ENV, LinkError, PartnerLinkServer
from app.ui.partner.copy_field import CopyField
from app.ui.partner.qr_code import QR_SIDE_PX, qr_image


class PartnerCountWords(QObject):
    """How many partners are here, in words (a QObject: lupdate finds plurals in self.tr)."""

    def say(self, count: int) -> str:
        if count == 0:
            return self.tr("No partner connected")
        return self.tr("%n partners connected", "", count)


def partners_text(count: int) -> str:
    return PartnerCountWords().say(count)


class PairingPanel(QWidget):
    """Controls one meeting's :class:`PartnerLinkServer`."""

    # the address the user chose to listen on, once the link accepted it (to be saved)
    bindAddressChosen = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, server: PartnerLinkServer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairingPanel")
        self._server = server
        self._code_wanted = False  # "Show the code again" while a partner is connected
        self._known_partners = 0

        self.toggle = QCheckBox(self.tr("Partner link"))
        self.toggle.setObjectName("partnerLinkToggle")
        self.toggle.setToolTip(self.tr("Let a colleague send you a cue from their phone or laptop"))
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
        self.url_copy = CopyField("pairingUrl")
        self.url_copy.field.setAccessibleName(self.tr("Pairing address"))
        self.url_field = self.url_copy.field
        self.copy_button = self.url_copy.button
        self.copy_button.setObjectName("pairingCopy")
        self.copy_button.setToolTip(
            self.tr("Copy the address, for `poise partner URL` on a laptop")
        )
        self.details = QWidget()
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.setSpacing(8)
        details_layout.addWidget(self.qr_label, alignment=Qt.AlignmentFlag.AlignHCenter)
        details_layout.addWidget(self.url_copy)

        self.who_label = QLabel()
        self.who_label.setObjectName("partnerWho")
        self.who_label.setWordWrap(True)
        self.show_code_button = QPushButton(self.tr("Show the code again"))
        self.show_code_button.setObjectName("pairingShowCode")
        self.show_code_button.setToolTip(
            self.tr("For a second partner; hidden again when one joins")
        )
        self.show_code_button.clicked.connect(self._show_code_again)

        self.bind_label = QLabel(self.tr("Listen on"))
        self.bind_choice = QComboBox()
        self.bind_choice.setObjectName("pairingBind")
        self.bind_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.bind_choice.setMinimumContentsLength(12)
        self._fill_bind_choices()
        self.bind_choice.activated.connect(self._on_bind_chosen)
        bind_row = QHBoxLayout()
        bind_row.setSpacing(6)
        bind_row.addWidget(self.bind_label)
        bind_row.addWidget(self.bind_choice, stretch=1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.who_label)
        layout.addWidget(self.show_code_button)
        layout.addWidget(self.details)
        layout.addLayout(bind_row)
        layout.addStretch(1)

        self.toggle.toggled.connect(self._on_toggled)
        server.runningChanged.connect(self._refresh)
        # A bound method, so Qt drops the connection with the panel (a lambda here outlived
        # the checkbox and raised once per partner when the meeting ended). partnersChanged
        # also fires whenever the count changes.
        server.partnersChanged.connect(self._refresh)
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
        partners = self._server.partners() if running else ()
        if len(partners) > self._known_partners:
            self._code_wanted = False  # someone just joined: the secret leaves the screen
        self._known_partners = len(partners)
        # The code is for joining: once a partner is here, the client must not see it.
        code_shown = running and (not partners or self._code_wanted)
        self.details.setVisible(code_shown)
        self.show_code_button.setVisible(running and bool(partners) and not code_shown)
        self.partners_label.setVisible(running)
        self.partners_label.setText(partners_text(self._server.partner_count))
        self.who_label.setVisible(bool(partners))
        self.who_label.setText("\n".join(partner.description for partner in partners))
        self.bind_choice.setEnabled(not self._server.has_ended and BIND_ENV not in os.environ)
        if self._problem:
            self.hint_label.setText(
                self.tr("Could not turn the link on: {problem}").format(problem=self._problem)
            )
        elif self._server.has_ended:
            self.hint_label.setText(self.tr("The meeting has ended; its link is closed."))
        elif running and partners:
            self.hint_label.setText(
                self.tr("Connected. The code stays hidden while a partner is here.")
            )
        elif running:
            self.hint_label.setText(
                self.tr(
                    "Your partner scans this on a phone on the same Wi-Fi. "
                    "Only people with this code can send you a cue."
                )
            )
        else:
            self.hint_label.setText(self.tr("Off — nothing is listening."))
        if code_shown:
            url = self._server.pairing_url()
            if self.url_field.text() != url:
                self.url_field.setText(url)
                self.url_field.setCursorPosition(0)
                self.qr_label.setPixmap(QPixmap.fromImage(qr_image(url)))
        else:
            # The secret should not linger on screen once the link is off or in use.
            self.url_field.clear()
            self.qr_label.clear()

    def _show_code_again(self) -> None:
        self._code_wanted = True
        self._refresh()

    def _fill_bind_choices(self) -> None:
        self.bind_choice.clear()
        current = self._server.bind_address
        for choice in listen_choices(current):
            self.bind_choice.addItem(choice.label, choice.address)
        self.bind_choice.setCurrentIndex(max(0, self.bind_choice.findData(current)))
        if BIND_ENV in os.environ:
            self.bind_choice.setToolTip(
                self.tr("Set by {variable}; unset it to choose here").format(variable=BIND_ENV)
            )
        else:
            self.bind_choice.setToolTip(
                self.tr("Which network a partner can reach you on; every network is the simplest")
            )

    def _on_bind_chosen(self, index: int) -> None:
        address = str(self.bind_choice.itemData(index))
        self._problem = ""
        try:
            self._server.set_bind_address(address)
        except LinkError as problem:
            self._problem = str(problem)
        else:
            self.bindAddressChosen.emit(address)
        self._refresh()

"""Settings' Partners page: the team's relay address and the paired partners.

Pair once: the user names a partner and Poise shows a QR code and a link holding a
new pairing secret (in the link's ``#fragment`` only). The phone or second Poise that
opens it is then paired for every meeting, through the relay, until the user revokes
it here. Each partner shows when it was paired and last heard from. The book itself
is ``app.link.pairing``; a revoke takes effect in a live meeting at once.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.link.pairing import PairedPartner, PairingBook, PairingError, pairing_book, pairing_link
from app.link.relay import RelayError, parse_broker_url
from app.settings import Settings
from app.ui.qr_code import qr_image

ADDRESS_HINT = "The relay address looks like wss://relay.example.org/mqtt"


def when_text(moment: datetime | None, never: str) -> str:
    if moment is None:
        return never
    local = moment.astimezone()
    return f"{local:%d %b %Y}, {local:%H:%M}"


class PairedPartnersPage(QWidget):
    """The relay address, the paired partners with Revoke, and pairing a new one."""

    def __init__(
        self, settings: Settings, book: PairingBook | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pairedPartnersPage")
        self.book = book or pairing_book()
        self._page_url = settings.relay_page_url

        self.broker_field = QLineEdit(settings.relay_broker_url)
        self.broker_field.setObjectName("relayBrokerUrl")
        self.broker_field.setPlaceholderText("wss://relay.example.org/mqtt")
        self.broker_field.textChanged.connect(self._check_address)
        self.address_problem = QLabel()
        self.address_problem.setObjectName("relayAddressProblem")
        self.address_problem.setWordWrap(True)
        self.address_problem.hide()
        form = QFormLayout()
        form.addRow("Team relay", self.broker_field)
        note = QLabel(
            "For a partner who cannot reach you over the local network: a phone on mobile "
            "data, guest Wi-Fi, a colleague at home. Cues through the relay are sealed; the "
            "relay sees neither the words nor who is in the meeting."
        )
        note.setWordWrap(True)

        self.partner_grid = QGridLayout()
        self.partner_grid.setHorizontalSpacing(12)
        self.empty_label = QLabel("No partner paired yet.")
        self.empty_label.setObjectName("noPairedPartners")

        self.name_field = QLineEdit()
        self.name_field.setObjectName("newPartnerName")
        self.name_field.setPlaceholderText("Partner's name, e.g. Alex")
        self.name_field.returnPressed.connect(self.pair_new_partner)
        self.pair_button = QPushButton("Pair")
        self.pair_button.setObjectName("pairPartner")
        self.pair_button.clicked.connect(self.pair_new_partner)
        pair_row = QHBoxLayout()
        pair_row.addWidget(self.name_field, 1)
        pair_row.addWidget(self.pair_button)
        self.pair_problem = QLabel()
        self.pair_problem.setObjectName("pairProblem")
        self.pair_problem.setWordWrap(True)
        self.pair_problem.hide()

        self.qr_label = QLabel()
        self.qr_label.setObjectName("pairingQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link_hint = QLabel()
        self.link_hint.setObjectName("pairingLinkHint")
        self.link_hint.setWordWrap(True)
        self.link_field = QLineEdit()
        self.link_field.setObjectName("pairingLink")
        self.link_field.setReadOnly(True)
        self.copy_button = QPushButton("Copy")
        self.copy_button.clicked.connect(self._copy_link)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_field, 1)
        link_row.addWidget(self.copy_button)
        self.link_box = QWidget()
        link_layout = QVBoxLayout(self.link_box)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_layout.addWidget(self.link_hint)
        link_layout.addWidget(self.qr_label, alignment=Qt.AlignmentFlag.AlignHCenter)
        link_layout.addLayout(link_row)
        self.link_box.hide()

        heading = QLabel("Paired partners")
        heading.setObjectName("sectionHeading")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.address_problem)
        layout.addWidget(note)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.partner_grid)
        layout.addLayout(pair_row)
        layout.addWidget(self.pair_problem)
        layout.addWidget(self.link_box)
        layout.addStretch(1)
        self._rows: list[QWidget] = []
        self.refresh()

    # --- the relay address --------------------------------------------------------------

    def broker_url(self) -> str:
        return self.broker_field.text().strip()

    def address_is_valid(self) -> bool:
        return self._address_problem() == ""

    def _address_problem(self) -> str:
        url = self.broker_url()
        if not url:
            return ""
        try:
            parse_broker_url(url)
        except RelayError as problem:
            return f"Team relay: {problem}"
        return ""

    def _check_address(self) -> None:
        problem = self._address_problem()
        self.address_problem.setText(problem)
        self.address_problem.setVisible(bool(problem))

    # --- partners -----------------------------------------------------------------------

    def refresh(self) -> None:
        for widget in self._rows:
            self.partner_grid.removeWidget(widget)
            widget.deleteLater()
        self._rows = []
        partners = self.book.partners
        self.empty_label.setVisible(not partners)
        for row, partner in enumerate(partners):
            name = QLabel(partner.name)
            paired = QLabel(f"paired {when_text(partner.created, '')}")
            seen = QLabel(f"last seen {when_text(partner.last_seen, 'never')}")
            show = QPushButton("Show link")
            show.setObjectName(f"showLink-{partner.partner_id}")
            show.clicked.connect(lambda _checked=False, p=partner: self.show_link(p))
            revoke = QPushButton("Revoke")
            revoke.setObjectName(f"revoke-{partner.partner_id}")
            revoke.setToolTip(f"{partner.name} can no longer send you cues or see your meetings")
            revoke.clicked.connect(lambda _checked=False, p=partner: self.revoke(p))
            for column, widget in enumerate((name, paired, seen, show, revoke)):
                self.partner_grid.addWidget(widget, row, column)
                self._rows.append(widget)

    def pair_new_partner(self) -> PairedPartner | None:
        self.pair_problem.hide()
        if not self.broker_url() or not self.address_is_valid():
            self._say_pair_problem("Set the team relay's address first. " + ADDRESS_HINT)
            return None
        try:
            partner = self.book.pair(self.name_field.text())
        except PairingError as problem:
            message = str(problem)
            self._say_pair_problem(message[:1].upper() + message[1:])
            return None
        self.name_field.clear()
        self.refresh()
        self.show_link(partner)
        return partner

    def show_link(self, partner: PairedPartner) -> None:
        if not self.broker_url() or not self.address_is_valid():
            self._say_pair_problem("Set the team relay's address first. " + ADDRESS_HINT)
            return
        link = pairing_link(partner, self.broker_url(), self._page_url)
        self.link_hint.setText(
            f"{partner.name} scans this with their phone, or opens the link in their "
            "Poise (poise partner LINK). Once is enough: they stay paired until you revoke them."
        )
        self.link_field.setText(link)
        self.link_field.setCursorPosition(0)
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(link)))
        self.link_box.show()

    def revoke(self, partner: PairedPartner) -> None:
        self.book.revoke(partner.partner_id)
        if partner.secret in self.link_field.text():
            self._hide_link()
        self.refresh()

    def _hide_link(self) -> None:
        # A secret should not linger on screen once it no longer opens anything.
        self.link_field.clear()
        self.qr_label.clear()
        self.link_box.hide()

    def _say_pair_problem(self, message: str) -> None:
        self.pair_problem.setText(message)
        self.pair_problem.show()

    def _copy_link(self) -> None:
        if self.link_field.text():
            QGuiApplication.clipboard().setText(self.link_field.text())

"""Settings' Partners page: the team's relay address and the paired partners.

Pair once: the user names a partner and Poise shows a QR code and a link holding a
new pairing secret (in the link's ``#fragment`` only). The phone or second Poise that
opens it is then paired for every meeting, through the relay, until the user revokes
it here. Each partner shows when it was paired and last heard from. The book itself
is ``app.link.pairing``.

Pairing and revoking act at once, as the page says, and Settings' Cancel does not undo
them: a partner paired during a live meeting joins it (the relay's address it was paired
with is saved with it, so the meeting can start its relay), and a revoke, asked first by
name, tells the partner's page at once. Enter in the name field pairs and shows the code;
it never closes Settings.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.link.broker_pass import BrokerPass
from app.link.mqtt_link import RelayError, parse_broker_url
from app.link.pairing import PairedPartner, PairingBook, PairingError, pairing_book, pairing_link
from app.link.relay_account import load_relay_account, save_relay_account
from app.settings import Settings, shared_settings
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.problem_line import hidden_problem_line
from app.ui.partner.copy_field import CopyField
from app.ui.partner.qr_code import qr_image
from app.ui.partner.relay_passes import RelayPasses

ADDRESS_HINT = QT_TRANSLATE_NOOP(
    "PairedPartnersPage", "The relay address looks like wss://relay.example.org/mqtt"
)
AT_ONCE_NOTE = QT_TRANSLATE_NOOP(
    "PairedPartnersPage", "Pair and Revoke act at once; Cancel does not undo them."
)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def when_text(moment: datetime | None, never: str) -> str:
    if moment is None:
        return never
    local = moment.astimezone()
    shape = QCoreApplication.translate("PairedPartnersPage", "dd MMM yyyy, HH:mm", "date format")
    moment_shown = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return QLocale().toString(moment_shown, shape)


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
        self.address_problem = hidden_problem_line("relayAddressProblem")
        account = load_relay_account()
        self.account_field = QLineEdit(account.username if account else "")
        self.account_field.setObjectName("relayAccount")
        self.account_field.setPlaceholderText(self.tr("given by your relay's administrator"))
        self.password_field = QLineEdit(account.password if account else "")
        self.password_field.setObjectName("relayPassword")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.passes = RelayPasses(self)
        self.passes.minted.connect(self._on_pass_minted)
        self.passes.mintFailed.connect(self._on_pass_refused)
        self.passes.revokeFailed.connect(self._on_revoke_refused)
        form = QFormLayout()
        form.addRow(self.tr("Team relay"), self.broker_field)
        form.addRow(self.tr("Relay account"), self.account_field)
        form.addRow(self.tr("Password"), self.password_field)
        note = QLabel(
            self.tr(
                "For a partner who cannot reach you over the local network: a phone on mobile "
                "data, guest Wi-Fi, a colleague at home. Cues through the relay are sealed; the "
                "relay sees neither the words nor who is in the meeting."
            )
        )
        note.setWordWrap(True)

        self.partner_grid = QGridLayout()
        self.partner_grid.setHorizontalSpacing(12)
        self.empty_label = QLabel(self.tr("No partner paired yet."))
        self.empty_label.setObjectName("noPairedPartners")

        self.name_field = QLineEdit()
        self.name_field.setObjectName("newPartnerName")
        self.name_field.setPlaceholderText(self.tr("Partner's name, e.g. Alex"))
        # Enter pairs here and stops: the dialog's default button (Save) would close
        # Settings before the partner ever saw the code.
        self.name_field.installEventFilter(self)
        self.pair_button = QPushButton(self.tr("Pair"))
        self.pair_button.setObjectName("pairPartner")
        self.pair_button.setAutoDefault(False)
        # Room for the word whatever the style's padding (it read "Pai..." under Fusion).
        text_px = self.pair_button.fontMetrics().horizontalAdvance(self.pair_button.text())
        self.pair_button.setMinimumWidth(text_px + 40)
        self.pair_button.clicked.connect(self.pair_new_partner)
        pair_row = QHBoxLayout()
        pair_row.addWidget(self.name_field, 1)
        pair_row.addWidget(self.pair_button)
        self.pair_problem = hidden_problem_line("pairProblem")

        self.qr_label = QLabel()
        self.qr_label.setObjectName("pairingQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link_hint = QLabel()
        self.link_hint.setObjectName("pairingLinkHint")
        self.link_hint.setWordWrap(True)
        self.link_copy = CopyField("pairingLink")
        self.link_field = self.link_copy.field
        self.copy_button = self.link_copy.button
        self.link_box = QWidget()
        link_layout = QVBoxLayout(self.link_box)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_layout.addWidget(self.link_hint)
        link_layout.addWidget(self.qr_label, alignment=Qt.AlignmentFlag.AlignHCenter)
        link_layout.addWidget(self.link_copy)
        self.link_box.hide()

        heading = QLabel(self.tr("Paired partners"))
        heading.setObjectName("sectionHeading")
        at_once = QLabel(self.tr(AT_ONCE_NOTE))
        at_once.setObjectName("muted")
        at_once.setWordWrap(True)
        self.revoke_question: QMessageBox | None = None
        self._waiting_for = ""  # the partner whose pass is being minted for its link
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.address_problem)
        layout.addWidget(note)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(at_once)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.partner_grid)
        layout.addLayout(pair_row)
        layout.addWidget(self.pair_problem)
        layout.addWidget(self.link_box)
        layout.addStretch(1)
        self._rows: list[QWidget] = []
        self.refresh()
        if account is not None and self.address_is_valid() and self.broker_url():
            self.passes.retry_revokes(self.broker_url(), account)

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
            return self.tr("Team relay: {problem}").format(problem=problem)
        return ""

    def _check_address(self) -> None:
        problem = self._address_problem()
        self.address_problem.setText(problem)
        self.address_problem.setVisible(bool(problem))

    # --- the person's relay account -----------------------------------------------------

    def account(self) -> BrokerPass | None:
        """The account typed here; None when the team's relay needs none (both empty)."""
        username, password = self.account_field.text().strip(), self.password_field.text()
        return BrokerPass(username, password) if username and password else None

    def save_account(self) -> None:
        """Kept in the data folder, readable by the user alone, never in settings.json."""
        if self.account() != load_relay_account():
            save_relay_account(self.account())

    def _on_pass_minted(self, partner_id: str, minted: BrokerPass) -> None:
        partner = self.book.give_pass(partner_id, minted)
        self.refresh()
        if partner is not None and self._waiting_for == partner_id:
            self._waiting_for = ""
            self.show_link(partner)

    def _on_pass_refused(self, partner_id: str, problem: str) -> None:
        partner = self.book.get(partner_id)
        if partner is None or self._waiting_for != partner_id:
            return
        self._waiting_for = ""
        self._hide_link()
        if partner.broker_pass is None and partner.last_seen is None:
            # Never usable on a relay that admits only the team: not left half-paired.
            self.book.revoke(partner_id)
            self.refresh()
            text = self.tr("{name} is not paired: {problem}")
        else:
            text = self.tr("No link for {name} now: {problem}")
        self._say_pair_problem(text.format(name=partner.name, problem=problem))

    def _on_revoke_refused(self, name: str, problem: str) -> None:
        text = self.tr(
            "The relay still admits {name} until it can be reached again: {problem}"
        ).format(name=name or self.tr("a revoked partner"), problem=problem)
        self._say_pair_problem(text)

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
            paired = QLabel(self.tr("paired {when}").format(when=when_text(partner.created, "")))
            last_seen = when_text(partner.last_seen, self.tr("never"))
            seen = QLabel(self.tr("last seen {when}").format(when=last_seen))
            show = QPushButton(self.tr("Show link"))
            show.setObjectName(f"showLink-{partner.partner_id}")
            show.clicked.connect(lambda _checked=False, p=partner: self.show_link(p))
            revoke = QPushButton(self.tr("Revoke"))
            revoke.setObjectName(f"revoke-{partner.partner_id}")
            cannot = self.tr("{partner} can no longer send you cues or see your meetings")
            revoke.setToolTip(cannot.format(partner=partner.name))
            revoke.setAutoDefault(False)
            show.setAutoDefault(False)
            revoke.clicked.connect(lambda _checked=False, p=partner: self.ask_to_revoke(p))
            for column, widget in enumerate((name, paired, seen, show, revoke)):
                self.partner_grid.addWidget(widget, row, column)
                self._rows.append(widget)

    def _say_address_first(self) -> None:
        first = self.tr("Set the team relay's address first. {hint}")
        self._say_pair_problem(first.format(hint=self.tr(ADDRESS_HINT)))

    def pair_new_partner(self) -> PairedPartner | None:
        self.pair_problem.hide()
        if not self.broker_url() or not self.address_is_valid():
            self._say_address_first()
            return None
        url = self.broker_url()
        self.save_account()  # before the address: a live meeting's relay starts with both
        settings = shared_settings()
        if settings.current.relay_broker_url != url:
            # Pairing acts at once, so does the address it was made with: a meeting live
            # now starts its relay with it (app.ui.partner.partner_wiring).
            settings.update(relay_broker_url=url)
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
            self._say_address_first()
            return
        account = self.account()
        if account is not None and partner.broker_pass is None:
            # The team's relay admits only the team: the link waits for the partner's pass.
            self.save_account()
            self._waiting_for = partner.partner_id
            self._hide_link()
            self.link_hint.setText(
                self.tr("Asking the team relay for {name}'s pass…").format(name=partner.name)
            )
            self.qr_label.hide()
            self.link_copy.hide()
            self.link_box.show()
            self.passes.mint(partner, self.broker_url(), account)
            return
        link = pairing_link(partner, self.broker_url(), self._page_url)
        if self.book.followed_by_a_live_meeting:
            hint = self.tr(
                "{partner} scans this with their phone, or opens the link in their "
                "Poise (poise partner LINK). Once is enough: they stay paired until you revoke "
                "them. {partner} joins the meeting that is live now as soon as they open it."
            )
        else:
            hint = self.tr(
                "{partner} scans this with their phone, or opens the link in their "
                "Poise (poise partner LINK). Once is enough: they stay paired until you revoke "
                "them."
            )
        self.link_hint.setText(hint.format(partner=partner.name))
        self.link_field.setText(link)
        self.link_field.setCursorPosition(0)
        for part in (self.qr_label, self.link_copy):
            part.show()
        picture = QPixmap.fromImage(qr_image(link))
        self.qr_label.setPixmap(picture)
        # Never squeezed: a code cut at its edges (finder patterns, quiet zone) may not scan.
        self.qr_label.setFixedSize(picture.size())
        self.link_box.show()
        self._make_room()

    def _make_room(self, tries: int = 3) -> None:
        """Grow Settings until the code shows whole: Qt's minimum size leaves out wrapped
        text, so the window is grown by what its parts still lack (again once laid out)."""
        window = self.window()
        layout = window.layout()
        if layout is None or window is self:
            return
        layout.activate()
        short = 0
        for part in (self.link_box, self):
            wanted = (
                part.heightForWidth(part.width())
                if part.hasHeightForWidth()
                else part.sizeHint().height()
            )
            short = max(short, wanted - part.height())
        shown = self.qr_label.visibleRegion().boundingRect()
        if not shown.isEmpty():
            short = max(short, self.qr_label.height() - shown.height())
        if short > 0:
            window.resize(window.width(), window.height() + short)
        if tries > 1:
            QTimer.singleShot(0, self, lambda: self._make_room(tries - 1))

    def ask_to_revoke(self, partner: PairedPartner) -> QMessageBox:
        """Asks first, by name: a revoke acts at once and Cancel cannot bring it back."""
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Revoke"),
            self.tr("End the pairing with {partner}?").format(partner=partner.name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        question.setObjectName("revokeQuestion")
        informative = self.tr(
            "{partner} can no longer send you cues, and their page says the pairing "
            "ended, at once. To pair again you show them a new code."
        )
        question.setInformativeText(informative.format(partner=partner.name))
        confirm = question.addButton(
            self.tr("Revoke {partner}").format(partner=partner.name),
            QMessageBox.ButtonRole.AcceptRole,
        )
        confirm.setObjectName("confirmRevoke")
        keep = question.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        question.setDefaultButton(keep)
        question.setEscapeButton(keep)
        confirm.clicked.connect(lambda _checked=False, p=partner: self.revoke(p))
        question.finished.connect(question.deleteLater)
        self.revoke_question = question
        question.open()
        return question

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.name_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self.pair_new_partner()
            return True
        return super().eventFilter(watched, event)

    def revoke(self, partner: PairedPartner) -> None:
        partner = self.book.get(partner.partner_id) or partner  # with its pass, if minted since
        self.book.revoke(partner.partner_id)
        account = self.account()
        if account is not None and partner.broker_pass is not None:
            # The broker refuses the partner too, not only Poise's keys.
            self.passes.revoke(partner, self.broker_url(), account)
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

"""Sharing from the review, on a team's PostgreSQL: the Share… dialog and the shared lock.

``ShareDialog`` shares one meeting, or one client's history, read-only with a colleague
(a member of the person's team group, as the store reads it from the database) or with
the whole team; it lists the current shares and revokes one at once. Every read and
change goes through the review's context, off the GUI thread. PostgreSQL enforces what
the dialog sets up (``app.store.privacy_schema``); on SQLite the review never shows it.

``show_shared_lock`` makes a colleague's shared meeting read-only on the meeting page and
says why in one line. The meeting page and the client page (``app.ui.review``) use both.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.api import ShareRecord, TeamRoster
from app.ui.review.context import ReviewContext

_SHARE_ID = Qt.ItemDataRole.UserRole


class ShareDialog(QDialog):
    """Share a meeting (``meeting_id``) or a client's history (``client_id``), and revoke."""

    def __init__(
        self,
        context: ReviewContext,
        what: str,
        *,
        meeting_id: int | None = None,
        client_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self._context = context
        self._meeting_id = meeting_id
        self._client_id = client_id
        self._groups: tuple[str, ...] = ()
        if meeting_id is not None:
            self.setWindowTitle(self.tr("Share this meeting"))
            intro = self.tr("Let a colleague or the whole team read “{what}”.")
        else:
            self.setWindowTitle(self.tr("Share this client's history"))
            intro = self.tr("Let a colleague or the whole team read every meeting with {what}.")
        explained = QLabel(
            intro.format(what=what)
            + "\n"
            + self.tr("They can read it, not change it. You can stop sharing at any time.")
        )
        explained.setWordWrap(True)
        explained.setTextFormat(Qt.TextFormat.PlainText)

        self.recipient = QComboBox()
        self.recipient.setObjectName("shareRecipient")
        self.recipient.setAccessibleName(self.tr("Share with"))
        self.recipient.setMinimumContentsLength(24)
        self.share_button = QPushButton(self.tr("Share"))
        self.share_button.setObjectName("shareButton")
        self.share_button.setEnabled(False)
        self.share_button.clicked.connect(self.share_with_chosen)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Share with:")))
        choose.addWidget(self.recipient, 1)
        choose.addWidget(self.share_button)

        self.shares = QListWidget()
        self.shares.setObjectName("currentShares")
        self.shares.setAccessibleName(self.tr("Shared with"))
        self.shares.currentRowChanged.connect(self._current_share_changed)
        self.revoke_button = QPushButton(self.tr("Stop sharing"))
        self.revoke_button.setObjectName("revokeShare")
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.status = QLabel(self.tr("Reading your team…"))
        self.status.setObjectName("shareStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(choose)
        layout.addWidget(QLabel(self.tr("Shared with now:")))
        layout.addWidget(self.shares, 1)
        revoke_row = QHBoxLayout()
        revoke_row.addStretch(1)
        revoke_row.addWidget(self.revoke_button)
        layout.addLayout(revoke_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(460, 360)
        self._load()

    # -- reading -----------------------------------------------------------------------------

    def _load(self) -> None:
        service = self._context.service
        meeting_id, client_id = self._meeting_id, self._client_id

        def work() -> tuple[TeamRoster, list[ShareRecord]]:
            shares = service.list_shares(meeting_id=meeting_id, client_id=client_id)
            return service.team_roster(), shares

        self._context.run(work, self._loaded, self._failed)

    def _loaded(self, answer: tuple[TeamRoster, list[ShareRecord]]) -> None:
        roster, shares = answer
        self._groups = roster.groups
        chosen = self.recipient.currentData()
        self.recipient.clear()
        for group in roster.groups:
            self.recipient.addItem(self.tr("The whole team ({group})").format(group=group), group)
        for member in roster.members:
            self.recipient.addItem(member, member)
        if chosen is not None and self.recipient.findData(chosen) >= 0:
            self.recipient.setCurrentIndex(self.recipient.findData(chosen))
        self.share_button.setEnabled(self.recipient.count() > 0)
        self.shares.clear()
        for share in shares:
            item = QListWidgetItem(self._recipient_name(share.with_role))
            item.setData(_SHARE_ID, share.id)
            self.shares.addItem(item)
        if not shares:
            self.shares.addItem(self.tr("No one yet: only you can read it."))
            self.shares.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._current_share_changed(self.shares.currentRow())
        if self.recipient.count() == 0:
            self.status.setText(
                self.tr(
                    "There is no one to share with yet: an administrator adds colleagues "
                    "with 'poise team add'."
                )
            )
        elif self.status.property("keep") is not True:
            self.status.setText("")
        self.status.setProperty("keep", False)

    def _recipient_name(self, role: str) -> str:
        if role in self._groups:
            return self.tr("The whole team ({group})").format(group=role)
        return role

    # -- changing ----------------------------------------------------------------------------

    def share_with_chosen(self) -> None:
        role = self.recipient.currentData()
        if not isinstance(role, str):
            return
        service = self._context.service
        meeting_id, client_id = self._meeting_id, self._client_id
        name = self._recipient_name(role)

        def work() -> ShareRecord:
            if meeting_id is not None:
                return service.share_meeting(meeting_id, role)
            assert client_id is not None
            return service.share_client(client_id, role)

        def done(_share: ShareRecord) -> None:
            self._say(self.tr("Shared with {name}: they can read it now.").format(name=name))

        self.share_button.setEnabled(False)
        self.status.setText(self.tr("Sharing…"))
        self._context.write(work, done, self._failed)

    def revoke_selected(self) -> None:
        item = self.shares.currentItem()
        share_id = item.data(_SHARE_ID) if item is not None else None
        if not isinstance(share_id, int):
            return
        service = self._context.service
        name = item.text()

        def done(_: object) -> None:
            self._say(self.tr("{name} can no longer read it.").format(name=name))

        self.revoke_button.setEnabled(False)
        self.status.setText(self.tr("Stopping…"))
        self._context.write(lambda: service.revoke_share(share_id), done, self._failed)

    def _say(self, text: str) -> None:
        """Show what happened, and read the shares again (the database's word, not ours)."""
        self.status.setText(text)
        self.status.setProperty("keep", True)
        self._load()

    def _failed(self, error: Exception) -> None:
        self.status.setText(self.tr("That did not work: {problem}").format(problem=error))
        self.share_button.setEnabled(self.recipient.count() > 0)
        self._current_share_changed(self.shares.currentRow())

    def _current_share_changed(self, row: int) -> None:
        item = self.shares.item(row) if row >= 0 else None
        self.revoke_button.setEnabled(item is not None and item.data(_SHARE_ID) is not None)


def shared_line() -> QLabel:
    """The line that says a meeting is a colleague's, hidden until one is shown."""
    line = QLabel()
    line.setObjectName("sharedLine")
    line.setWordWrap(True)
    line.setTextFormat(Qt.TextFormat.PlainText)
    line.hide()
    return line


def show_shared_lock(
    shared_by: str,
    line: QLabel,
    editors: Iterable[QPlainTextEdit],
    controls: Iterable[QWidget],
    off_when_shared: Iterable[QWidget] = (),
) -> None:
    """A colleague's meeting: read-only, and one line says why; one's own: editable again.

    ``controls`` are enabled again for one's own meeting; ``off_when_shared`` only turned off
    (the page decides their state otherwise).
    """
    shared = bool(shared_by)
    for editor in editors:
        editor.setReadOnly(shared)
    for control in controls:
        control.setEnabled(not shared)
    if shared:
        for control in off_when_shared:
            control.setEnabled(False)
        line.setText(
            QCoreApplication.translate(
                "TeamSharing",
                "Shared with you by {owner}: you can read it, not change it. "
                "Only {owner} can edit or delete it.",
            ).format(owner=shared_by)
        )
    line.setVisible(shared)

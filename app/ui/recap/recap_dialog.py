"""The recap draft: the user reads and edits it, then sends it from their own mail program.

self.tr("Open in mail") hands a ``mailto:`` link to the system (``MailHandoff``: it says so only
once the system took it), self.tr("Copy") puts subject and text on
the clipboard, self.tr("Save as .eml…") writes a file that mail programs open as a draft (off the
GUI thread). Poise itself sends nothing. The words come from ``app.export.recap``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.export.file_names import export_file_name
from app.export.recap import RecapDraft, mailto_url, notes_as_written_hint, write_eml
from app.ui.common.export_folders import ExportFolders
from app.ui.recap.mail_handoff import MailHandoff

# Some mail programs (and Windows' URL handler) cut links longer than about this.
MAILTO_SAFE_LENGTH = 2000


# The app's one way off the GUI thread (``StoreClient.background``): work, then answers.
Background = Callable[..., object]


class RecapDialog(QDialog):
    saved = Signal(str)  # the .eml file written

    def __init__(
        self,
        draft: RecapDraft,
        parent: QWidget | None = None,
        *,
        export_folders: ExportFolders | None = None,
        background: Background | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recapDialog")
        self.setWindowTitle(self.tr("Recap to send"))
        self.resize(620, 560)
        # Where the .eml dialog opens (the last export folder) and remembers the new one.
        self._export_folders = export_folders or ExportFolders()
        # Overridable in tests: asking for a file name reaches the desktop.
        self.ask_eml_path: Callable[[str], Path | None] = self._ask_eml_path
        self.mail = MailHandoff(self)
        self.mail.opened.connect(self._mail_opened)
        self.mail.failed.connect(self._mail_failed)
        self._long_mailto = False

        self.to_edit = QLineEdit()
        self.to_edit.setObjectName("recapTo")
        self.to_edit.setPlaceholderText(
            self.tr("Their e-mail address (you can add it in your mail program)")
        )
        self.subject_edit = QLineEdit(draft.subject)
        self.subject_edit.setObjectName("recapSubject")
        self.body_edit = QPlainTextEdit(draft.body)
        self.body_edit.setObjectName("recapBody")
        self.body_edit.setAccessibleName(self.tr("Message"))
        # A mail needs no tab characters; Tab goes on to the buttons, as everywhere else.
        self.body_edit.setTabChangesFocus(True)
        intro = QLabel(
            self.tr(
                "Read it through and change anything, in your own words. Your own guesses (the "
                "real concern, what they are not saying) are left out. Poise sends nothing: it "
                "goes from your mail program."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        # Where the notes could not be turned to speak to the client, the person does it.
        self.as_written = QLabel(notes_as_written_hint())
        self.as_written.setObjectName("recapNotesAsWritten")
        self.as_written.setWordWrap(True)
        self.as_written.setVisible(bool(self.as_written.text()))
        form = QFormLayout()
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("&Subject:"), self.subject_edit)

        self.mail_button = QPushButton(self.tr("Open in mail"))
        self.mail_button.setObjectName("primaryButton")
        # Enter presses the button drawn as the one to press, not Close.
        self.mail_button.setDefault(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.eml_button = QPushButton(self.tr("Save as .eml…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        # A plain row, not a QDialogButtonBox: its buttons keep Tab among themselves.
        buttons = QHBoxLayout()
        for button in (self.mail_button, self.copy_button, self.eml_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.copy_button.clicked.connect(self.copy)
        self.eml_button.clicked.connect(self.save_eml_with_dialog)
        self.status = QLabel()
        self.status.setObjectName("recapStatus")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 2 + 4)
        self._background = background
        self._pending_eml: Path | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.as_written)
        layout.addLayout(form)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.body_edit.setFocus()

    def subject(self) -> str:
        return self.subject_edit.text().strip()

    def body(self) -> str:
        return self.body_edit.toPlainText()

    def mailto(self) -> str:
        return mailto_url(self.subject(), self.body(), self.to_edit.text())

    def open_in_mail(self) -> None:
        """Hand the message over; the status line says what came of it, only once it has."""
        if self.mail.busy:
            return
        url = self.mailto()
        self._long_mailto = len(url) > MAILTO_SAFE_LENGTH
        self.status.setText(self.tr("Opening your mail program…"))
        self.mail.hand_over(url)

    def _mail_opened(self) -> None:
        if self._long_mailto:
            self.status.setText(
                self.tr(
                    "Handed to your mail program. It is a long recap: if the message there is "
                    "cut short, use Copy and paste it instead."
                )
            )
        else:
            self.status.setText(self.tr("Handed to your mail program: check it there, then send."))

    def _mail_failed(self, reason: str) -> None:
        self.status.setText(
            self.tr(
                "Not opened in mail: {reason}. Use Copy and paste it into your mail, "
                "or Save as .eml and open that file."
            ).format(reason=reason)
        )

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.subject()}\n\n{self.body()}")
        self.status.setText(self.tr("Subject and text copied."))

    def save_eml_with_dialog(self) -> None:
        path = self.ask_eml_path(export_file_name([self.subject()], "eml", "recap"))
        if path is not None:
            self.save_eml(path)

    def save_eml(self, path: Path) -> None:
        """Write the .eml off the GUI thread; ``saved`` or the status line says how it went."""
        subject, body, to = self.subject(), self.body(), self.to_edit.text()

        def write() -> str:
            write_eml(path, subject, body, to)
            return str(path)

        if self._background is None:
            # A dialog on its own (no app around it): a small file, written at once.
            try:
                write()
            except OSError as error:
                self._eml_written(str(path), error.strerror or str(error))
            else:
                self._eml_written(str(path), "")
            return
        self._pending_eml = path
        self._background(write, on_done=self._eml_saved, on_error=self._eml_failed)

    def _eml_saved(self, path: object) -> None:
        self._eml_written(str(path), "")

    def _eml_failed(self, error: BaseException) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self._eml_written(str(self._pending_eml), reason)

    def _eml_written(self, path: str, error: str) -> None:
        if error:
            self.status.setText(
                self.tr("Could not write {file}: {error}").format(file=path, error=error)
            )
            return
        saved = self.tr("Saved {file}: open it to send it from your mail program.")
        self.status.setText(saved.format(file=path))
        self.saved.emit(path)

    def _ask_eml_path(self, suggested: str) -> Path | None:
        return self._export_folders.ask_save_path(
            self, self.tr("Save recap"), suggested, self.tr("E-mail (*.eml)")
        )

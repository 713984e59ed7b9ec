"""What the named partner noticed before, read off the GUI thread for the prepare dialog.

When the partner's name settles (``PartnerBriefEditor.partnerSettled``), the store's
``partner_history`` is read through the StoreClient's pool; its answer becomes one or two
short lines ("Last time Sam noticed …", what they noted most) and the last brief given to
them, from which the plan says what changed. A store not open yet, or a read that fails,
leaves the lines out: the dialog never waits for it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from app.ui.common.store_client import StoreClient
from app.ui.prepare.partner_brief_editor import PartnerBriefEditor

if TYPE_CHECKING:
    from app.store.api import PartnerHistory

_log = logging.getLogger(__name__)

SHOWN_NOTICED = 3  # what the last meeting's observations show, at most
SHOWN_MOST = 2


def _listed(texts: list[str], most: int) -> str:
    unique = list(dict.fromkeys(text for text in texts if text))
    shown = "; ".join(unique[:most])
    return shown + ("; …" if len(unique) > most else "")


def history_lines(history: PartnerHistory) -> list[str]:
    """One or two lines of what the partner noticed; empty when they noticed nothing yet."""
    lines: list[str] = []
    noticed = _listed([seen.text for seen in history.last_observations], SHOWN_NOTICED)
    if noticed:
        said = QCoreApplication.translate(
            "PartnerHistoryLines", "Last time {partner} noticed: {noticed}"
        )
        lines.append(said.format(partner=history.partner_name, noticed=noticed))
    often = [noted for noted in history.noted_most if noted.meetings > 1][:SHOWN_MOST]
    if often:
        each = QCoreApplication.translate("PartnerHistoryLines", "{what} ({times}×)")
        most = "; ".join(each.format(what=noted.text, times=noted.times) for noted in often)
        lines.append(
            QCoreApplication.translate("PartnerHistoryLines", "Seen most often: {most}").format(
                most=most
            )
        )
    return lines


class PartnerHistoryReader(QObject):
    """Asks the store about each partner name the editor settles on; a child of the editor."""

    def __init__(self, editor: PartnerBriefEditor, client: StoreClient) -> None:
        super().__init__(editor)
        self._editor = editor
        self._client = client
        editor.partnerSettled.connect(self.read)
        client.storeOpened.connect(self._store_opened)  # opened after the name settled

    def _store_opened(self, _store: object) -> None:
        if shiboken6.isValid(self._editor) and self._editor.partner_name:
            self.read(self._editor.partner_name)

    def read(self, partner_name: str) -> None:
        if not self._client.is_open:
            return
        service = self._client.service
        self._client.read(
            lambda: service.partner_history(partner_name),
            on_done=self._arrived,
            on_error=self._unavailable,
        )

    def _arrived(self, history: PartnerHistory) -> None:
        # The answer can come after the dialog is gone (Start pressed at once).
        if not shiboken6.isValid(self) or not shiboken6.isValid(self._editor):
            return
        self._editor.show_history(history.partner_name, history_lines(history), history.last_brief)

    @staticmethod
    def _unavailable(error: object) -> None:
        # A read for a hint: log it, never disturb the meeting.
        _log.warning("could not read the partner's history: %s", error)


__all__ = ["PartnerHistoryReader", "history_lines"]

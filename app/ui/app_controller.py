"""Ties the parts of the running app together once the store is open.

The home window, the meeting flow, the review, partner mode, the partner link,
system-wide shortcuts, panic hide and the Markdown folder are each built on their
own; this is the one place that connects them, so none of them needs to know
about the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.hotkeys import HotkeyAction, HotkeyError, parse_combo, resolve_bindings
from app.settings import Settings, shared_settings
from app.ui.global_shortcuts import GlobalShortcuts
from app.ui.main_window import MainWindow
from app.ui.panic import PanicHide
from app.ui.settings_signals import SettingsSignals


class AppController(QObject):
    def __init__(
        self,
        application: QApplication,
        window: MainWindow,
        *,
        shortcuts: GlobalShortcuts | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(window)
        self.application = application
        self.window = window
        # The app's one settings owner: every window reads and changes settings through it.
        self.settings_signals = SettingsSignals(shared_settings(), parent=self)
        self.settings_signals.problem.connect(self.show_settings_problem)
        self.settings = settings if settings is not None else shared_settings().current
        self.store: Any = None
        self.review: Any = None
        self.partner_windows: list[QWidget] = []
        self.markdown_problem = ""
        self.notices: list[str] = []  # said once on the home window, kept under its status
        self.partner_link: Any = None

        self.shortcuts = shortcuts if shortcuts is not None else GlobalShortcuts(parent=self)
        listening = self.settings.global_hotkeys_enabled and self.shortcuts.apply(
            resolve_bindings(self.settings.hotkeys)
        )
        listening = listening or bool(self.shortcuts.active.get(HotkeyAction.TOGGLE_HIDDEN))
        self.shortcuts.triggered.connect(self.on_hotkey)
        self.panic = PanicHide(can_hear_keys_while_hidden=listening, parent=self)
        # A hook that does not swallow keys (Windows, macOS) would fire a window shortcut
        # too and undo the toggle, so the window's own key exists only without the hook.
        self._panic_shortcut = (
            None if listening else self._window_shortcut(HotkeyAction.TOGGLE_HIDDEN)
        )
        window.shortcuts = self.shortcuts
        window.flowCreated.connect(self._wire_flow)

    def _window_shortcut(self, action: HotkeyAction) -> QShortcut | None:
        """The same chord inside Poise's own windows, for systems without global keys."""
        try:
            combo = parse_combo(resolve_bindings(self.settings.hotkeys)[action])
        except (HotkeyError, KeyError):
            return None
        shortcut = QShortcut(QKeySequence(combo.display), self.window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda: self.on_hotkey(action.value))
        return shortcut

    # -- the store is open ----------------------------------------------------------------

    def attach_store(self, store: Any) -> None:
        self.store = store
        self.window.attach_store(store)
        self._show_notices()  # the store's news replaced the status line
        self.window.set_review_handler(self.open_review)
        self.window.set_partner_handler(self.open_partner_window)

    def store_failed(self, error: BaseException) -> bool:
        """The store cannot be opened; True if a meeting goes on (or is saved) without it."""
        flow = self.window.flow
        if flow is None or not flow.has_unstored_meeting:
            return False
        flow.store_failed(error)
        return True

    # -- the meeting flow, once the home window made it --------------------------------------

    def _wire_flow(self, flow: Any) -> None:
        flow.meetingStored.connect(self.write_markdown)
        flow.sessionStarted.connect(self._link_meeting)

    def _link_meeting(self, session: Any, window: Any) -> None:
        # After the live window's first paint: the link pulls in networking and QR codes
        # (already loaded on the store's thread, unless the meeting started before that).
        QTimer.singleShot(0, lambda: self._attach_partner_link(session, window))

    def _attach_partner_link(self, session: Any, window: Any) -> None:
        if not session.domain.is_running:
            return
        if self.partner_link is None:
            from app.ui.partner_wiring import PartnerLinkForFlow

            # No settings given: each meeting reads the link's address and port afresh.
            self.partner_link = PartnerLinkForFlow(self.window.flow, follow_flow=False)
        self.partner_link.follow(session, window)

    # -- keys -------------------------------------------------------------------------------

    def on_hotkey(self, action: str) -> None:
        if action == HotkeyAction.TOGGLE_HIDDEN.value:
            self.panic.toggle()
            return
        flow = self.window.flow
        live_window = flow.live_window if flow is not None else None
        if live_window is not None and live_window.isVisible():
            live_window.perform(action)

    # -- other windows ----------------------------------------------------------------------

    def open_review(self, meeting_id: int | None = None) -> None:
        from app.ui.review import open_review_window

        if self.review is None:
            self.review = open_review_window(self.store)
            page = self.review.meeting_page
            page.changed.connect(self.write_markdown)
            page.deleted.connect(self.remove_markdown)
            page.back_requested.connect(lambda: self.write_markdown(page.meeting_id))
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        if meeting_id is not None:
            self.review.open_meeting(meeting_id)

    def open_partner_window(self) -> None:
        from app.ui.partner_window import PartnerWindow

        partner = PartnerWindow()
        self.partner_windows = [w for w in self.partner_windows if w.isVisible()]
        self.partner_windows.append(partner)
        partner.show()

    # -- the Markdown folder ------------------------------------------------------------------

    def _markdown_folder(self) -> Path | None:
        folder = shared_settings().current.markdown_folder
        return Path(folder).expanduser() if folder else None

    def write_markdown(self, meeting_id: int | None) -> None:
        """Write (or rewrite) one meeting's file, off the GUI thread, when the setting is on."""
        folder = self._markdown_folder()
        if folder is None or meeting_id is None or self.store is None:
            return
        service = self.store.service

        def write() -> Path:
            from app.export.markdown_folder import MarkdownFolder
            from app.export.report import build_report

            return MarkdownFolder(folder).write(build_report(service.load_meeting(meeting_id)))

        self.window.bridge.submit(write, on_done=self._markdown_ok, on_error=self._markdown_failed)

    def remove_markdown(self, meeting_id: int) -> None:
        folder = self._markdown_folder()
        if folder is None:
            return

        def remove() -> bool:
            from app.export.markdown_folder import MarkdownFolder

            return MarkdownFolder(folder).remove(meeting_id)

        self.window.bridge.submit(remove, on_error=self._markdown_failed)

    def show_settings_problem(self, message: str) -> None:
        """The settings cannot be written: said once, on the home window; meetings go on."""
        self.tell(message)

    def tell(self, notice: str) -> None:
        """Something the user should know once (a folder tightened, settings not saved)."""
        if notice not in self.notices:
            self.notices.append(notice)
        self._show_notices()

    def _show_notices(self) -> None:
        status = self.window.status
        lines = [line for line in status.text().split("\n") if line not in self.notices]
        status.setText("\n".join([*lines, *self.notices]).strip("\n"))

    def _markdown_ok(self, _path: object) -> None:
        self.markdown_problem = ""

    def _markdown_failed(self, error: object) -> None:
        folder = self._markdown_folder()
        self.markdown_problem = f"Could not write the meeting's Markdown file in {folder}: {error}"
        self.window.status.setText(self.markdown_problem)

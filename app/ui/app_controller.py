"""The composition root: builds the parts of the running app and wires them together.

``AppController`` makes the one ``StoreClient`` (and opens the store through it), the
home window, the meeting flow (on the first "New meeting", so its windows' code loads
after the home window has painted), the review, partner windows, system-wide shortcuts,
panic hide and the crash handler, and connects them: none of them knows the others.
``app.ui.application`` starts the app, ``poise review`` and ``poise partner`` through it.

A store that cannot be opened does not stop the app: the home window says why in one
line with a Retry (tried again on its own every few seconds while waiting may help: a
lock, a full disk, an unreachable server), meetings run meanwhile, and everything they
hold lands once the store opens. A damaged or too-new database is left untouched.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.hotkeys import HotkeyAction, HotkeyError, KeyCombo, validate_bindings
from app.playbooks import PlaybookOverview, StartPlaybooks
from app.settings import Settings, shared_settings
from app.store.api import OpenStore, StoreError, TextWriter
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.after_first_paint import after_first_paint
from app.ui.common.crash import CrashHandler
from app.ui.common.panic import PanicHide
from app.ui.common.pyside_types_warm_up import warm_up_pyside_types
from app.ui.common.settings_signals import SettingsSignals
from app.ui.common.store_client import StoreClient
from app.ui.home.main_window import RECENT_LIMIT, MainWindow
from app.ui.meeting_warm_up import MeetingWarmUp

if TYPE_CHECKING:
    from app.domain.library import PlaybookLibrary
    from app.store.api import MeetingSummary
    from app.ui.common.global_shortcuts import GlobalShortcuts
    from app.ui.home.left_open import LeftOpenOffer
    from app.ui.home.reminders import Reminders
    from app.ui.live.flow import MeetingFlow
    from app.ui.live.live_window import LiveWindow
    from app.ui.live.session import LiveSession
    from app.ui.live.summary import SummaryWindow
    from app.ui.partner.partner_wiring import PartnerLinkForFlow
    from app.ui.review.window import ReviewWindow

# How soon a store that could not be opened for a passing reason is tried again.
STORE_RETRY_MS = 5000


# Translated where shown, in StoreProblem's context.
_WHY_NOT_OPEN = {
    "DatabaseLocked": QT_TRANSLATE_NOOP("StoreProblem", "another program is using it"),
    "DiskFull": QT_TRANSLATE_NOOP("StoreProblem", "the disk is full"),
    "ReadOnly": QT_TRANSLATE_NOOP("StoreProblem", "it cannot be written to"),
    "DatabaseUnavailable": QT_TRANSLATE_NOOP("StoreProblem", "it cannot be reached"),
    "NotADatabase": QT_TRANSLATE_NOOP(
        "StoreProblem", "the file is damaged or not a Poise database"
    ),
    "DatabaseTooNew": QT_TRANSLATE_NOOP("StoreProblem", "it is from a newer Poise"),
}


def store_problem_line(error: BaseException) -> tuple[str, str]:
    """The home window's one line about a store that cannot be opened, and its details."""
    why = _WHY_NOT_OPEN.get(
        type(error).__name__, QT_TRANSLATE_NOOP("StoreProblem", "something unexpected went wrong")
    )
    line = QCoreApplication.translate(
        "StoreProblem",
        "Your notes database is not open: {why}. Meetings still run; nothing is lost.",
    ).format(why=QCoreApplication.translate("StoreProblem", why))
    if isinstance(error, StoreError):
        return line, str(error)
    details = QCoreApplication.translate(
        "StoreProblem", "An unexpected problem stopped Poise from opening its database: {error}"
    )
    return line, details.format(error=error)


class AppController(QObject):
    """Builds and wires the running app; see the module docstring."""

    def __init__(
        self,
        application: QApplication,
        library: PlaybookLibrary | StartPlaybooks,
        *,
        shortcuts: GlobalShortcuts | None = None,
        settings: Settings | None = None,
        client: StoreClient | None = None,
    ) -> None:
        super().__init__()
        self.application = application
        # Parsed after the home window's first paint (see app.playbooks), or when first used.
        self._playbooks = (
            library if isinstance(library, StartPlaybooks) else StartPlaybooks(library=library)
        )
        # The app's one settings owner: every window reads and changes settings through it.
        self.settings_signals = SettingsSignals(shared_settings(), parent=self)
        self.settings_signals.problem.connect(self.show_settings_problem)
        self.settings = settings if settings is not None else shared_settings().current
        self.client = client if client is not None else StoreClient(parent=self)
        self.window = MainWindow(self._playbooks.overview)
        self._window_alive = True
        self.window.destroyed.connect(self._window_destroyed)
        self.flow: MeetingFlow | None = None
        self.review: ReviewWindow | None = None
        self.partner_windows: list[QWidget] = []
        self.markdown_problem = ""
        self.store_problem: BaseException | None = None
        self.partner_link: PartnerLinkForFlow | None = None
        self.reminders: Reminders | None = None
        self.left_open: LeftOpenOffer | None = None
        self.notices: list[str] = []  # said once on the home window, kept under its status
        self.crash_handler = CrashHandler(self.writer, self.crash_parent)
        self._warm_up = MeetingWarmUp(self._flow_made, parent=self)

        self.shortcuts: GlobalShortcuts | None = None  # see listen_for_keys
        self.panic = PanicHide(can_hear_keys_while_hidden=False, parent=self)
        self._panic_shortcut: QShortcut | None = None
        if shortcuts is not None:
            self.listen_for_keys(shortcuts)
        else:
            # Hide-all works from the first paint on, through the window's own key until
            # the system-wide keys (and their modules) are set up, right after that paint.
            self._panic_shortcut = self._window_shortcut(HotkeyAction.TOGGLE_HIDDEN)
        self.window.newMeetingRequested.connect(self.new_meeting)
        self.window.retryRequested.connect(self.retry_store)
        self.window.close_guard = self.may_quit

        self._store_retry = QTimer(self)
        self._store_retry.setSingleShot(True)
        self._store_retry.setInterval(STORE_RETRY_MS)
        self._store_retry.timeout.connect(self.retry_store)
        client_signals = self.client
        client_signals.storeOpened.connect(self._store_opened)
        client_signals.storeFailed.connect(self._store_failed)
        client_signals.bug.connect(self.crash_handler.report)
        for changed in (
            client_signals.meetingStored,
            client_signals.meetingEnded,
            client_signals.meetingEdited,
            client_signals.meetingDeleted,
        ):
            changed.connect(self.refresh_recent)
        client_signals.meetingEnded.connect(self.write_markdown)
        client_signals.meetingEdited.connect(self.write_markdown)
        client_signals.meetingDeleted.connect(self.remove_markdown)
        if self.client.is_open:
            self._store_opened()

    def listen_for_keys(self, shortcuts: GlobalShortcuts | None = None) -> GlobalShortcuts:
        """The system-wide keys, set up once: at once when given, else after the first paint."""
        if self.shortcuts is not None:
            return self.shortcuts
        if shortcuts is None:
            from app.ui.common.global_shortcuts import GlobalShortcuts

            shortcuts = GlobalShortcuts(parent=self)
        self.shortcuts = shortcuts
        listening = self.settings.global_hotkeys_enabled and shortcuts.apply(
            self.settings.key_bindings()
        )
        listening = listening or bool(shortcuts.active.get(HotkeyAction.TOGGLE_HIDDEN))
        shortcuts.triggered.connect(self.on_hotkey)
        shortcuts.applied.connect(self._keys_applied_again)
        self.panic.can_hear_keys_while_hidden = listening
        # A hook that does not swallow keys (Windows, macOS) would fire a window shortcut
        # too and undo the toggle, so the window's own key exists only without the hook.
        if listening and self._panic_shortcut is not None:
            self._panic_shortcut.setEnabled(False)
            self._panic_shortcut.deleteLater()
            self._panic_shortcut = None
        elif not listening and self._panic_shortcut is None:
            self._panic_shortcut = self._window_shortcut(HotkeyAction.TOGGLE_HIDDEN)
        self.window.shortcuts = shortcuts
        return shortcuts

    def _window_shortcut(self, action: HotkeyAction) -> QShortcut | None:
        """The same chord inside Poise's own windows, for systems without global keys."""
        combo = self.settings.key_combo(action)
        if combo is None:
            return None
        shortcut = QShortcut(QKeySequence(combo.display), self.window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.panic.toggle)
        return shortcut

    # -- the store --------------------------------------------------------------------------

    def open_store(self) -> None:
        """Open the store off the GUI thread, once the home window has painted (if shown)."""
        after_first_paint(self.window, self._after_home_painted)

    def _after_home_painted(self) -> None:
        self.listen_for_keys()
        self.read_playbooks()
        self.client.open()
        self._warm_up.before_store_opens()
        # Nobody waits for anything now: PySide's one-off cost, not Start's.
        warm_up_pyside_types()

    @property
    def library(self) -> PlaybookLibrary:
        """Every playbook; parsed now if the home window's first paint has not come yet."""
        if not self._playbooks.is_parsed:
            self.read_playbooks()
        return self._playbooks.library()

    def read_playbooks(self) -> None:
        """Parse the playbooks if not yet; the home window shows what they turned out to be."""
        if self._playbooks.is_parsed:
            return
        overview = PlaybookOverview.of(self._playbooks.library())
        if overview != self._playbooks.overview and self._window_alive:
            self.window.show_playbooks(overview)

    def playbook_count(self) -> int:
        return len(self.library.entries)

    def attach_store(self, store: OpenStore) -> None:
        """Use a store opened elsewhere (a test's, the review's own)."""
        self.client.attach(store)

    def retry_store(self) -> None:
        if self.client.is_open or self.client.opening:
            return
        self._store_retry.stop()
        self.window.show_retrying()
        self.client.open()

    def writer(self) -> TextWriter | None:
        store = self.client.store
        return store.writer if store is not None else None

    def current_partner_link(self) -> PartnerLinkForFlow | None:
        return self.partner_link

    def crash_parent(self) -> QWidget | None:
        return self.window

    def _store_opened(self, _store: object = None) -> None:
        self.store_problem = None
        self._store_retry.stop()
        self.window.store_ready()
        self.window.set_review_handler(self.open_review)
        self.window.set_partner_handler(self._open_partner_from_home)
        self._show_notices()  # the store's news replaced the status line
        self.refresh_recent()
        # A step per turn of the event loop each, none while a live window is being made
        # for a Start just pressed (the store often opens in that moment): together in this
        # turn they stalled it ~25 ms more (bench/stalls.py --stacks).
        self._warm_up.call(self._offer_meetings_left_open)
        self._warm_up.call(self._watch_what_is_due)
        self._warm_up.start()  # the meeting's code, on the GUI thread, a step at a time

    def _offer_meetings_left_open(self) -> None:
        if self.left_open is None and self._window_alive and self.client.is_open:
            from app.ui.home.left_open import offer_meetings_left_open

            # Meetings a crash left open, and journals the store could not apply.
            self.left_open = offer_meetings_left_open(self.window, self.client, self)

    def _watch_what_is_due(self) -> None:
        if self.reminders is None and self._window_alive and self.client.is_open:
            from app.ui.home.due_line import DueLine, put_under_status
            from app.ui.home.reminders import Reminders

            # Follow-ups and action items due: a quiet desktop notification once a day.
            self.reminders = Reminders(self.client, parent=self.window)
            self.reminders.openMeeting.connect(self.open_review)
            self.reminders.openReview.connect(self.open_review)
            # No notification could show them: the home window says them instead.
            due_line = DueLine(self.window)
            put_under_status(self.window, due_line)
            due_line.openReview.connect(self.open_review)
            due_line.seen.connect(self.reminders.record_shown)
            self.reminders.undelivered.connect(due_line.show_due)
            self.reminders.start()

    def _flow_made(self) -> bool:
        return self.flow is not None

    def _store_failed(self, error: BaseException) -> None:
        self.store_problem = error
        transient = isinstance(error, StoreError) and error.transient
        # A damaged or too-new database is left as it is: retrying cannot change it.
        line, details = store_problem_line(error)
        self.window.show_store_problem(line, details, can_retry=transient)
        if transient:
            self._store_retry.start()

    def refresh_recent(self, _meeting_id: int | None = None) -> None:
        if not self.client.is_open:
            return
        service = self.client.service
        self.client.read(
            partial(service.list_meetings, limit=RECENT_LIMIT), on_done=self._show_recent
        )

    def _show_recent(self, meetings: list[MeetingSummary]) -> None:
        if self._window_alive:
            self.window.show_recent(meetings)

    def _window_destroyed(self, _window: object = None) -> None:
        # Answers still on their way (the recent list) have nowhere to go.
        self._window_alive = False

    # -- quitting -----------------------------------------------------------------------------

    def unsaved_places(self) -> list[str]:
        """Where notes not yet in the store are kept, for the question before quitting."""
        from app import paths

        places: list[str] = []
        if self.flow is not None and self.flow.has_unstored_meeting:
            places.append(str(paths.data_dir() / "unsaved-meetings"))
        writer = self.writer()
        if writer is not None and writer.pending_recovery and writer.recovery_file is not None:
            places.append(str(writer.recovery_file))
        return places

    def may_quit(self) -> bool:
        """Ask before quitting while notes are not in the store yet; True to go on."""
        places = self.unsaved_places()
        if not places:
            return True
        where = "\n".join(places)
        answer = QMessageBox.question(
            self.window,
            self.tr("Some notes are not in your database yet"),
            self.tr(
                "Some notes are not in your notes database yet. If you quit now they are kept "
                "here, and nothing typed is lost:\n\n{places}\n\nQuit anyway?"
            ).format(places=where),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.flow is not None:
            self.flow.file_unstored_meetings()
        return True

    def close(self, timeout: float) -> bool:
        """At exit: write everything queued (within ``timeout``) and close the store."""
        return self.client.close(timeout)

    # -- the meeting flow -----------------------------------------------------------------------

    def ensure_flow(self) -> MeetingFlow:
        """The meeting flow, made on first use so that its windows' code loads after paint."""
        if self.flow is None:
            from app.ui.live.flow import MeetingFlow

            self.flow = MeetingFlow(self.client, self.library, parent_window=self.window)
            if self.store_problem is not None:
                self.flow.store_failed(self.store_problem)
            self.flow.summaryShown.connect(self._wire_summary)
            self.flow.sessionStarted.connect(self._link_meeting)
            self.flow.sessionStarted.connect(self._report_unheard_keys)
        return self.flow

    def new_meeting(self) -> None:
        if self.library.entries:  # a damaged shipped folder is known only once parsed
            self.ensure_flow().new_meeting()

    def _wire_summary(self, summary: SummaryWindow) -> None:
        if self.window.can_review:
            summary.enable_review()
            summary.reviewRequested.connect(self.window.request_review)

    def _keys_applied_again(self) -> None:
        # Settings saved mid-meeting: the running live window says what is heard now.
        flow = self.flow
        session = flow.session if flow is not None else None
        window = flow.live_window if flow is not None else None
        if session is not None and window is not None and session.domain.is_running:
            self._report_unheard_keys(session, window)

    def _report_unheard_keys(self, _session: LiveSession, window: LiveWindow) -> None:
        """At the start: the live window says which system-wide keys could not be had."""
        settings = shared_settings().current
        shortcuts = self.listen_for_keys()
        if not settings.global_hotkeys_enabled:
            return  # the user turned them off: nothing to miss
        try:
            wanted = validate_bindings(settings.key_bindings())
        except HotkeyError:
            return  # the settings screen says why
        unheard: dict[HotkeyAction, KeyCombo] = {
            action: combo
            for action, combo in wanted.items()
            # Hide-all has its own window shortcut when the hook cannot hear it.
            if action not in shortcuts.active and action is not HotkeyAction.TOGGLE_HIDDEN
        }
        if shortcuts.taken:
            why = self.tr("another program holds them")
        else:
            why = shortcuts.problem or shortcuts.availability.reason
        window.report_unheard_keys(unheard, why)
        from app.ui.live.status_lines import desktop_keys_summary

        summary, details = desktop_keys_summary(shortcuts.desktop_changed())
        if summary and not unheard:
            window.keys_line.say_text(summary, details, window.step_column.width())

    def _link_meeting(self, session: LiveSession, window: LiveWindow) -> None:
        # After the live window's first paint: the link pulls in networking and QR codes
        # (already loaded off the GUI thread, unless the meeting started before that).
        QTimer.singleShot(0, partial(self._attach_partner_link, session, window))

    def _attach_partner_link(self, session: LiveSession, window: LiveWindow) -> None:
        if not session.domain.is_running:
            return
        if self.partner_link is None and not shared_settings().current.relay_broker_url:
            from app.ui.partner.link_on_demand import LinkOnDemand

            # The link's modules on the GUI thread were the start's longest stall: made
            # at the first Ctrl+P instead, as a relay being set up would need it.
            LinkOnDemand(session, window, self._make_partner_link)
            return
        self._make_partner_link(session, window)

    def _make_partner_link(self, session: LiveSession, window: LiveWindow) -> PartnerLinkForFlow:
        if self.partner_link is None:
            from app.ui.partner.partner_wiring import PartnerLinkForFlow

            # No settings given: each meeting reads the link's address and port afresh.
            self.partner_link = PartnerLinkForFlow(self.ensure_flow(), follow_flow=False)
        self.partner_link.follow(session, window)
        return self.partner_link

    # -- keys -------------------------------------------------------------------------------

    def on_hotkey(self, action: str) -> None:
        if action == HotkeyAction.TOGGLE_HIDDEN.value:
            self.panic.toggle()
            return
        live_window = self.flow.live_window if self.flow is not None else None
        if live_window is not None and live_window.isVisible():
            live_window.perform(action)

    # -- other windows ----------------------------------------------------------------------

    def open_review(self, meeting_id: int | None = None) -> None:
        from app.ui.review import open_review_window

        if self.review is None:
            self.review = open_review_window(self.client, self.library.titles())
            self.review.meeting_page.back_requested.connect(self._write_open_meeting)
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        if meeting_id is not None:
            self.review.open_meeting(meeting_id)

    def _write_open_meeting(self) -> None:
        # Notes typed in the review go through the writer; leaving the page writes the file.
        if self.review is not None:
            self.write_markdown(self.review.meeting_page.meeting_id)

    def _open_partner_from_home(self) -> None:
        self.open_partner_window()

    def open_partner_window(self, url: str | None = None) -> QWidget:
        from app.ui.partner.partner_window import PartnerWindow

        partner = PartnerWindow(url)
        self.partner_windows = [w for w in self.partner_windows if w.isVisible()]
        self.partner_windows.append(partner)
        partner.show()
        return partner

    # -- the Markdown folder ------------------------------------------------------------------

    def _markdown_folder(self) -> Path | None:
        folder = shared_settings().current.markdown_folder
        return Path(folder).expanduser() if folder else None

    def write_markdown(self, meeting_id: int | None) -> None:
        """Write (or rewrite) one meeting's file, off the GUI thread, when the setting is on."""
        folder = self._markdown_folder()
        if folder is None or meeting_id is None or not self.client.is_open:
            return
        service = self.client.service
        titles = self.library.titles()

        def write() -> Path:
            from app.export.markdown_folder import MarkdownFolder
            from app.export.report import build_report

            report = build_report(service.load_meeting(meeting_id), titles)
            return MarkdownFolder(folder).write(report)

        self.client.write(write, on_done=self._markdown_ok, on_error=self._markdown_failed)

    def remove_markdown(self, meeting_id: int) -> None:
        folder = self._markdown_folder()
        if folder is None:
            return

        def remove() -> bool:
            from app.export.markdown_folder import MarkdownFolder

            return MarkdownFolder(folder).remove(meeting_id)

        # In order after the meeting's own writes (its Markdown file among them), so a
        # file still being written is removed, not kept by a manifest not yet saved.
        self.client.write(remove, on_error=self._markdown_failed)

    def show_settings_problem(self, message: str) -> None:
        """The settings cannot be written: said once, on the home window; meetings go on."""
        self.tell(message)

    def tell(self, notice: str) -> None:
        """Something the user should know once (a folder tightened, settings not saved)."""
        if notice not in self.notices:
            self.notices.append(notice)
        self._show_notices()

    def _show_notices(self) -> None:
        if not self._window_alive:
            return
        status = self.window.status
        lines = [line for line in status.text().split("\n") if line not in self.notices]
        status.setText("\n".join([*lines, *self.notices]).strip("\n"))

    def _markdown_ok(self, _path: object) -> None:
        self.markdown_problem = ""

    def _markdown_failed(self, error: object) -> None:
        folder = self._markdown_folder()
        self.markdown_problem = self.tr(
            "Could not write the meeting's Markdown file in {folder}: {error}"
        ).format(folder=folder, error=error)
        if self._window_alive:
            self.window.status.setText(self.markdown_problem)

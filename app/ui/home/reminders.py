"""Daily reminders while Poise runs: follow-ups due today or overdue, action items due.

Once a day (the first check after midnight, and at start), quietly: a desktop
notification per thing due, at most ``MAX_NOTICES`` and then one that says how many more.
Clicking one opens its meeting in the review (``openMeeting``). On Linux they go to the
freedesktop notification service (``app.platform.desktop_notifications``); elsewhere,
or without a session bus, to the tray icon's message. The setting
``reminders_enabled`` turns them off; ``reminders_shown_on`` keeps them to once a day
across restarts. The store is read through the app's ``StoreClient``, off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import APP_NAME
from app.export.follow_through import Reminder, due_reminders
from app.platform import desktop_notifications
from app.platform.desktop_notifications import FreedesktopNotifications, Notice
from app.settings import shared_settings
from app.store.api import OpenStore
from app.translation import TranslationContext
from app.ui.common.store_client import StoreClient

log = logging.getLogger(__name__)

MAX_NOTICES = 3
CHECK_INTERVAL_MS = 30 * 60 * 1000  # a new day is noticed within half an hour
FIRST_CHECK_MS = 8000  # after start-up has settled
MORE_KEY = "more"


class ReminderWords(TranslationContext):
    """The words of the desktop's reminders."""


def notices_for(reminders: list[Reminder], today: date) -> list[Notice]:
    """What the notifications say: one per thing due, the rest counted in one more."""
    notices = [
        Notice(
            str(reminder.meeting_id),
            (
                ReminderWords.tr("{app} · due today")
                if reminder.day == today
                else ReminderWords.tr("{app} · overdue")
            ).format(app=APP_NAME),
            reminder.text,
        )
        for reminder in reminders[:MAX_NOTICES]
    ]
    rest = len(reminders) - MAX_NOTICES
    if rest > 0:
        notices.append(
            Notice(
                MORE_KEY,
                APP_NAME,
                ReminderWords.tr("%n more due: see the open follow-ups in the review", "", rest),
            )
        )
    return notices


class _Clicks(QObject):
    """Brings a click, or word of a notice shown or not, from the notification thread."""

    clicked = Signal(str)
    delivered = Signal(str, bool)


class DesktopNotifier(QObject):
    """Shows notices; ``clicked(key)`` when the user clicks one.

    ``delivered(key, shown)`` follows every notice: shown is False when nothing could show
    it (no notification service answered, no tray), so the caller can say it another way.
    """

    clicked = Signal(str)
    delivered = Signal(str, bool)

    def __init__(self, parent: QObject | None = None, *, bus_address: str | None = None) -> None:
        super().__init__(parent)
        self._clicks = _Clicks(self)
        self._clicks.clicked.connect(self.clicked)
        self._clicks.delivered.connect(self.delivered)
        self._freedesktop: FreedesktopNotifications | None = None
        self._tray: QSystemTrayIcon | None = None
        self._last_tray_key = ""
        if desktop_notifications.available(bus_address):
            self._freedesktop = FreedesktopNotifications(
                APP_NAME,
                self._clicks.clicked.emit,
                bus_address=bus_address,
                on_delivered=self._clicks.delivered.emit,
            )

    @property
    def backend(self) -> str:
        return "freedesktop" if self._freedesktop is not None else "tray"

    def notify(self, notice: Notice) -> None:
        if self._freedesktop is not None:
            self._freedesktop.notify(notice)
            return
        tray = self._tray_icon()
        if tray is None:
            log.info("no way to show a notification here")
            self._clicks.delivered.emit(notice.key, False)
            return
        # The tray shows one message at a time; a click means the newest.
        self._last_tray_key = notice.key
        tray.showMessage(notice.summary, notice.body, QSystemTrayIcon.MessageIcon.NoIcon, 15000)
        self._clicks.delivered.emit(notice.key, True)

    def _tray_icon(self) -> QSystemTrayIcon | None:
        if self._tray is None:
            if not QSystemTrayIcon.isSystemTrayAvailable():
                return None
            application = QApplication.instance()
            icon = application.windowIcon() if isinstance(application, QApplication) else None
            self._tray = QSystemTrayIcon(self)
            if icon is not None:
                self._tray.setIcon(icon)
            self._tray.setToolTip(APP_NAME)
            self._tray.messageClicked.connect(self._tray_clicked)
            self._tray.show()
        return self._tray

    def _tray_clicked(self) -> None:
        if self._last_tray_key:
            self.clicked.emit(self._last_tray_key)

    def close(self) -> None:
        if self._freedesktop is not None:
            self._freedesktop.close()
        if self._tray is not None:
            self._tray.hide()


class Reminders(QObject):
    """Checks once a day what is due and notifies; ``openMeeting`` when one is clicked."""

    openMeeting = Signal(int)  # noqa: N815 (Qt signal naming)
    openReview = Signal()  # noqa: N815 -- the "and N more" notice
    checked = Signal(int)
    # Nothing could show some of today's notices: the home window says them (``DueLine``).
    undelivered = Signal(object)  # list[Reminder]

    def __init__(
        self,
        store: StoreClient | OpenStore,
        notifier: DesktopNotifier | None = None,
        *,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if isinstance(store, StoreClient):
            self._client = store
        else:  # a store opened elsewhere (a test's): a client of its own over it
            self._client = StoreClient(parent=self)
            self._client.attach(store)
        self._service = self._client.service
        self.notifier = notifier or DesktopNotifier(self)
        self.notifier.clicked.connect(self._clicked)
        self.notifier.delivered.connect(self._delivered)
        self._waiting: dict[str, bool] = {}  # notice key -> shown, of today's check
        self._answered: set[str] = set()
        self._due: list[Reminder] = []
        self._today = today
        self._checked_on: date | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self._timer.start()
        QTimer.singleShot(first_check_ms, self.check)

    def stop(self) -> None:
        self._timer.stop()
        self.notifier.close()

    def check(self) -> None:
        """Notify what is due today, unless off or already done today."""
        today = self._today()
        if self._checked_on == today:
            return
        settings = shared_settings().current
        if not settings.reminders_enabled or settings.reminders_shown_on == today.isoformat():
            self._checked_on = today
            self.checked.emit(0)
            return
        service = self._service

        def work() -> list[Reminder]:
            return due_reminders(
                service.open_follow_ups(today), service.due_action_items(today), today
            )

        self._checked_on = today
        if not self._client.is_open:  # the store closed as Poise quits
            log.debug("no reminders check: the store is closed")
            return
        self._client.read(work, on_done=self._show, on_error=self._failed)

    def _show(self, reminders: list[Reminder]) -> None:
        # Counted as shown once every notice was (``_delivered``), never on sending alone.
        notices = notices_for(reminders, self._today())
        self._due = reminders
        self._waiting = {notice.key: False for notice in notices}
        self._answered = set()
        for notice in notices:
            self.notifier.notify(notice)
        self.checked.emit(len(reminders))

    def _delivered(self, key: str, shown: bool) -> None:
        if key not in self._waiting or key in self._answered:
            return
        self._answered.add(key)
        self._waiting[key] = shown
        if len(self._answered) < len(self._waiting):
            return
        if all(self._waiting.values()):
            self.record_shown()
        else:
            self.undelivered.emit(list(self._due))
        self._waiting = {}

    def record_shown(self) -> None:
        """Today's reminders reached the user (a notification, or the home window's line)."""
        shared_settings().update(reminders_shown_on=self._today().isoformat())

    def _failed(self, error: object) -> None:
        log.warning("could not read what is due: %s", error)
        self._checked_on = None  # try again at the next check

    def _clicked(self, key: str) -> None:
        if key == MORE_KEY:
            self.openReview.emit()
        elif key.isdigit():
            self.openMeeting.emit(int(key))

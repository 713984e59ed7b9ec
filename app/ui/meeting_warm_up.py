"""The meeting's code loaded once the store is open, while the home window waits.

A meeting's first "New meeting" and its first partner-link turn-on would each pay their
modules' imports on the GUI thread (the meeting flow ~230 ms, the partner link ~100 ms)
otherwise. ``AppController`` starts ``MeetingWarmUp`` when the store has opened; it loads
the flow, then the link, then freezes what start-up made (``freeze_long_lived``).

On the GUI thread, a step per turn of the event loop: PySide6 makes its Python types
lazily, and a pool thread making them while the GUI thread ran Qt crashed the app at start
(SIGSEGV in tests/session; its stacks showed these imports).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.settings import Settings, shared_settings
from app.ui.common.gui_thread_gc import freeze_long_lived


class MeetingWarmUp(QObject):
    """Loads the meeting flow's and the partner link's modules, a step per event-loop turn."""

    def __init__(self, flow_made: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flow_made = flow_made

    def start(self) -> None:
        QTimer.singleShot(0, self, self._warm_up_meeting_flow)

    def _warm_up_meeting_flow(self) -> None:
        if not self._flow_made():
            warm_up_meeting_flow()
        QTimer.singleShot(0, self, self._warm_up_partner_link)

    def _warm_up_partner_link(self) -> None:
        warm_up_partner_link(shared_settings().current)
        self._warmed_up()

    def _warmed_up(self) -> None:
        # The store's and the partner link's modules are loaded: no collection scans them
        # again. Not once a meeting began (freeze_long_lived refuses it then): its garbage
        # would never be collected. An open prepare dialog alone does not stop it.
        freeze_long_lived()


def warm_up_meeting_flow() -> None:
    """Load the meeting flow's code once the store is open, while the home window waits.

    The flow's modules (the prepare dialog, the live window, the summary and its exports)
    would cost the first "New meeting" otherwise. Imports only: no Qt object is made here.
    On the GUI thread: they make PySide6 types, which a pool thread must never do.
    """
    import app.ui.live.flow  # noqa: F401  # imported for its side effect: a warm cache


def warm_up_partner_link(settings: Settings) -> None:
    """Pay the partner link's one-off costs once the store is open (on the GUI thread).

    Every meeting gets a link (off until turned on): its networking modules would otherwise
    be paid on the GUI thread the moment a meeting starts. The relay's (paho, cryptography)
    and Qt's first TLS configuration, which loads every system CA certificate (~250 ms
    here), only when a relay is set up: a meeting with none never loads them. The QR code
    loads when the link is first turned on.
    """
    import app.ui.partner.partner_wiring  # imported for its side effect: a warm cache

    if settings.relay_broker_url:
        from PySide6.QtNetwork import QSslConfiguration

        import app.ui.partner.relay_wiring  # noqa: F401  # the relay's modules, warm

        QSslConfiguration()

"""The meeting's code loaded once the store is open, while the home window waits.

A meeting's first "New meeting" and its first partner-link turn-on would each pay their
modules' imports on the GUI thread (the meeting flow ~230 ms, the partner link ~100 ms)
otherwise. ``AppController`` starts ``MeetingWarmUp`` when the store has opened; it loads
the flow, then the link, then freezes what start-up made (``freeze_long_lived``).

On the GUI thread: PySide6 makes its Python types lazily, and a pool thread making them
while the GUI thread ran Qt crashed the app at start (SIGSEGV in tests/session; its stacks
showed these imports). So a module per turn of the event loop, leaves first
(``import_in_steps``): imported whole, the flow stalled the GUI thread ~190 ms and the link
~45 ms, the longest freeze right after Start when the store opened then (bench/stalls.py
--stacks); a step now runs one module's own code, ~1-15 ms. Between Start pressed and the
live window's first paint (``imports_give_way``), when a person waits, no step runs.
At the end, the source lines PySide6 read at each import are let go (``source_lines_cache``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject

from app.settings import Settings, shared_settings
from app.ui.common.gui_thread_gc import freeze_long_lived
from app.ui.common.imports_give_way import others_waiting
from app.ui.common.imports_in_steps import import_in_steps
from app.ui.common.source_lines_cache import drop_source_lines
from app.ui.common.steps_per_turn import StepsPerTurn, one_call_each

# While a live window is being made for a person who pressed Start: look again this soon.
WAIT_WHILE_STARTING_MS = 50

MEETING_FLOW = "app.ui.live.flow"
PARTNER_LINK = "app.ui.partner.partner_wiring"
RELAY = "app.ui.partner.relay_wiring"
# What AppController._store_opened imports for the home window (meetings left open,
# reminders and the line of what is due).
STORE_OPENED_HOME_PARTS = ("app.ui.home.left_open", "app.ui.home.due_line", "app.ui.home.reminders")


class MeetingWarmUp(QObject):
    """Loads the meeting flow's and the partner link's modules, a step per event-loop turn."""

    def __init__(self, flow_made: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flow_made = flow_made
        self._steps = StepsPerTurn(self, hold=others_waiting, hold_ms=WAIT_WHILE_STARTING_MS)

    @property
    def running(self) -> bool:
        return self._steps.running

    @property
    def steps_taken(self) -> int:
        return self._steps.steps_taken

    def before_store_opens(self) -> None:
        """What the store's opening shows on the home window, loaded while it opens.

        ``AppController._store_opened`` imports these in one go otherwise: ~35 ms on the
        GUI thread (stat calls and module code), often just after Start was pressed.
        """
        self._steps.add(_modules_steps(STORE_OPENED_HOME_PARTS))

    def start(self) -> None:
        """The store is open: the meeting's modules, then freezing what start-up made."""
        self._steps.add(self._meeting_steps())

    def call(self, step: Callable[[], None]) -> None:
        """``step`` as one step of its own, after those queued before it."""
        self._steps.add(one_call_each([step]))

    def _meeting_steps(self) -> Iterator[str]:
        # Made already (New meeting came first): its modules are loaded.
        if not self._flow_made():
            yield from import_in_steps(MEETING_FLOW)
        yield from _partner_link_steps(shared_settings().current)
        # The store's and the partner link's modules are loaded: no collection scans them
        # again. Not once a meeting began (freeze_long_lived refuses it then): its garbage
        # would never be collected. An open prepare dialog alone does not stop it.
        freeze_long_lived()
        # Start-up's imports are done: the source lines PySide6 read at each, let go.
        drop_source_lines()
        yield "frozen"


def _modules_steps(names: tuple[str, ...]) -> Iterator[str]:
    for name in names:
        yield from import_in_steps(name)


def _partner_link_steps(settings: Settings) -> Iterator[str]:
    """``warm_up_partner_link``'s work, a module per step."""
    yield from import_in_steps(PARTNER_LINK)
    if settings.relay_broker_url:
        from PySide6.QtNetwork import QSslConfiguration

        yield from import_in_steps(RELAY)
        QSslConfiguration()  # Qt's CA certificates, one step: C++ that cannot be split
        yield "QSslConfiguration"


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

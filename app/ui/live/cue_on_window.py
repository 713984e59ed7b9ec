"""The cue on the live window: shown the moment it arrives, its overlay made on first need.

Nothing of the overlay (the glow, the band, the pause countdown) is in the live window's
first paint, so the window makes it right after that paint (``deferred_pieces``); a cue
that comes sooner makes it here, at once, and shows as it always did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.cue_display import leaves_quickly, pauses_after
from app.domain.meeting_session import CueEvent
from app.settings import shared_settings
from app.ui.live.session import LiveSession

if TYPE_CHECKING:
    from app.ui.live.cue_overlay import CueOverlay


class WindowCue(QObject):
    """Shows and withdraws ``session``'s cues over ``window``, the band below ``anchor``."""

    def __init__(
        self,
        window: QWidget,
        session: LiveSession,
        anchor: QWidget,
        cue_sound: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._session = session
        session.cueDisplayRequested.connect(self._show)
        session.cueWithdrawn.connect(self._withdraw)
        session.meetingEnded.connect(self._stop_countdown)
        # Where the overlay goes once made, and whether a cue beeps (read at each cue).
        self._window, self._anchor, self._cue_sound = window, anchor, cue_sound
        self._overlay: CueOverlay | None = None

    @property
    def overlay(self) -> CueOverlay:
        if self._overlay is None:
            from app.ui.live.cue_overlay import CueOverlay

            overlay = CueOverlay(self._window)
            overlay.band_anchor = self._anchor
            overlay.acknowledgeClicked.connect(self._session.acknowledge_cue)
            overlay.painted.connect(self._session.confirm_cue_painted)
            overlay.reposition()
            self._overlay = overlay
        return self._overlay

    @property
    def overlay_made(self) -> bool:
        return self._overlay is not None

    @property
    def on_screen(self) -> bool:
        return self._overlay is not None and self._overlay.is_showing

    def reposition(self) -> None:
        if self._overlay is not None:
            self._overlay.reposition()

    def _show(self, event: CueEvent) -> None:
        if self._cue_sound():
            QApplication.beep()
        self.overlay.show_cue(event)
        # Read now rather than at the start: the user may have changed it mid-meeting.
        settings = shared_settings().current
        if pauses_after(event, settings.pause_cue_enabled):
            self.overlay.start_pause(settings.pause_cue_seconds)

    def _withdraw(self, event: CueEvent) -> None:
        if self._overlay is not None:
            self._overlay.withdraw(event, quick=leaves_quickly(event))

    def _stop_countdown(self) -> None:
        if self._overlay is not None:
            self._overlay.countdown.stop()

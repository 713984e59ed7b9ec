"""The built-in playbooks in German on the live window: every step shows whole at the
default size, and nothing is clipped at the smallest, as the English must (issue 24).
German words are the longest; the same checks as test_issue14_live's, on real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import MeetingMode
from app.settings import DEFAULTS
from app.ui.common.theme import apply_look
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession

from .test_issue14_live import (
    CUES,
    DEFAULT_SIZE,
    SHIPPED,
    SMALLEST_SIZE,
    clipped_text,
    shipped_library,
    shoot,
    whole_step_shown,
)


def open_in_german(qtbot: QtBot, playbook_id: str, mode: MeetingMode) -> LiveWindow:
    apply_look(QApplication.instance(), False)  # type: ignore[arg-type]
    playbook = shipped_library().in_language("de").get(playbook_id)
    assert playbook is not None and playbook.language == "de" and not playbook.fell_back
    session = LiveSession(None, None, playbook.for_mode(mode), CUES)
    window = LiveWindow(session, client_name="Acme", meeting_title="", settings=DEFAULTS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.begin()
    return window


@pytest.mark.parametrize("mode", list(MeetingMode), ids=lambda mode: mode.value)
@pytest.mark.parametrize("playbook_id", sorted(p.stem for p in SHIPPED.glob("*.toml")))
def test_every_german_step_fits_at_the_default_and_smallest_size(
    qtbot: QtBot, playbook_id: str, mode: MeetingMode, screens_dir: Path
) -> None:
    window = open_in_german(qtbot, playbook_id, mode)
    english = shipped_library().get(playbook_id)
    assert english is not None
    window.resize(*DEFAULT_SIZE)
    count = window.session.domain.position[1]
    for index in range(count):
        if index:
            window.session.next_step()
        step = window.session.domain.current_step
        assert step.title != english.step(step.key).title, "the German words are shown"
        problems = clipped_text(window)
        assert not problems, f"{playbook_id} ({mode.value}) step {index + 1}: {problems}"
        assert not whole_step_shown(window), f"{step.title} not whole at 360 × 720"
        assert not window.card.more.isVisibleTo(window.card)
        shoot(window, screens_dir, f"fit-de-{playbook_id}-{mode.value}-{index + 1}")
    window.resize(*SMALLEST_SIZE)
    QApplication.processEvents()
    for index in range(count):
        if index:
            window.session.previous_step()
        problems = clipped_text(window)
        assert not problems, f"{playbook_id} ({mode.value}) smallest: {problems}"
    window.session.end(None)

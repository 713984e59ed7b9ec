"""A partner's observation and debrief reach the live session stamped by Poise, once each."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import Cue
from app.domain.partner_watch import QuickObservation
from app.ui.live.session import LiveSession
from tests.ui.test_issue14_live import shipped_library


def test_an_observation_is_stamped_with_the_step_and_kept_once(qtbot: QtBot) -> None:
    playbook = shipped_library().get("client-lashes-out")
    assert playbook is not None
    session = LiveSession(None, None, playbook, (Cue("calm", "Calm down", "Breathe."),))
    session.start()
    session.next_step()
    heard = []
    session.from_partner.observationArrived.connect(heard.append)
    first = session.from_partner.receive_observation(
        "obs-000001", QuickObservation.REAL_DRIVER, "the board"
    )
    again = session.from_partner.receive_observation("obs-000001", None, "forged twin")
    assert first is not None and again is None
    assert heard == [first]
    assert first.step_key == session.domain.current_step.key
    assert first.at <= session.now()
    answer = session.from_partner.receive_debrief_answer(
        "deb-000001", "When did they tense up?", "At the invoice"
    )
    assert answer is not None and session.from_partner.debrief == [answer]
    assert session.from_partner.receive_debrief_answer("deb-000001", "x", "y") is None

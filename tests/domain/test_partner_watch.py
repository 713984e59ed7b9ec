"""The partner's brief, observations and debrief as plain values (issue 25)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.partner_watch import (
    MAX_SIGNS,
    CueMeaning,
    Observation,
    PartnerBrief,
    QuickObservation,
    WarningSign,
    brief_changes,
    spoken_sign,
)


def test_a_brief_with_too_many_signs_says_so() -> None:
    brief = PartnerBrief(signs=tuple(f"sign {n}" for n in range(MAX_SIGNS + 1)))
    assert brief.problem() == f"At most {MAX_SIGNS} warning signs can be given."
    assert PartnerBrief(role="Keep me calm", signs=(WarningSign.YES_BUT,)).problem() is None


def test_changes_since_the_last_brief_name_what_is_new() -> None:
    before = PartnerBrief("Sam", "Keep me calm", (WarningSign.INTERRUPTING, "Tapping the pen"))
    now = PartnerBrief(
        "Sam",
        "Keep me calm",
        (WarningSign.INTERRUPTING, WarningSign.PROMISING_A_DATE),
        (CueMeaning("calm", "Calm down", "When I talk over them"),),
    )
    changes = brief_changes(before, now)
    assert changes is not None and changes.any
    assert changes.signs_added == (WarningSign.PROMISING_A_DATE,)
    assert changes.signs_removed == ("Tapping the pen",)
    assert not changes.role_changed
    assert changes.cues_changed == ("calm",)
    assert brief_changes(None, now) is None


def test_a_sign_and_an_observation_read_as_words() -> None:
    assert spoken_sign(WarningSign.RAISED_VOICE) == "A raised voice"
    assert spoken_sign("Tapping the pen") == "Tapping the pen"
    seen = Observation(
        "m1234567",
        datetime(2026, 12, 7, tzinfo=UTC),
        "listen",
        "Listen",
        QuickObservation.YOU_TENSED_UP,
        "at the invoice",
    )
    assert seen.text == "You tensed up \u2014 at the invoice"

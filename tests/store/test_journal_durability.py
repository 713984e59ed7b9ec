"""A meeting the store does not have yet survives kill -9: its journal is applied at the next start.

A real child process types through a real ``LiveSession`` while the database is locked by
another process, while the store never opens (a socket that never answers), and on a
real full tmpfs; it is killed with SIGKILL, and opening the store again must recover every
character typed more than 300 ms before the kill, into exactly one meeting.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.journal_cases import CASES, run_case


@pytest.mark.parametrize("case", CASES)
def test_a_killed_meeting_the_store_never_took_loses_nothing(case: str, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    outcome = run_case(case, data_dir, journal=True, seed=len(case))
    assert outcome.typed_before_deadline > 0, "the round tested nothing"
    assert outcome.lost == 0, (
        f"{case}: {outcome.recovered} characters recovered, but "
        f"{outcome.typed_before_deadline} were typed more than 300 ms before the kill"
    )

"""A wait that runs out says why: the app's state, its last probe, its stacks, its log.

The real-session tests failed now and then with only "timed out after 30 s waiting for
...". The failure must carry what is needed to find the cause from one run.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.session.desktop import Desktop, PoiseProcess, private_desktop, wait_until

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens" / "session-wait-diagnosis"


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    with private_desktop(SCREENS) as running:
        yield running


def test_a_wait_that_runs_out_shows_the_app_state_stacks_and_log(
    desktop: Desktop, tmp_path: Path
) -> None:
    data_dir = tmp_path / "poise-data"
    data_dir.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    app = PoiseProcess(desktop, data_dir, extra_env={"HOME": str(home)})
    try:
        app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
        with pytest.raises(pytest.fail.Exception) as failed:
            app.wait_widget("mainWindow", text="a text no window shows", timeout=0.5)
        message = str(failed.value)
        assert "timed out after" in message
        assert f"(pid {app.process.pid}) still running" in message
        assert "mainWindow 'Poise'" in message and "s old)" in message
        # faulthandler's dump of every thread, the GUI thread inside the event loop.
        assert "most recent call first" in message
        assert "run_app" in message
    finally:
        app.kill()
    with pytest.raises(pytest.fail.Exception) as after_exit:
        wait_until(lambda: False, 0.1, "nothing")
    assert "still running" not in str(after_exit.value)


def test_a_wait_on_an_app_that_ended_fails_at_once_with_its_exit(
    desktop: Desktop, tmp_path: Path
) -> None:
    data_dir = tmp_path / "poise-data"
    data_dir.mkdir()
    app = PoiseProcess(desktop, data_dir, "--no-such-option")
    try:
        started = time.monotonic()
        with pytest.raises(pytest.fail.Exception) as failed:
            app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
        assert time.monotonic() - started < 10
        message = str(failed.value)
        assert "poise ended while waiting for" in message
        assert "exited with code 2" in message and "--no-such-option" in message
    finally:
        app.kill()

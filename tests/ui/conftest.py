"""Fixtures for the live-window tests: a real store in the test's data folder, a small
playbook of our own, and the light or dark look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.library import Origin, PlaybookLibrary, load_library
from app.ui.app_controller import AppController
from app.ui.common.global_shortcuts import GlobalShortcuts
from app.ui.common.theme import apply_look

PLAYBOOK = """
format = 1
id = "ui-test"
title = "A tense renewal"
summary = "Hear them out, find the real concern, agree the next step together."

[[source]]
title = "When Clients Lash Out"
author = "Carla Bobka"
year = 2009

[[prepare]]
key = "partner"
title = "Agree the signal with your partner"
do = "Tell them what to watch for and the cue they will send."

[[prepare]]
key = "phone-away"
title = "Phone away"
do = "Leave the phone in the car or another room."

[[prepare]]
key = "driver"
title = "What might really be driving this?"
do = "Write down two guesses about the real concern."
detail = "Budget pressure, their own boss, a past disappointment."

[[during]]
key = "listen"
title = "Listen until they are done"
do = "Let them talk. Nod. Keep your mouth shut."
say = ["Tell me more about that.", "What happened next?"]
avoid = ["Interrupting to correct facts", "Well, actually…"]

[[during]]
key = "subtext"
title = "Listen for what is not said"
do = "Notice body language and what they avoid mentioning."

[[during]]
key = "restate"
title = "Restate what you heard"
do = "Say it back in your own words so they know you listened."
say = ["So what matters most to you is…"]

[[during]]
key = "agree"
title = "Agree the next step together"
do = "Propose, then ask. Set when you will be in touch again."
say = ["Would it help if we…?"]
avoid = ["Promising a date you do not control"]
loop_back = { when = "They push back hard", to = "listen" }

[[after]]
key = "write-up"
title = "Confirm in writing"
do = "Send what was agreed and the next contact date today."
"""


def library_of(tmp_path: Path, file_name: str, text: str) -> PlaybookLibrary:
    """A library of one playbook ``text``, written as ``file_name`` in the user's folder."""
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / file_name).write_text(text, encoding="utf-8")
    loaded = load_library([(Origin.USER, folder)])
    assert not loaded.problems, loaded.problems
    return loaded


@pytest.fixture
def library(tmp_path: Path) -> PlaybookLibrary:
    return library_of(tmp_path, "ui-test.toml", PLAYBOOK)


@pytest.fixture(params=["light", "dark"])
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_look(qapp, request.param == "dark")
    yield request.param
    apply_look(qapp, False)


def started_app(qtbot: QtBot, library: PlaybookLibrary) -> AppController:
    """The app's composition root with its home window on screen, the store not yet opened
    (``controller.open_store()``); system-wide keys go to a stand-in hook."""
    from tests.platform.test_global_shortcuts import FakeHook

    application = QApplication.instance()
    assert isinstance(application, QApplication)
    controller = AppController(application, library, shortcuts=GlobalShortcuts(FakeHook()))
    qtbot.addWidget(controller.window)
    controller.window.close_guard = None  # closed by the test's teardown, never asked
    controller.window.show()
    qtbot.waitExposed(controller.window)
    return controller

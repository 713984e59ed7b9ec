"""Shared test set-up: offscreen Qt, a fresh data folder for every test, and a real store
in it for the tests that ask for one (``tests/store`` runs its own on two backends)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Without a display pytest-qt would abort trying xcb; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import paths, qt_workarounds

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.store import Store

# PySide6 6.12.0 loses references to True and None (pyproject excludes it, but a machine
# may still have it); the app repairs that at start-up, and so must the tests.
qt_workarounds.install()
qt_workarounds.protect_none()

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREENS_DIR = REPO_ROOT / "tests" / "screens"


@pytest.fixture(scope="session")
def qapp(qapp: QApplication) -> QApplication:
    """pytest-qt's QApplication, speaking English with its plurals as the app does at start."""
    from app.ui.common.languages import install_language

    install_language("en")
    return qapp


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data folder; nothing touches the real one."""
    folder = tmp_path / "poise-data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    monkeypatch.delenv(paths.DATABASE_URL_ENV, raising=False)
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A real, empty SQLite store in this test's data folder."""
    # Imported here: a test that wants no database does not load SQLAlchemy for it.
    from app.store import open_store

    opened = open_store()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def screens_dir() -> Path:
    """Folder where tests save PNGs of what a user sees, to be looked at."""
    SCREENS_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENS_DIR


@pytest.fixture(autouse=True)
def garbage_collected_on_gui_thread(request: pytest.FixtureRequest) -> None:
    """As in the app: a Qt test's garbage is collected on the GUI thread, never elsewhere."""
    if {"qapp", "qtbot"} & set(request.fixturenames):
        from app.ui.common.gui_thread_gc import collect_garbage_on_gui_thread

        collect_garbage_on_gui_thread(request.getfixturevalue("qapp"))


@pytest.fixture(autouse=True)
def meeting_journals_closed() -> Iterator[None]:
    """A journal a test's meeting left open is closed, so the next test starts without it."""
    yield
    from app.journal.writer import journals_in_use

    for journal in journals_in_use():
        journal.close()
        journal.wait_written(5.0)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """English as the app speaks it: its plurals ("1 loop-back") come from en/*.qm."""
    from app.ui.common.languages import install_language

    language = install_language("en")
    yield
    language.uninstall()


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """Poise in German, as ``language: de`` or ``LANG=de_DE.UTF-8`` makes it."""
    from app.ui.common.languages import install_language

    language = install_language("de")
    assert (language.code, language.problem) == ("de", "")
    yield
    language.uninstall()


class UnexpectedExceptions:
    """Exceptions that escaped into Qt's event loop, a thread or the crash handler."""

    def __init__(self) -> None:
        self.caught: list[tuple[str, BaseException]] = []

    def describe(self) -> str:
        import traceback

        parts = [
            f"-- {where}:\n" + "".join(traceback.format_exception(error)).rstrip()
            for where, error in self.caught
        ]
        return "\n".join(parts)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Off Linux, a test needing a part this machine lacks skips and names it."""
    import sys

    from tests.system_parts import PLATFORM_ENV, needed_parts, skip_reason

    # The environment may name another system, for the test of this very hook.
    platform = os.environ.get(PLATFORM_ENV) or sys.platform
    for item in items:
        markers = [mark.name for mark in item.iter_markers()]
        fixtures = getattr(item, "fixturenames", ())
        reason = skip_reason(needed_parts(markers, fixtures, item.nodeid), platform)
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "crash_expected: the test raises on purpose where the app's crash handler sees it",
    )


@pytest.fixture(autouse=True)
def no_exception_in_slots(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[UnexpectedExceptions]:
    """Any exception in a slot, a callback, a thread or the crash handler fails the test.

    In the app such an exception shows "Poise hit a problem" in the middle of a meeting, so
    no test may pass with one. pytest-qt already catches what reaches ``sys.excepthook``
    while its capture is on; this also covers worker threads (``threading.excepthook``)
    and a test that runs the app's own crash handler in place of the hook.
    """
    import sys
    import threading

    from app.ui.common import crash

    caught = UnexpectedExceptions()
    expected = request.node.get_closest_marker("crash_expected") is not None
    previous_hook = sys.excepthook
    previous_thread_hook = threading.excepthook

    def excepthook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        caught.caught.append(("in a Qt slot or callback", error))
        previous_hook(kind, error, trace)  # type: ignore[arg-type]

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            thread = args.thread.name if args.thread is not None else "?"
            caught.caught.append((f"in thread {thread}", args.exc_value))
        previous_thread_hook(args)

    handler_call = crash.CrashHandler.__call__

    def crash_handler_call(
        self: crash.CrashHandler, kind: type[BaseException], error: BaseException, trace: object
    ) -> None:
        if not expected:
            caught.caught.append(("in the app's crash handler", error))
        handler_call(self, kind, error, trace)  # type: ignore[arg-type]

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    monkeypatch.setattr(crash.CrashHandler, "__call__", crash_handler_call)
    yield caught
    if sys.excepthook is excepthook:
        sys.excepthook = previous_hook
    if threading.excepthook is thread_hook:
        threading.excepthook = previous_thread_hook
    if caught.caught and not expected:
        pytest.fail(
            "an exception escaped where the app would show an error:\n" + caught.describe(),
            pytrace=False,
        )

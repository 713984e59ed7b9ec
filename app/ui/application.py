"""Starting Poise: the QApplication, the look, the crash handler, then the composition root.

``run_app`` (the home window), ``run_review`` (``poise review``) and ``run_partner``
(``poise partner``) all start the same way (``_started``): one QApplication with Qt's
work-arounds installed once, the user's look, the crash handler as ``sys.excepthook``,
and an ``AppController`` that opens the store off the GUI thread through its
``StoreClient``. The home window paints before the store is open; a store that cannot be
opened leaves the app running and says so on the home window (see ``app_controller``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.platform.window_session import choose_platform
from app.playbooks import StartPlaybooks
from app.private_files import tighten_data_folder
from app.resources import resource_path
from app.settings import shared_settings
from app.ui.app_controller import AppController
from app.ui.common.accessible_roles import install_role_factory
from app.ui.common.after_first_paint import after_first_paint
from app.ui.common.crash import install_crash_handler
from app.ui.common.gui_thread_gc import collect_garbage_on_gui_thread, freeze_long_lived
from app.ui.common.languages import install_language
from app.ui.common.source_lines_cache import read_sources_uncached
from app.ui.common.theme import ThemeController
from app.ui.meeting_warm_up import warm_up_partner_link
from app.ui.shutdown import CleanShutdown

__all__ = ["create_application", "run_app", "run_partner", "run_review", "warm_up_partner_link"]

CLOSE_TIMEOUT_SECONDS = 5.0
# The tests that drive the real app ask for the screen probe (app.ui.common.screen_probe).
SCREEN_PROBE_ENV = "POISE_SCREEN_PROBE"
EXIT_REVIEW_FAILED = 1


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with Qt's work-arounds installed before anything emits."""
    from app import qt_workarounds

    # Once per process, and inert unless this PySide6 has the 6.12.0 reference bugs.
    qt_workarounds.install()
    qt_workarounds.protect_none()
    read_sources_uncached()  # PySide6's check of each import keeps no source lines
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Issue 23: in a Wayland session the user may choose XWayland, where the live window
    # can stay on top and dock; only Qt's platform at creation decides it.
    choose_platform(os.environ, shared_settings().current.run_through_xwayland)
    application = QApplication(argv if argv is not None else sys.argv[:1])
    # Never on the store's threads: there a collected Qt object can freeze the app.
    collect_garbage_on_gui_thread(application)
    application.setApplicationName(APP_NAME)
    application.setApplicationDisplayName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setOrganizationName(APP_NAME)
    application.setDesktopFileName("app.poise.Poise")
    application.setWindowIcon(app_icon())
    if os.environ.get(SCREEN_PROBE_ENV):
        # Imported only then: the probe's module cost the home window's first paint ~6 ms.
        from app.ui.common.screen_probe import install_screen_probe

        install_screen_probe(application)
    install_role_factory()  # before any window: Qt asks it for every widget's role
    return application


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"poise-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


@contextmanager
def _started(
    playbooks: StartPlaybooks | None = None, *, show_home: bool = False
) -> Iterator[AppController]:
    """The same start for every entry point; closes the store (flushing it) at the end.

    ``show_home``: the home window is shown, and signals are heard from its first paint on
    (before it nothing is written that a signal could lose)."""
    application = create_application()
    # Before the store makes its files there: a folder others can open becomes the user's.
    folder_notice = tighten_data_folder()
    settings = shared_settings().current
    # Before any window: every word and date from here on is in the person's language.
    install_language(settings.language)
    # A child of the application: it follows the system's light or dark until exit.
    ThemeController(application, settings.theme).apply()
    controller = AppController(
        application,
        playbooks if playbooks is not None else StartPlaybooks(playbook_language()),
        settings=settings,
    )
    if folder_notice:
        controller.tell(folder_notice)
    previous_hook = install_crash_handler(controller.crash_handler)
    # SIGTERM, SIGINT, the session ending, the last window closed: all write first, exit 0.
    shutdown = CleanShutdown(application, controller.writer, controller.current_partner_link)
    if show_home:
        controller.window.show()
    after_first_paint(controller.window, shutdown.listen_for_signals)
    try:
        yield controller
    finally:
        shutdown.uninstall()
        sys.excepthook = previous_hook
        controller.close(CLOSE_TIMEOUT_SECONDS)


def playbook_language() -> str:
    """The language the playbooks are shown in: the user's interface language."""
    # The one place that chooses it; the language setting (issue #24) takes over here.
    languages = QLocale().uiLanguages()
    return languages[0] if languages else ""


def run_app(*, quit_after_start: bool = False) -> int:
    # Parsed after the home window's first paint unless a broken one may need saying in it.
    playbooks = StartPlaybooks(playbook_language())
    with _started(playbooks, show_home=True) as controller:
        application, window = controller.application, controller.window
        # Imports, Qt's wrappers, playbooks and the home window live as long as the app.
        freeze_long_lived()
        if quit_after_start:
            # --smoke-test: report once the window is up and the store open, then quit.
            from app.ui.home.start_check import StartCheck

            check = StartCheck(application, window, controller.playbook_count)
            controller.client.storeOpened.connect(check.store_opened)
            controller.client.storeFailed.connect(check.store_failed)
        controller.open_store()
        return application.exec()


def run_review(*, quit_after_start: bool = False) -> int:
    """``poise review``: the review window alone; a store problem ends in one clear line."""
    with _started() as controller:
        application = controller.application
        outcome: dict[str, int] = {}

        def opened(_store: object) -> None:
            controller.open_review()
            review = controller.review
            assert review is not None
            if quit_after_start:
                # --smoke-test: once the first page of meetings is shown, close and quit.
                review.list_refreshed.connect(finish_soon)

        def finish_soon(_total: int) -> None:
            QTimer.singleShot(0, finish)

        def finish() -> None:
            if controller.review is not None:
                controller.review.close()
            application.quit()

        def failed(problem: BaseException) -> None:
            print(f"poise: {problem}", file=sys.stderr)
            if not quit_after_start:
                from PySide6.QtWidgets import QMessageBox

                title = QCoreApplication.translate("Application", "Poise cannot open your meetings")
                QMessageBox.critical(None, title, str(problem))
            outcome["code"] = EXIT_REVIEW_FAILED
            application.exit(EXIT_REVIEW_FAILED)

        controller.client.storeOpened.connect(opened)
        controller.client.storeFailed.connect(failed)
        controller.open_store()
        code = application.exec()
        return outcome.get("code", code)


def run_partner(url: str | None) -> int:
    """``poise partner``: the partner window alone (it needs no store)."""
    with _started() as controller:
        controller.listen_for_keys()  # no store to open: the system-wide keys at once
        controller.open_partner_window(url)
        return controller.application.exec()

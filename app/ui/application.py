"""Creates the QApplication, applies the look, shows the home window at once and opens the
store on a background thread (migrations and a recovery replay can take a moment).

A store that cannot be opened (locked, not a database, read-only, full, too new) ends in
one clear dialog naming the file and what to do, and a non-zero exit, unless a meeting
was started meanwhile: that meeting goes on, says so in its window, and is written to a
Markdown file when it ends (see ``app.ui.live.flow``).
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.playbooks import load_all_playbooks
from app.private_files import tighten_data_folder
from app.resources import resource_path
from app.settings import shared_settings
from app.ui.app_controller import AppController
from app.ui.crash import CrashHandler, install_crash_handler
from app.ui.gui_thread_gc import collect_garbage_on_gui_thread
from app.ui.live.theme import ThemeController
from app.ui.main_window import MainWindow
from app.ui.screen_probe import install_screen_probe
from app.ui.start_check import StartCheck

EXIT_STORE_FAILED = 3
CLOSE_TIMEOUT_SECONDS = 5.0
_protected = False


def create_application(argv: list[str] | None = None) -> QApplication:
    global _protected
    if not _protected:
        _protected = True
        from app import qt_workarounds

        # Inert unless this PySide6 has the 6.12.0 reference bugs (see qt_workarounds).
        qt_workarounds.install()
        qt_workarounds.protect_none()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(argv if argv is not None else sys.argv[:1])
    # Never on the store's threads: there a collected Qt object can freeze the app.
    collect_garbage_on_gui_thread(application)
    application.setApplicationName(APP_NAME)
    application.setApplicationDisplayName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setOrganizationName(APP_NAME)
    application.setDesktopFileName("app.poise.Poise")
    application.setWindowIcon(app_icon())
    install_screen_probe(application)
    return application


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"poise-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


class StoreOpener(QObject):
    """Opens the store on a plain thread; the result arrives as a queued signal."""

    opened = Signal(object)  # Store
    failed = Signal(object)  # StoreError or another exception

    def start(self, url: str | None = None) -> None:
        threading.Thread(
            target=self._open, args=(url,), name="poise-store-open", daemon=True
        ).start()

    def _open(self, url: str | None) -> None:
        try:
            from app.store import open_store

            store = open_store(url)
        except Exception as error:
            self.failed.emit(error)
        else:
            self.opened.emit(store)
            warm_up_partner_link()


def warm_up_partner_link() -> None:
    """Pay the partner link's one-off costs here, off the GUI thread.

    Its modules (networking, the QR code library) and Qt's first TLS configuration,
    which loads every system CA certificate (~250 ms here), would otherwise be paid on
    the GUI thread the moment a meeting starts.
    """
    from PySide6.QtNetwork import QSslConfiguration

    import app.ui.partner_wiring  # noqa: F401  # imported for its side effect: a warm cache

    QSslConfiguration()


def store_failure_message(error: BaseException) -> tuple[str, str]:
    """Title and text of the dialog for a store that cannot be opened."""
    from app.store import StoreError

    if isinstance(error, StoreError):
        return "Poise cannot open your notes", str(error)
    return (
        "Poise cannot open your notes",
        f"An unexpected problem stopped Poise from opening its database:\n{error}",
    )


def run_app(*, quit_after_start: bool = False) -> int:
    application = create_application()
    # Before the store makes its files there: a folder others can open becomes the user's.
    folder_notice = tighten_data_folder()
    theme = ThemeController(application, shared_settings().current.theme)
    theme.apply()
    library = load_all_playbooks()
    window = MainWindow(library)
    controller = AppController(application, window)
    if folder_notice:
        controller.tell(folder_notice)
    window.show()
    opened: dict[str, Any] = {}
    # --smoke-test: report once the window is up and the store open, then quit.
    check = StartCheck(application, window, len(library.entries)) if quit_after_start else None

    def attach(store: Any) -> None:
        opened["store"] = store
        controller.attach_store(store)
        if check is not None:
            check.store_opened(store)

    def fail(error: BaseException) -> None:
        if check is not None:
            check.store_failed(error)  # no dialog: nobody is there to close it
            return
        if controller.store_failed(error):
            return  # a meeting is live: it goes on, and says so in its own window
        title, text = store_failure_message(error)
        QMessageBox.critical(window, title, text)
        application.exit(EXIT_STORE_FAILED)

    opener = StoreOpener(application)
    opener.opened.connect(attach)
    opener.failed.connect(fail)
    opener.start()

    def writer() -> Any:
        store = opened.get("store")
        return store.writer if store is not None else None

    previous_hook = install_crash_handler(CrashHandler(writer, lambda: window))
    try:
        code = application.exec()
    finally:
        sys.excepthook = previous_hook
    store = opened.get("store")
    if store is not None:
        store.close(CLOSE_TIMEOUT_SECONDS)
    return code

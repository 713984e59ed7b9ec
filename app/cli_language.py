"""The command line's language: the commands that print words a person reads speak the app's.

``poise playbook check`` and ``poise playbook list`` (and ``--help``) install the same
translators as the windows do, on a QCoreApplication only (no QtWidgets: the check stays
quick), chosen by the setting ``language`` or, for "system", by ``LANG``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["WORDY_COMMANDS", "install_cli_language"]

WORDY_COMMANDS = ("playbook",)  # the commands whose output is sentences, not data
_HELP_FLAGS = ("-h", "--help")


def install_cli_language(argv: Sequence[str]) -> None:
    """Speaks the user's language when ``argv`` asks for a command that prints sentences."""
    words = [word for word in argv if not word.startswith("-")]
    if not (any(flag in argv for flag in _HELP_FLAGS) or words[:1] == ["playbook"]):
        return
    from PySide6.QtCore import QCoreApplication

    from app.ui.common.languages import SYSTEM, install_language

    if QCoreApplication.instance() is None:
        # Kept on the module: the translators live as long as the application object.
        global _application
        _application = QCoreApplication(["poise"])
    install_language(_language_setting() or SYSTEM)


_application: object = None


def _language_setting() -> str:
    """The setting ``language``; "" when the settings file cannot be read."""
    try:
        from app.settings import load_settings

        return load_settings().language
    except Exception:  # a broken settings file must not stop a check
        return ""

"""Light and dark looks for every Poise window, following the system unless the user chose.

The colours live in ``resources/styles/light.toml`` and ``dark.toml``; the same names fill
the stylesheet template ``poise.qss`` and the Qt palette, so menus, popups and custom
painting (the cue glow) all agree.
"""

from __future__ import annotations

import tomllib
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.resources import resource_path
from app.settings import Theme

_cache: dict[str, dict[str, str]] = {}
_dark_in_use = False


def theme_colors(dark: bool) -> dict[str, str]:
    """The named colours of the light or dark look."""
    name = "dark" if dark else "light"
    if name not in _cache:
        with resource_path("styles", f"{name}.toml").open("rb") as stream:
            _cache[name] = {key: str(value) for key, value in tomllib.load(stream).items()}
    return _cache[name]


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def stylesheet(dark: bool) -> str:
    template = resource_path("styles", "poise.qss").read_text(encoding="utf-8")
    values = dict(theme_colors(dark))
    values["styles_dir"] = resource_path("styles").as_posix()
    values["look"] = "dark" if dark else "light"
    return Template(template).safe_substitute(values)


def palette(dark: bool) -> QPalette:
    colors = {key: QColor(value) for key, value in theme_colors(dark).items()}
    result = QPalette()
    role = QPalette.ColorRole
    for target, name in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "surface"),
        (role.AlternateBase, "surface_alt"),
        (role.Text, "text"),
        (role.Button, "surface_alt"),
        (role.ButtonText, "text"),
        (role.Highlight, "selection"),
        (role.HighlightedText, "text"),
        (role.ToolTipBase, "surface"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "text_muted"),
        (role.Link, "accent"),
        (role.Mid, "border"),
    ):
        result.setColor(target, colors[name])
    result.setColor(QPalette.ColorGroup.Disabled, role.Text, colors["text_muted"])
    result.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, colors["text_muted"])
    result.setColor(QPalette.ColorGroup.Disabled, role.WindowText, colors["text_muted"])
    return result


class ThemeController(QObject):
    """Applies the chosen look to the application and re-applies it when the system flips."""

    changed = Signal(bool)  # True when the dark look is now in use

    def __init__(self, application: QApplication, choice: Theme = Theme.SYSTEM) -> None:
        super().__init__(application)
        self._application = application
        self._choice = choice
        self.dark = False
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def choice(self) -> Theme:
        return self._choice

    def set_choice(self, choice: Theme) -> None:
        self._choice = choice
        self.apply()

    def apply(self) -> None:
        dark = system_prefers_dark() if self._choice is Theme.SYSTEM else self._choice is Theme.DARK
        self.dark = dark
        apply_look(self._application, dark)
        self.changed.emit(dark)

    def colors(self) -> dict[str, str]:
        return theme_colors(self.dark)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice is Theme.SYSTEM:
            self.apply()


def apply_look(application: QApplication, dark: bool) -> None:
    """Give every window of ``application`` the light or dark look."""
    global _dark_in_use
    _dark_in_use = dark
    # Fusion draws every widget from the palette, so both looks are complete everywhere.
    application.setStyle("Fusion")
    application.setPalette(palette(dark))
    application.setStyleSheet(stylesheet(dark))


def current_colors() -> dict[str, str]:
    """Colours of the look in use, for widgets that paint themselves."""
    return theme_colors(_dark_in_use)

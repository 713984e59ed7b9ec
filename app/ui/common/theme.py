"""Light, dark and high-contrast looks for every Poise window, following the system unless
the user chose.

The colours live in ``resources/styles/light.toml``, ``dark.toml`` and
``high_contrast.toml``; the same names fill the stylesheet template ``poise.qss`` and the Qt
palette, so menus, popups and custom painting (the cue glow) all agree. "Follow the system"
follows its high-contrast request too, where Qt hears it (QStyleHints.accessibility(), Qt 6.10
and later: the desktop portal on Linux, the high-contrast mode on Windows and macOS).
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.resources import resource_path
from app.settings import Theme


class Look(StrEnum):
    """A set of colours; its value names its file in resources/styles."""

    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


_cache: dict[Look, dict[str, str]] = {}
_look_in_use = Look.LIGHT


def _as_look(look: Look | bool) -> Look:
    """``True``/``False`` as the dark/light look, for callers that only know those two."""
    if isinstance(look, Look):
        return look
    return Look.DARK if look else Look.LIGHT


def theme_colors(look: Look | bool) -> dict[str, str]:
    """The named colours of a look (``True``: the dark one, ``False``: the light one)."""
    name = _as_look(look)
    if name not in _cache:
        with resource_path("styles", f"{name.value}.toml").open("rb") as stream:
            _cache[name] = {key: str(value) for key, value in tomllib.load(stream).items()}
    return _cache[name]


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def system_prefers_high_contrast() -> bool:
    hints = QGuiApplication.styleHints()  # held: the hints below live as long as it does
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False  # a Qt before 6.10 does not hear the request
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def system_look() -> Look:
    if system_prefers_high_contrast():
        return Look.HIGH_CONTRAST
    return Look.DARK if system_prefers_dark() else Look.LIGHT


def chosen_look(choice: Theme) -> Look:
    """The look a setting means: the system's, or the one chosen."""
    if choice is Theme.SYSTEM:
        return system_look()
    return Look(choice.value)


def stylesheet(look: Look | bool) -> str:
    template = resource_path("styles", "poise.qss").read_text(encoding="utf-8")
    own = resource_path("styles", f"{_as_look(look).value}.qss")
    if own.is_file():  # what only this look needs (high_contrast.qss: check box outlines)
        template += own.read_text(encoding="utf-8")
    values = dict(theme_colors(look))
    values["styles_dir"] = resource_path("styles").as_posix()
    values["look"] = _as_look(look).value
    return Template(template).safe_substitute(values)


def palette(look: Look | bool) -> QPalette:
    colors = {key: QColor(value) for key, value in theme_colors(look).items()}
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

    changed = Signal(bool)  # True when a dark look (dark or high contrast) is now in use

    def __init__(self, application: QApplication, choice: Theme = Theme.SYSTEM) -> None:
        super().__init__(application)
        self._application = application
        self._choice = choice
        self.look = Look.LIGHT
        self.dark = False
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_changed)
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(self._system_changed)

    @property
    def choice(self) -> Theme:
        return self._choice

    def set_choice(self, choice: Theme) -> None:
        self._choice = choice
        self.apply()

    def apply(self) -> None:
        self.look = chosen_look(self._choice)
        self.dark = self.look is not Look.LIGHT
        apply_look(self._application, self.look)
        self.changed.emit(self.dark)

    def colors(self) -> dict[str, str]:
        return theme_colors(self.look)

    def _system_changed(self, _preference: object) -> None:
        if self._choice is Theme.SYSTEM:
            self.apply()


def apply_look(application: QApplication, look: Look | bool) -> None:
    """Give every window of ``application`` a look (``True``/``False``: dark/light)."""
    global _look_in_use
    _look_in_use = _as_look(look)
    # Fusion draws every widget from the palette, so every look is complete everywhere.
    application.setStyle("Fusion")
    application.setPalette(palette(_look_in_use))
    application.setStyleSheet(stylesheet(_look_in_use))


def current_colors() -> dict[str, str]:
    """Colours of the look in use, for widgets that paint themselves."""
    return theme_colors(_look_in_use)

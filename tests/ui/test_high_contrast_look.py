"""The high-contrast look, chosen in the real settings dialog: every window takes it at
once (the palette and the stylesheet), and the live window with a cue on it is drawn in
it (screenshots in tests/screens/high_contrast/, looked at). Its colours' ratios are
checked in test_theme_contrast."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import SignalSource
from app.settings import Theme, load_settings
from app.store import Store
from app.ui.common.theme import Look, ThemeController, current_colors, theme_colors
from app.ui.live.flow import MeetingFlow
from app.ui.settings.settings_dialog import SettingsDialog
from tests.conftest import SCREENS_DIR
from tests.ui.test_live_flow import fill_and_start, shoot, wait_stored

SHOTS = SCREENS_DIR / "high_contrast"


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[ThemeController]:
    theme = ThemeController(qapp, Theme.LIGHT)
    theme.apply()
    yield theme
    theme.set_choice(Theme.LIGHT)
    theme.setParent(None)
    theme.deleteLater()


def test_high_contrast_chosen_in_settings_paints_the_live_window(
    qtbot: QtBot,
    qapp: QApplication,
    store: Store,
    library: PlaybookLibrary,
    controller: ThemeController,
    english: None,
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    index = dialog.theme.findData(Theme.HIGH_CONTRAST)
    assert index >= 0 and dialog.theme.itemText(index) == "High contrast"
    dialog.theme.setCurrentIndex(index)
    dialog.accept()

    assert load_settings().theme is Theme.HIGH_CONTRAST
    assert controller.look is Look.HIGH_CONTRAST and controller.dark
    colours = theme_colors(Look.HIGH_CONTRAST)
    assert current_colors() == colours  # what the cue glow and the countdown paint with
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == colours["window"]
    assert colours["text"] in qapp.styleSheet()

    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow, SHOTS, "high_contrast")
    wait_stored(qtbot, window)
    with qtbot.waitSignal(window.session.cueShown, timeout=5000):
        window.session.trigger_cue("calm", SignalSource.PHONE, "contrast-1")
    assert window.overlay.band.isVisible() and window.overlay.glow.isVisible()
    qtbot.waitUntil(lambda: window.overlay.band.opacity.opacity() > 0.99, timeout=5000)
    shoot(window, SHOTS, "cue", "high_contrast")
    window.session.end(None)
    window.close()


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton], ids=["check box", "radio button"])
def test_a_check_box_and_a_radio_button_show_their_outline_in_high_contrast(
    qtbot: QtBot, controller: ThemeController, kind: type[QCheckBox] | type[QRadioButton]
) -> None:
    """Fusion outlines them in the window's colour made darker: black on black there."""
    controller.set_choice(Theme.HIGH_CONTRAST)
    button = kind("Interrupting the client")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    image = button.grab().toImage()
    text_starts = button.width() - button.fontMetrics().horizontalAdvance(button.text()) - 4
    box = QRect(0, 0, min(text_starts, image.height() + 8), image.height())
    bright = sum(
        1
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
        if QColor(image.pixel(x, y)).lightness() > 150
    )
    assert bright >= 20, f"the {kind.__name__}'s box is not to be seen ({bright} bright pixels)"

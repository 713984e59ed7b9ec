"""How much larger than usual the system's text is (a system font at 150 %, 200 %), for
the text Poise sizes in pixels (the live window's step card and clocks), so that it grows
with the rest."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

# The pixel height of the usual desktop text (9 pt at 96 dpi; Windows' and GNOME's
# defaults): the pixel sizes were measured beside it.
USUAL_TEXT_PX = 12
# Below this the text is the usual size give or take a platform's taste (macOS: 13 px).
LARGER_FROM = 1.25


# The scale for each application font met (by QFont.key()): the live window sizes ~25
# labels as it builds, and matching the font each time took ~3 ms of its first paint.
_scale_of_font: dict[str, float] = {}


def system_text_scale() -> float:
    """How much larger than usual the application's text is; 1.0 at the usual size."""
    application = QApplication.instance()
    if not isinstance(application, QApplication):
        return 1.0
    font = application.font()
    scale = _scale_of_font.get(font.key())
    if scale is None:
        scale = QFontInfo(font).pixelSize() / USUAL_TEXT_PX
        _scale_of_font[font.key()] = scale
    return scale if scale >= LARGER_FROM else 1.0

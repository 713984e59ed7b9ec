"""The QR code a partner scans: the pairing panel's and the paired-partners page's."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage

QR_SIDE_PX = 188
QUIET_ZONE_MODULES = 4
"""The white margin the QR standard asks for; phone scanners miss codes with less."""


def qr_image(text: str, side_px: int = QR_SIDE_PX) -> QImage:
    """The QR code of ``text``, dark on white with a quiet zone, at most ``side_px`` wide.

    Whole pixels per module: a scaled-down code has uneven modules phones misread.
    """
    code = segno.make(text, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=QUIET_ZONE_MODULES)[0]
    scale = max(1, side_px // modules)
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="png",
        scale=scale,
        border=QUIET_ZONE_MODULES,
        dark="#000000",
        light="#ffffff",
    )
    # Qt reads the format from the PNG header; naming it trips a stub/runtime mismatch
    # (the stubs want bytes, PySide6 at run time a str).
    return QImage.fromData(buffer.getvalue())

"""Renders Poise's app icon from its SVG into the PNG, .ico and .icns files the bundles use.

Run from anywhere after editing ``resources/icons/poise.svg``, then commit the results:

    python packaging/render_icons.py            # writes into resources/icons/
    python packaging/render_icons.py --out DIR  # writes somewhere else (the tests do)

Qt's own SVG renderer draws every size, so no image tool outside PySide6 is needed.
The .ico and .icns containers are written here byte by byte: both simply hold PNG
images (Windows Vista and later, macOS 10.7 and later read PNG entries).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

# Rendering needs no screen; set before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO_ROOT = Path(__file__).resolve().parent.parent
ICONS_DIR = REPO_ROOT / "resources" / "icons"
SOURCE_SVG = ICONS_DIR / "poise.svg"
ICON_NAME = "poise"

# The hicolor theme sizes a Linux desktop looks for, plus 512 for large previews.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS types that hold PNG data, with the pixel size each expects (the @2x types
# are the Retina variants of the size before them).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon drawn at ``size`` × ``size`` pixels, encoded as PNG."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size}px icon as PNG")
    buffer.close()
    return bytes(encoded.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG entry per size (ICONDIR + ICONDIRENTRY table)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    table = b""
    payload = b""
    for size in sizes:
        data = pngs[size]
        # A 0 in the one-byte width/height fields means 256.
        edge = 0 if size >= 256 else size
        table += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + table + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG entries (big-endian type + length, length counts the header)."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def render_all(svg: Path, out_dir: Path) -> list[Path]:
    """Write every PNG size, the .ico and the .icns into ``out_dir``; return what was written."""
    _application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"{svg}: not an SVG Qt can draw")
    wanted = {*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)}
    pngs = {size: render_png(renderer, size) for size in sorted(wanted)}

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        target = out_dir / f"{ICON_NAME}-{size}.png"
        target.write_bytes(pngs[size])
        written.append(target)
    ico = out_dir / f"{ICON_NAME}.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = out_dir / f"{ICON_NAME}.icns"
    icns.write_bytes(icns_bytes(pngs))
    written += [ico, icns]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SOURCE_SVG, help="source SVG")
    parser.add_argument("--out", type=Path, default=ICONS_DIR, help="output folder")
    args = parser.parse_args(argv)
    for path in render_all(args.svg, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

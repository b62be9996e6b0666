"""Draw the app's icon with Qt: resources/icon.png (256 px, the window's icon) and packaging/icon.ico
(16-256 px, the executable's).

Both files are committed; run this again only to change the drawing:
``QT_QPA_PLATFORM=offscreen python packaging/make_icon.py``.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """A blue tile with three rising white bars (the per-level charts) and a yellow tick (target met)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    gradient = QLinearGradient(0, 8, 0, 248)
    gradient.setColorAt(0, QColor("#1e6fd9"))
    gradient.setColorAt(1, QColor("#0b3d91"))
    p.fillPath(tile, gradient)
    for i, height in enumerate((60, 95, 130)):
        p.fillRect(QRectF(46 + i * 56, 210 - height, 40, height), QColor("white"))
    pen = QPen(
        QColor("#ffcc00"), 26, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    p.setPen(pen)
    p.drawPolyline([QPointF(56, 74), QPointF(92, 108), QPointF(164, 36)])
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An .ico holding one PNG per size (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    pngs = [png_bytes(draw(size)) for size in SIZES]
    (HERE.parent / "resources" / "icon.png").write_bytes(pngs[-1])
    (HERE / "icon.ico").write_bytes(ico_bytes(pngs, SIZES))
    return 0


if __name__ == "__main__":
    sys.exit(main())

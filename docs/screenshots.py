"""The window's states as a clerk meets them, at 1366×768 and 1920×1080 (and 1920×1080 at 150 %):

    QT_QPA_PLATFORM=offscreen python docs/screenshots.py            # docs/screenshots/*.png
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 python docs/screenshots.py --size 1280x720
    (docs/ keeps four of the 150 % ones: seven indicators, two provinces, the paragraph, charts)

Every state is driven through the window and its session as a user would (open, switch report,
choose an indicator, compare, side by side, the history, the Lịch sử window, how a file was read);
the reports are written by the tests' builders and the bundled sample, the history database is
made in the same temporary folder. Settings and data live there: nothing of the user's is read or
kept.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = ("1366x768", "1920x1080")


def write_reports(folder: Path) -> dict[str, str]:
    """The month's desk: Lào Cai's signing sample, Bắc Ninh's two months, Bình Định's seven
    indicators, a ranking of provinces without a target."""
    from desktop_app.models.history.store import HistoryStore
    from desktop_app.session import sample_report
    from tests.fixtures.history_months import three_months
    from tests.fixtures.monthly import AUGUST, JULY, write_ii06a
    from tests.models.history.conftest import keep
    from tests.views.report_files import write_entry_progress, write_on_time_ranking, write_seven

    lao_cai = folder / "ky_so_lao_cai_2024_10.xlsx"  # the sample's figures, opened as a file of one's own
    lao_cai.write_bytes(sample_report().read_bytes())
    (folder / "thang").mkdir()
    months = three_months(folder / "thang")  # Bắc Ninh, July to September 2023: the first two kept
    with HistoryStore(folder / "lich_su.sqlite3", create=True) as store:
        for month in months[:2]:
            keep(store, month)
    return {
        "history": str(folder / "lich_su.sqlite3"),
        "bac_ninh_9": str(months[2]),
        "progress": str(write_entry_progress(folder / "tien_do_nhap_ho_tich_2024_09.xlsx")),
        "lao_cai": str(lao_cai),
        "bac_ninh_8": str(write_ii06a(folder / "ii06a_bac_ninh_2023_08.xlsx", 8, AUGUST)),
        "bac_ninh_7": str(write_ii06a(folder / "ii06a_bac_ninh_2023_07.xlsx", 7, JULY)),
        "binh_dinh": str(write_seven(folder / "bo_chi_so_binh_dinh_2025_03.xlsx")),
        "ranking": str(write_on_time_ranking(folder / "xep_hang_dung_han_2024_09.xlsx")),
    }


def settle(app: QApplication, ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def open_and_wait(app: QApplication, window, start: Callable[[], None]) -> None:
    loop = QEventLoop()
    window.loadFinished.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    start()
    loop.exec()
    window.loadFinished.disconnect(loop.quit)
    settle(app)


def states(files: dict[str, str]) -> dict[str, Callable]:
    """Name -> what to do to a fresh window to reach that state."""

    def seven(window, app):
        open_and_wait(app, window, lambda: window.open_files([files["binh_dinh"]]))
        window.set_indicator("online_dossier")

    def seven_all(window, app):
        seven(window, app)
        window.set_indicator(None)

    def two_provinces(window, app):
        paths = [files["lao_cai"], files["bac_ninh_8"], files["bac_ninh_7"]]
        open_and_wait(app, window, lambda: window.open_files(paths))
        window.choose_report(next(r.key for r in window.reports.current() if r.province == "Bắc Ninh"))
        window.set_indicator("online_dossier")

    def side_by_side(window, app):
        open_and_wait(app, window, lambda: window.open_files([files["lao_cai"], files["bac_ninh_8"]]))
        window.session.show_side_by_side(True)
        window.set_indicator(None)

    def summary(window, app):
        two_provinces(window, app)
        window.work.show_tab("summary")

    def seven_summary(window, app):
        seven(window, app)
        window.work.show_tab("summary")

    def charts(window, app):
        two_provinces(window, app)
        window.work.show_tab("charts")

    def ranking(window, app):
        open_and_wait(app, window, lambda: window.open_files([files["ranking"]]))

    def sample(window, app):
        open_and_wait(app, window, window.session.open_sample)

    def history(window, app):
        from desktop_app.settings import HISTORY_DATABASE

        window.settings.set(HISTORY_DATABASE, files["history"])
        open_and_wait(app, window, lambda: window.open_files([files["bac_ninh_9"]]))
        window.set_indicator("online_dossier")

    def history_trend(window, app):
        history(window, app)
        window.select_names(["SỞ TƯ PHÁP"])
        dialog = window.history.show_trend()
        dialog.resize(900, 640)
        return dialog

    def reading(window, app):
        open_and_wait(app, window, lambda: window.open_files([files["progress"]]))
        window.reports_panel.details_tabs.setCurrentIndex(1)

    def menu(name: str):
        def shown(window, app):
            history(window, app)
            menu = window.menus.menus[name]
            menu.popup(window.mapToGlobal(QPoint(0, window.menuBar().height())))
            return menu

        return shown

    def tooltip(window, app):
        """The indicator chooser's tooltip: its name and how the file was read."""
        from PySide6.QtWidgets import QToolTip

        reading(window, app)
        combo = window.filters.indicator_combo
        QToolTip.showText(combo.mapToGlobal(QPoint(20, combo.height())), combo.toolTip(), combo)
        settle(app)
        return next(w for w in app.topLevelWidgets() if w.metaObject().className() == "QTipLabel")

    return {
        "1-start": lambda window, app: None,
        "2-sample": sample,
        "3-seven-indicators": seven,
        "4-all-indicators": seven_all,
        "5-two-provinces-compared": two_provinces,
        "6-side-by-side": side_by_side,
        "7-summary-paragraph": summary,
        "8-charts": charts,
        "9-ranking-without-targets": ranking,
        "10-seven-indicators-paragraph": seven_summary,
        "11-history-compared": history,
        "12-history-unit-trend": history_trend,
        "13-how-the-file-was-read": reading,
        "14-file-menu-word": menu("file"),
        "15-tools-menu-history": menu("tools"),
        "16-indicator-tooltip-reading": tooltip,
    }


def paletted(image: QImage) -> QImage:
    """The screenshot in 256 colours (a window is mostly flat colour; the rare shades of
    anti-aliased text go to the nearest of them): a third of the bytes in git."""
    import numpy as np

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint32, count=width * height).copy() & 0xFFFFFF
    colours, inverse, counts = np.unique(pixels, return_inverse=True, return_counts=True)
    rgb = lambda c: np.stack([(c >> 16) & 255, (c >> 8) & 255, c & 255], axis=-1).astype(np.int32)  # noqa: E731
    # each pick the colour that most pixels would miss most (count × distance to the palette), so
    # the red of one "Chưa đạt" is kept beside a thousand shades of grey text
    common = np.argsort(counts)[::-1][:6000]
    points, weight = rgb(colours[common]), counts[common].astype(np.float64)
    chosen = [0]
    gap = ((points - points[0]) ** 2).sum(axis=1).astype(np.float64)
    while len(chosen) < min(256, len(common)):
        pick = int(np.argmax(weight * gap))
        chosen.append(pick)
        gap = np.minimum(gap, ((points - points[pick]) ** 2).sum(axis=1))
    palette = colours[common[chosen]]
    nearest = np.empty(len(colours), np.uint8)
    for start in range(0, len(colours), 4096):  # colours × palette distances, a slice at a time
        block = rgb(colours[start : start + 4096])[:, None, :] - rgb(palette)[None, :, :]
        nearest[start : start + 4096] = np.argmin((block * block).sum(axis=2), axis=1)
    indexed = QImage(width, height, QImage.Format.Format_Indexed8)
    indexed.setColorTable([0xFF000000 | int(c) for c in palette])
    rows = nearest[inverse].reshape(height, width)
    for y in range(height):  # scan lines are padded to four bytes
        line = indexed.scanLine(y)
        line[:width] = rows[y].tobytes()
    return indexed


def shoot(app: QApplication, name: str, action: Callable, size: str, settings_dir: Path) -> Path:
    from desktop_app.settings import HISTORY_SAVE, SAVE_NEVER, AppSettings
    from desktop_app.views.main_window import MainWindow

    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir / name / size))
    settings = AppSettings()
    if "history" not in name and "menu" not in name:  # the offer to keep a report: in its states only
        settings.set(HISTORY_SAVE, SAVE_NEVER)
    window = MainWindow(settings, "vi")
    window.show_errors = False
    width, height = (int(v) for v in size.split("x"))
    window.resize(width, height)
    window.show()
    settle(app)
    shown = action(window, app)  # a dialog or a menu the state opened is what is shot
    settle(app, 300)
    scale = os.environ.get("QT_SCALE_FACTOR", "")
    suffix = f"-{round(float(scale) * 100)}pct" if scale and float(scale) != 1 else ""
    out = OUT / f"{name}-{size}{suffix}.png"
    target = shown if isinstance(shown, QWidget) else window
    paletted(target.grab().toImage()).save(str(out), "PNG", 9)
    window.close()
    window.deleteLater()
    settle(app, 50)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (again for more); default both")
    parser.add_argument("--only", help="the states whose name holds this text")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    QCoreApplication.setOrganizationName("ChiSoMotCua-screenshots")
    QCoreApplication.setApplicationName("screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CHI_SO_DATA_DIR"] = str(Path(tmp) / "data")  # no history of the user's
        files = write_reports(Path(tmp))
        for size in args.size or SIZES:
            for name, action in states(files).items():
                if args.only and args.only not in name:
                    continue
                out = shoot(app, name, action, size, Path(tmp) / "settings")
                sys.stdout.write(f"{out.relative_to(ROOT)}\n")
    from desktop_app.models.tables.importer import shared_reader

    shared_reader().stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

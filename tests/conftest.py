"""Shared fixtures: offscreen Qt, settings and logs in tmp_path, hand-made and real reports."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

from desktop_app.models.translation import plain

# before any Qt import: no display needed, and nothing of the real user profile is touched
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = tempfile.mkdtemp(prefix="chi-so-tests-")
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")
os.environ["CHI_SO_DATA_DIR"] = os.path.join(_SANDBOX, "appdata")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from desktop_app.models.indicators.summary import Summary, summarize  # noqa: E402
from desktop_app.models.indicators.targets import builtin_targets  # noqa: E402
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord  # noqa: E402

TEST_ORGANIZATION = "ChiSoMotCua-tests"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings and the log folder live in this test's tmp_path."""
    folder = tmp_path / "settings"
    QCoreApplication.setOrganizationName(TEST_ORGANIZATION)
    QCoreApplication.setApplicationName("tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder / "system"))
    monkeypatch.setenv("CHI_SO_DATA_DIR", str(tmp_path / "appdata"))
    yield folder
    from desktop_app.models.translation import localise_argparse, set_language

    localise_argparse(set_language("vi"))  # a test that switched the language leaves Vietnamese


def signing(sent: float | None, signed: float | None) -> Measure:
    """A signing measure from counts, the rate computed as the importer does."""
    rate = signed / sent * 100 if sent else None
    return Measure(signed, sent, rate)


def rate_only(rate: float | None) -> Measure:
    return Measure(None, None, rate, rate)


# name, level, signing (sent, signed), online_dossier rate (None: indicator absent)
UNITS = [
    ("Sở Tư pháp", "province", (109, 109), 72.5),
    ("Sở Tài chính", "province", (156, 127), 41.0),
    ("Văn phòng UBND tỉnh", "province", (306, 306), None),
    ("UBND huyện Gia Bình", "district", (186, 185), 65.25),
    ("UBND thị xã Sa Pa", "district", (123, 110), 48.0),
    ("UBND huyện Bát Xát", "district", (110, 70), 50.0),
    ("UBND xã Y Tý", "commune", (0, 0), 30.0),
    ("UBND phường Cốc Lếu", "commune", (207, 201), 96.25),
    ("UBND xã Đồng Tuyển", "commune", (1234, 1234), None),
]


def make_sheet(units=UNITS, path: str = "hand_made.xlsx", period: str = "2024-10") -> SheetImport:
    records = []
    for row, (name, level, (sent, signed), online) in enumerate(units, start=5):
        measures = {"signing": signing(sent, signed)}
        if online is not None:
            measures["online_dossier"] = rate_only(online)
        records.append(UnitRecord(name, level, measures, source=path, row=row))
    return SheetImport(
        path,
        "Sheet1",
        "unit_table",
        period,
        "BÁO CÁO KÝ SỐ",
        "UBND TỈNH",
        records,
        {},
        [plain("Dòng 20: tỷ lệ trong tệp khác với tỷ lệ tính từ số liệu.")],
    )


@pytest.fixture
def summary() -> Summary:
    """Nine units over three levels, signing with counts and online dossiers as rates only."""
    return summarize([make_sheet()], builtin_targets())


# the signing report as the document system exports it (see ../shared/samples/README.md)
REPORT_UNITS = [
    ("I", "Sở, ban, ngành"),
    ("Sở Nội vụ", 391, 362),
    ("Sở Tư pháp", 109, 109),
    ("Sở Tài chính", 156, 127),
    ("II", "UBND các huyện, thị xã, thành phố"),
    ("UBND thành phố Lào Cai", 186, 185),
    ("UBND huyện Gia Bình", 110, 89),
    ("UBND thị xã Sa Pa", 123, 110),
]


def write_signing_report(path: Path, changes: dict[str, tuple[int, int]] | None = None) -> Path:
    """A small real .xlsx: title block, two header rows, group rows and a totals row."""
    from openpyxl import Workbook

    changes = changes or {}
    book = Workbook()
    ws = book.active
    ws.title = "Ky so"
    ws["A1"] = "UBND TỈNH LÀO CAI"
    ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["A2"] = "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    ws["D2"] = "Độc lập - Tự do - Hạnh phúc"
    ws["A4"] = "BÁO CÁO TÌNH HÌNH KÝ SỐ VĂN BẢN ĐI"
    ws["A5"] = "Tháng 10 năm 2024"
    ws.append([])
    ws.append(["STT", "Cơ quan, đơn vị", "Văn bản đi", None, None])
    ws.append([None, None, "Tổng số", "Ký số", "Tỷ lệ (%)"])
    header = ws.max_row
    ws.merge_cells(start_row=header - 1, start_column=1, end_row=header, end_column=1)
    ws.merge_cells(start_row=header - 1, start_column=2, end_row=header, end_column=2)
    ws.merge_cells(start_row=header - 1, start_column=3, end_row=header - 1, end_column=5)
    number, total_sent, total_signed = 0, 0, 0
    for item in REPORT_UNITS:
        if len(item) == 2:
            ws.append(list(item))
            continue
        name, sent, signed = item
        sent, signed = changes.get(name, (sent, signed))
        number += 1
        total_sent += sent
        total_signed += signed
        ws.append([number, name, sent, signed, round(signed / sent * 100, 2) if sent else None])
    total_rate = round(total_signed / total_sent * 100, 2)
    ws.append([None, "Tổng cộng", total_sent, total_signed, total_rate])
    book.save(path)
    return path


@pytest.fixture
def signing_xlsx(tmp_path: Path) -> Path:
    return write_signing_report(tmp_path / "ky_so_2024_10.xlsx")


GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need a QApplication are marked ``gui`` (``pytest -m "not gui"``: the quick loop)."""
    for item in items:
        # Qt's offscreen platform warns that it cannot size windows for the window manager
        item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)

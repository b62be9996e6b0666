"""A report open in Excel is read from a copy; the user's file is never touched and every message
names it, not the copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.reading import copies
from desktop_app.models.tables.importer import import_files
from tests.conftest import REPORT_UNITS, write_signing_report


@pytest.fixture
def report(tmp_path: Path) -> Path:
    folder = tmp_path / "Báo cáo tháng 10"
    folder.mkdir()
    return write_signing_report(folder / "Ký số Lào Cai.xlsx")


def test_a_closed_report_is_read_in_place(report: Path) -> None:
    with copies.readable(report) as source:
        assert source == report


@pytest.mark.parametrize(
    "owner", ["~$Ký số Lào Cai.xlsx", "~$ số Lào Cai.xlsx", ".~lock.Ký số Lào Cai.xlsx#"]
)
def test_a_report_open_in_excel_is_read_from_a_copy(report: Path, owner: str) -> None:
    (report.parent / owner).write_bytes(b"owner")
    with copies.readable(report) as source:
        assert source != report
        assert source.name == report.name
        assert source.read_bytes() == report.read_bytes()
        copy = source
    assert not copy.exists()  # removed afterwards
    assert sorted(p.name for p in report.parent.iterdir()) == sorted([report.name, owner])


def test_the_sheets_read_from_a_copy_name_the_users_file(report: Path) -> None:
    (report.parent / ("~$" + report.name)).write_bytes(b"owner")
    before = report.read_bytes()
    result = import_files([str(report)])
    assert not result.errors
    sheets = result.sheets[str(report)]
    assert [s.path for s in sheets] == [str(report)]
    assert all(u.source.startswith(report.name) for s in sheets for u in s.units)
    assert [u.name for u in sheets[0].units] == [u[0] for u in REPORT_UNITS if len(u) == 3]
    assert report.read_bytes() == before


def test_a_refused_read_falls_back_to_a_copy(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copies, "can_open", lambda path: False)
    with copies.readable(report) as source:
        assert source != report
        assert source.read_bytes() == report.read_bytes()


def test_a_file_that_cannot_even_be_copied_says_so(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (report.parent / ("~$" + report.name)).write_bytes(b"owner")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "denied")

    monkeypatch.setattr(copies.shutil, "copyfile", locked)
    result = import_files([str(report)])
    error = result.errors[str(report)]
    assert isinstance(error, ReportError)
    assert error.path == str(report)
    assert "Ký số Lào Cai.xlsx" in str(error)
    assert "đóng tệp" in str(error)


def test_a_bad_copy_names_the_users_file(tmp_path: Path) -> None:
    path = tmp_path / "hỏng.xlsx"
    path.write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "~$hỏng.xlsx").write_bytes(b"owner")
    error = import_files([str(path)]).errors[str(path)]
    assert error.path == str(path)
    assert str(error).startswith("Tệp «hỏng.xlsx»")

"""atomic_write: all or nothing, never over an input report, a clear message for a locked file."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import warnings
from pathlib import Path

import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.output.safe_write import LOCKED_MESSAGE, atomic_write


def _write_text(text: str):
    def writer(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    return writer


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_writes_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "báo cáo.xlsx"
    assert atomic_write(target, _write_text("mới")) == target
    assert target.read_text(encoding="utf-8") == "mới"
    assert _leftovers(tmp_path, {target.name}) == []


def test_writer_is_given_a_temp_file_in_the_same_folder(tmp_path: Path) -> None:
    seen: list[Path] = []

    def writer(temp: Path) -> None:
        seen.append(temp)
        temp.write_bytes(b"x")

    atomic_write(tmp_path / "out.xlsx", writer)
    assert seen[0].parent == tmp_path
    assert seen[0] != tmp_path / "out.xlsx"


def test_new_file_is_readable_by_others_not_temp_private(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    atomic_write(target, _write_text("x"))
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_failure_mid_way_leaves_no_file_and_no_temp(tmp_path: Path) -> None:
    def writer(temp: Path) -> None:
        temp.write_text("một nửa", encoding="utf-8")
        raise RuntimeError("hỏng giữa chừng")

    with pytest.raises(RuntimeError):
        atomic_write(tmp_path / "out.xlsx", writer)
    assert _leftovers(tmp_path, set()) == []


def test_failure_leaves_an_existing_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_text("bản cũ", encoding="utf-8")

    def writer(temp: Path) -> None:
        temp.write_text("bản mới dở dang", encoding="utf-8")
        raise ValueError("lỗi")

    with pytest.raises(ValueError, match="lỗi"):
        atomic_write(target, writer)
    assert target.read_text(encoding="utf-8") == "bản cũ"
    assert _leftovers(tmp_path, {target.name}) == []


def test_an_os_error_while_writing_is_a_report_error(tmp_path: Path) -> None:
    def writer(temp: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(ReportError) as caught:
        atomic_write(tmp_path / "out.xlsx", writer)
    assert "không ghi được tệp" in str(caught.value.message)
    assert _leftovers(tmp_path, set()) == []
    # the reason is said in the language the refusal is shown in, whichever it was raised in
    assert caught.value.render("vi").endswith("không ghi được tệp (ổ đĩa đã đầy).")
    assert caught.value.render("en").endswith("the file cannot be written (the disk is full).")


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "ky_so.xlsx"
    source.write_bytes(b"original")
    called: list[Path] = []
    with pytest.raises(ReportError) as caught:
        atomic_write(tmp_path / "sub" / ".." / "ky_so.xlsx", called.append, inputs=[source])
    assert "đầu vào" in str(caught.value.message)
    assert called == []
    assert source.read_bytes() == b"original"


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links here")
def test_refuses_an_input_reached_through_a_hard_link(tmp_path: Path) -> None:
    source = tmp_path / "ky_so.xlsx"
    source.write_bytes(b"original")
    alias = tmp_path / "alias.xlsx"
    os.link(source, alias)
    with pytest.raises(ReportError):
        atomic_write(alias, _write_text("x"), inputs=[str(source)])
    assert source.read_bytes() == b"original"


def test_other_paths_are_not_inputs(tmp_path: Path) -> None:
    source = tmp_path / "ky_so.xlsx"
    source.write_bytes(b"original")
    atomic_write(tmp_path / "out.xlsx", _write_text("x"), inputs=[source, tmp_path / "gone.xls"])
    assert (tmp_path / "out.xlsx").exists()


def test_locked_target_gives_the_vietnamese_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.xlsx"
    target.write_text("đang mở trong Excel", encoding="utf-8")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReportError) as caught:
        atomic_write(target, _write_text("mới"))
    assert str(caught.value.message) == LOCKED_MESSAGE
    assert "out.xlsx" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "đang mở trong Excel"
    assert _leftovers(tmp_path, {target.name}) == []


def test_unwritable_folder_is_a_report_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(ReportError) as caught:
        atomic_write(tmp_path / "out.xlsx", _write_text("x"))
    assert "không có quyền ghi" in str(caught.value.message)
    assert not (tmp_path / "out.xlsx").exists()


NOBODY = 65534  # the unprivileged user of Debian and Ubuntu


def _refused_as(uid: int, target: Path) -> int:
    """In a forked child running as ``uid`` (root does not meet permissions): 0 when writing
    ``target`` is refused with a ReportError, 1 when it is written, 2 for anything else."""
    with warnings.catch_warnings():  # Python 3.12 warns of fork beside threads; the child only writes
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 2
        try:
            os.setgid(uid)
            os.setuid(uid)
            atomic_write(target, _write_text("x"))
            code = 1
        except ReportError:
            code = 0
        finally:
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    """A folder the user may not write to: one line, nothing left in it. As root (CI), the
    write is made by a child that has become an unprivileged user."""
    parent = Path(tempfile.mkdtemp(prefix="chi_so_perm_", dir="/tmp"))  # reachable by every user
    folder = parent / "chỉ đọc"
    folder.mkdir()
    parent.chmod(0o755)
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:
            assert _refused_as(NOBODY, folder / "out.xlsx") == 0
        else:
            with pytest.raises(ReportError):
                atomic_write(folder / "out.xlsx", _write_text("x"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
        shutil.rmtree(parent)


def test_missing_folder_is_a_report_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as caught:
        atomic_write(tmp_path / "không có" / "out.xlsx", _write_text("x"))
    assert "không tồn tại" in str(caught.value.message)


def test_a_folder_as_target_is_a_report_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError):
        atomic_write(tmp_path, _write_text("x"))

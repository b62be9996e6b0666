"""Warnings and refusals as data: kept as a message and its parameters where they are found (in the
reader process too), put into words in the language of wherever they are shown."""

from __future__ import annotations

import pickle

from desktop_app.models.errors import ReportError
from desktop_app.models.numbers import Rate
from desktop_app.models.tables.importer import import_files
from desktop_app.models.translation import M_, NP_, Series, Words, plain, using
from tests.views.report_files import write_entry_progress


def test_a_message_is_rendered_in_the_language_asked_with_its_parameters_in_it_too():
    row = M_(
        "Dòng «{name}» ({source}, dòng {row}) chỉ có giá trị lỗi (#N/A, #REF!…): không tính là đơn vị.",
        name="Khu vực 1",
        source="t9.xlsx",
        row="8",
    )
    assert row.render("vi") == (
        "Dòng «Khu vực 1» (t9.xlsx, dòng 8) chỉ có giá trị lỗi (#N/A, #REF!…): không tính là đơn vị."
    )
    assert row.render("en") == (
        "Row “Khu vực 1” (t9.xlsx, row 8) holds only error values (#N/A, #REF!…): not counted as a unit."
    )
    with using("en"):
        assert str(row) == row.render("en")  # f-strings and logging: the current language
        assert f"{row}".startswith("Row “Khu vực 1”")
    assert str(row) == row.render("vi")


def test_nested_messages_names_rates_and_counts_follow_the_language():
    signing = Words("Tỷ lệ hồ sơ được ký số", "Share of dossiers digitally signed")
    over = M_(
        NP_(
            "{indicator}: {count} đơn vị vượt 100 % (giữ nguyên như trong tệp): {units}.",
            "{indicator}: {count} đơn vị vượt 100 % (giữ nguyên như trong tệp): {units}.",
            "count",
        ),
        indicator=signing,
        count=1,
        units=Series((M_("{unit} ({rate})", unit="Sở Nội vụ", rate=Rate(101.5)),)),
    )
    assert over.render("vi") == (
        "Tỷ lệ hồ sơ được ký số: 1 đơn vị vượt 100 % (giữ nguyên như trong tệp): Sở Nội vụ (101,50 %)."
    )
    assert over.render("en") == (
        "Share of dossiers digitally signed: 1 unit above 100 % (kept as in the file): Sở Nội vụ (101.50 %)."
    )
    more = M_(
        NP_("Còn {count} cảnh báo khác về {source}.", "Còn {count} cảnh báo khác về {source}.", "count"),
        count=14950,
        source="lap.xlsx",
    )
    assert more.render("vi") == "Còn 14.950 cảnh báo khác về lap.xlsx."
    assert more.render("en") == "14,950 more warnings about lap.xlsx."


def test_text_from_a_file_is_made_printable_when_the_message_is_made():
    message = M_("Không có trang tính «{sheet}».", sheet="Sở Tư pháp\x1b[31mRED\ufffe")
    assert message.values == (("sheet", "Sở Tư pháp[31mRED"),)
    assert message.render("en") == "There is no sheet “Sở Tư pháp[31mRED”."
    listed = M_("{first} và {second}", first=Series(("Sở Y tế\x07",)), second="Sở Tư pháp\x1b")
    assert listed.render("en") == "Sở Y tế and Sở Tư pháp"


def test_a_refusal_crosses_the_reader_process_as_data_and_keeps_its_one_line():
    error = ReportError("/tmp/thang 9.xlsx", M_("Tệp rỗng (0 byte)."))
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, ReportError)
    assert (again.path, again.message) == (error.path, error.message)
    assert str(again) == "Tệp «thang 9.xlsx»: tệp rỗng (0 byte)."
    assert again.render("en") == "File “thang 9.xlsx”: the file is empty (0 bytes)."
    with using("en"):
        assert str(again) == "File “thang 9.xlsx”: the file is empty (0 bytes)."
    assert ReportError(None, M_("Tệp rỗng (0 byte).")).line() == "Tệp rỗng (0 byte)."


def test_a_files_warnings_read_in_vietnamese_are_shown_in_english(tmp_path):
    path = str(write_entry_progress(tmp_path / "tien_do.xlsx"))
    with using("vi"):  # the reader process reads in whatever language: the warnings are data
        result = import_files([path])
    (sheet,) = result.sheets[path]
    english = [w.render("en") for w in sheet.warnings]
    assert english[0] == (
        "Sheet “Hướng dẫn” was not read: no table of figures by unit was found (the sheet holds text only)."
    )
    assert english[1] == (
        "Row “Khu vực 1 (test)” (tien_do.xlsx › Số liệu, row 8) holds only error values (#N/A, #REF!…): "
        "not counted as a unit."
    )
    assert sheet.warnings[0].render("vi") == (
        "Trang «Hướng dẫn» không được đọc: không tìm thấy bảng số liệu theo đơn vị (trang chỉ có chữ)."
    )


def test_a_refused_file_is_said_in_the_language_it_is_shown_in(tmp_path):
    empty = tmp_path / "rong.xlsx"
    empty.write_bytes(b"")
    with using("vi"):
        result = import_files([str(empty)])
    error = result.errors[str(empty)]
    assert error.render("vi") == "Tệp «rong.xlsx»: tệp rỗng (0 byte)."
    assert error.render("en") == "File “rong.xlsx”: the file is empty (0 bytes)."


def test_after_the_file_s_name_a_refusal_reads_as_one_sentence():
    """ "Tệp «x»: tệp rỗng (0 byte)." as the house style writes it ("Tệp … không phải là bảng tính
    Excel hợp lệ"); a name or an abbreviation keeps its capital."""
    assert str(ReportError("/r/a.xlsx", M_("Tệp rỗng (0 byte)."))) == "Tệp «a.xlsx»: tệp rỗng (0 byte)."
    assert ReportError("/r/a.xlsx", M_("Tệp rỗng (0 byte).")).render("en") == (
        "File “a.xlsx”: the file is empty (0 bytes)."
    )
    for kept in ("Excel báo lỗi.", "XML hỏng.", "UBND tỉnh chưa ký."):
        assert str(ReportError("/r/a.xlsx", plain(kept))) == f"Tệp «a.xlsx»: {kept}"
    assert str(ReportError(None, M_("Tệp rỗng (0 byte)."))) == "Tệp rỗng (0 byte)."  # alone: as written

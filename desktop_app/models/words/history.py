"""The history windows' words ("history.*"): the Lịch sử dialog, unit names, keeping a report."""

from __future__ import annotations

from desktop_app.models.translation import N_

WORDS: dict[str, str] = {
    "title": N_("Lịch sử"),
    "province": N_("Tỉnh:"),
    "database": N_("Cơ sở dữ liệu lịch sử:"),
    "change_database": N_("Đổi…"),
    "default_database": N_("Mặc định"),
    "database_title": N_("Chọn cơ sở dữ liệu lịch sử"),
    "database_filter": N_("Cơ sở dữ liệu lịch sử (*.sqlite3 *.db);;Mọi tệp (*)"),
    "when_opened": N_("Khi mở báo cáo:"),
    "save_ask": N_("Hỏi có lưu vào lịch sử không"),
    "save_always": N_("Tự động lưu vào lịch sử"),
    "save_never": N_("Không lưu"),
    "tab_periods": N_("Các kỳ đã lưu"),
    "tab_trends": N_("Xu hướng"),
    "tab_names": N_("Tên đơn vị"),
    "col_period": N_("Kỳ"),
    "col_source": N_("Tệp nguồn"),
    "col_units": N_("Số đơn vị"),
    "col_indicators": N_("Chỉ số"),
    "col_imported": N_("Lưu lúc"),
    "remove": N_("Xóa kỳ đã chọn"),
    "remove_title": N_("Xóa khỏi lịch sử"),
    "remove_question": N_("Xóa {period} (tệp «{source}») khỏi lịch sử? Số liệu của kỳ này sẽ mất."),
    "export": N_("Xuất lịch sử…"),
    "export_title": N_("Xuất toàn bộ lịch sử"),
    "export_filter": N_("Bảng tính Excel (*.xlsx);;Tệp CSV (*.csv)"),
    "export_name": N_("lich_su.xlsx"),
    "exported": N_("Đã lưu «{path}»."),
    "failed": N_("Không thực hiện được"),
    "empty": N_("Lịch sử chưa có kỳ nào. Khi mở báo cáo, chọn «Lưu vào lịch sử» để giữ lại từng kỳ."),
    "indicator": N_("Chỉ số:"),
    "unit": N_("Đơn vị:"),
    "names_hint": N_(
        "Tên khác của một đơn vị, hoặc đơn vị cũ đã sáp nhập (ghi «Từ tháng», ví dụ 2025-07). "
        "Đơn vị giải thể: để trống «Là đơn vị»."
    ),
    "name_col": N_("Tên trong báo cáo"),
    "canonical_col": N_("Là đơn vị"),
    "kind_col": N_("Loại"),
    "since_col": N_("Từ tháng"),
    "kind.alias": N_("Tên khác"),
    "kind.merger": N_("Sáp nhập"),
    "kind.dissolved": N_("Giải thể"),
    "add": N_("Thêm"),
    "remove_name": N_("Xóa tên đã chọn"),
    "import_names": N_("Nhập tệp tên đơn vị…"),
    "names_filter": N_("Danh sách tên đơn vị (*.toml *.csv);;Mọi tệp (*)"),
    "bad_since": N_("«{text}» không phải tháng (viết 2025-07 hoặc 7/2025)."),
    "merge_title": N_("Tên đơn vị gần giống"),
    "merge_intro": N_(
        "Các đơn vị sau có tên gần giống một đơn vị đã có trong lịch sử. Đánh dấu những cặp là "
        "cùng một đơn vị để nối số liệu của chúng qua các kỳ:"
    ),
    "merge_item": N_("«{name}» là «{known}»"),
    "save_title": N_("Lưu vào lịch sử"),
    "save_question": N_("Lưu {files} vào lịch sử để so sánh và xem xu hướng ở các kỳ sau?"),
    "save_yes": N_("Lưu"),
    "save_always_button": N_("Luôn lưu"),
    "save_no": N_("Không lưu"),
    "replace_question": N_(
        "{period} của báo cáo này đã có trong lịch sử (tệp «{source}»). Thay bằng tệp «{name}»?"
    ),
    "saved": N_("Đã lưu vào lịch sử: {periods}."),
    "duplicate": N_("«{name}» đã có trong lịch sử."),
    "undated": N_("«{name}»: không rõ kỳ báo cáo, không lưu vào lịch sử."),
}

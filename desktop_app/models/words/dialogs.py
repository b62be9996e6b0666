"""The words of the export, office, report-contents and trend windows ("export.*", "office.*",
"contents.*", "trend.*")."""

from __future__ import annotations

from desktop_app.models.translation import N_

EXPORT = {
    "docx_title": N_("Xuất báo cáo Word"),
    "docx_filter": N_("Tài liệu Word (*.docx)"),
}

OFFICE = {
    "title": N_("Thông tin cơ quan"),
    "hint": N_(
        "Dùng cho báo cáo Word, PDF và bảng Excel. Mục để trống được in bằng dấu chấm (…) "
        "theo thể thức Nghị định 30/2020/NĐ-CP để điền tay."
    ),
    "field.superior": N_("Cơ quan chủ quản:"),
    "field.issuer": N_("Cơ quan ban hành:"),
    "field.number": N_("Ký hiệu văn bản:"),
    "field.place": N_("Địa danh:"),
    "field.recipients": N_("Nơi nhận (mỗi dòng một nơi):"),
    "field.signer_title": N_("Chức vụ người ký (mỗi dòng một dòng):"),
    "field.signer_name": N_("Họ và tên người ký:"),
    "example.superior": N_("UBND tỉnh Bắc Ninh"),
    "example.issuer": N_("Sở Thông tin và Truyền thông"),
    "example.number": N_("BC-STTTT"),
    "example.place": N_("Bắc Ninh"),
    "open": N_("Mở tệp…"),
    "save": N_("Lưu tệp…"),
    "filter": N_("Tệp thông tin cơ quan (*.toml);;Mọi tệp (*)"),
    "file_name": N_("co_quan.toml"),
    "failed": N_("Không dùng được tệp"),
}

CONTENTS = {
    "title": N_("Nội dung báo cáo"),
    "indicators": N_("Các chỉ số"),
    "levels": N_("Các cấp"),
}

TREND = {
    "empty": N_("Chưa có kỳ nào trong lịch sử."),
    "target": N_("Chỉ tiêu {target}"),
    "unit_title": N_("{unit}: {indicator} qua các kỳ"),
    "levels_title": N_("{indicator}: tỷ lệ trung bình (nét liền) và tỷ lệ chung (nét đứt) qua các kỳ"),
}

"""Every word of the window, in Vietnamese and English; ``tr(lang, key)`` picks one.

Words the window shares with the printed outputs (levels, statuses, column names) come from
the domain's table (``models/output/words.py``).
"""

from __future__ import annotations

from desktop_app.models.translation import N_, translate

# Vietnamese messages (the source language); English is in the gettext catalog
# (resources/locale/en/LC_MESSAGES/chi_so.po), as for the outputs' words.
TEXT: dict[str, str] = {
    "title": N_("Chỉ số Một cửa và ký số"),
    "menu_file": N_("&Tệp"),
    "menu_edit": N_("&Sửa"),
    "menu_view": N_("&Xem"),
    "menu_tools": N_("&Công cụ"),
    "menu_help": N_("Trợ &giúp"),
    "open": N_("&Mở…"),
    "recent": N_("Mở &gần đây"),
    "recent_empty": N_("(Chưa có tệp nào)"),
    "recent_clear": N_("Xóa danh sách"),
    "reload": N_("&Tải lại"),
    "compare": N_("So sánh với &kỳ trước…"),
    "drop_compare": N_("&Bỏ so sánh"),
    "compare_title": N_("Chọn báo cáo kỳ trước để so sánh"),
    "compared": N_("so với {period}"),
    "compared_unknown": N_("so với kỳ trước"),
    "compare_same": N_("{names}: đang mở là báo cáo kỳ này, không dùng để so sánh."),
    "export_excel": N_("Xuất &Excel…"),
    "export_pdf": N_("Xuất &PDF…"),
    "print_preview": N_("&Xem trước khi in…"),
    "print": N_("&In…"),
    "quit": N_("T&hoát"),
    "copy": N_("&Sao chép"),
    "find": N_("&Tìm"),
    "language": N_("&Ngôn ngữ"),
    "targets": N_("Chỉ &tiêu…"),
    "about": N_("&Giới thiệu"),
    "summary_dock": N_("Tổng hợp"),
    "indicator": N_("Chỉ số:"),
    "level": N_("Cấp:"),
    "all_levels": N_("Tất cả"),
    "group": N_("Thuộc:"),
    "all_groups": N_("Tất cả"),
    "below_only": N_("Chỉ đơn vị chưa đạt"),
    "search": N_("Tìm đơn vị (Ctrl+F)…"),
    "open_title": N_("Mở báo cáo Excel"),
    "open_filter": N_("Báo cáo Excel (*.xlsx *.xls *.xlsm *.htm *.html);;Mọi tệp (*)"),
    "excel_title": N_("Xuất bảng Excel"),
    "excel_filter": N_("Bảng tính Excel (*.xlsx)"),
    "pdf_title": N_("Xuất báo cáo PDF"),
    "pdf_filter": N_("Tệp PDF (*.pdf)"),
    "export_name": N_("chi_so_{period}"),
    "exported": N_("Đã lưu «{path}»."),
    "export_failed": N_("Không xuất được tệp"),
    "no_data": N_("Chưa có số liệu: hãy mở một báo cáo Excel (Tệp › Mở…)."),
    "read_failed": N_("Không đọc được báo cáo"),
    "read_failed_intro": N_("Các tệp sau không đọc được; số liệu đang hiển thị được giữ nguyên:"),
    "waiting_file": N_("Tệp «{name}» đang được ghi, sẽ đọc lại sau giây lát…"),
    "reloaded": N_("Đã đọc lại «{name}»."),
    "opened": N_("Đã mở «{name}»."),
    "n_files": N_("{n} tệp ({periods})"),
    "loading": N_("Đang đọc {n} tệp…"),
    "cancel": N_("Hủy"),
    "cancel_tip": N_("Dừng đọc tệp; số liệu đang hiển thị được giữ nguyên"),
    "cancelled": N_("Đã hủy đọc tệp; số liệu đang hiển thị được giữ nguyên."),
    "skipped_failed": N_(
        "Không tự mở lại {names}: lần trước tệp này làm trình đọc dừng. Mở lại bằng Tệp › Mở… nếu cần."
    ),
    "units_shown": N_("{shown}/{total} đơn vị"),
    "no_files": N_("Chưa mở tệp nào"),
    "files": N_("{files}"),
    "unknown_period": N_("không rõ kỳ"),
    "warnings": N_("⚠ {n} cảnh báo"),
    "no_warnings": N_("Không có cảnh báo"),
    "warnings_title": N_("Cảnh báo khi đọc số liệu"),
    "about_title": N_("Giới thiệu"),
    "about_text": N_(
        "<h3>Chỉ số Một cửa và ký số</h3><p>Phiên bản {version}</p><p>Tính các chỉ số "
        "của từng đơn vị (tỷ lệ văn bản ký số, hồ sơ trực tuyến, thanh toán trực "
        "tuyến, số hóa, kết quả điện tử…) từ báo cáo Excel của Hệ thống thông tin giải "
        "quyết TTHC và Hệ thống quản lý văn bản và điều hành, so với chỉ "
        "tiêu.</p><p><b>Căn cứ chỉ tiêu mặc định:</b></p><ul>{sources}</ul><p>Chỉ tiêu "
        "riêng của tỉnh được đặt trong Công cụ › Chỉ tiêu…</p>"
    ),
    "crash_title": N_("Lỗi"),
    "crash_text": N_(
        "Đã xảy ra lỗi không mong đợi. Chương trình vẫn tiếp tục chạy, nhưng nên lưu "
        "công việc và khởi động lại.\n\nChi tiết lỗi đã được ghi vào:\n{log}"
    ),
    "chart.save": N_("Lưu ảnh PNG…"),
    "chart.copy": N_("Sao chép ảnh"),
    "chart.save_title": N_("Lưu ảnh biểu đồ"),
    "chart.png": N_("Ảnh PNG (*.png)"),
    "chart.save_failed": N_("Không lưu được ảnh vào «{path}»."),
    "chart.more": N_("và {n} đơn vị khác"),
    "chart.empty": N_("Chưa có số liệu để vẽ biểu đồ."),
    "chart.over": N_("vượt 100 %: lỗi số liệu nguồn"),
    "chart.by_group": N_("Theo nhóm"),
    "chart.by_group_tip": N_("Xếp các cột theo nhóm (huyện…) mà đơn vị thuộc về, mỗi nhóm một màu"),
    "chart.previous_tip": N_("Vạch tím trên mỗi cột: tỷ lệ của đơn vị {period}"),
    "table.new": N_("mới"),
    "table.new_tip": N_("Đơn vị mới: không có trong báo cáo {period}"),
    "table.previous": N_("Kỳ trước: {rate}"),
    "summary.overall": N_("Toàn bộ"),
    "summary.copy": N_("Sao chép đoạn văn"),
    "summary.copied": N_("Đã sao chép đoạn văn."),
    "summary.paragraph": N_("Đoạn văn báo cáo"),
    "summary.none": N_("Chưa mở báo cáo nào."),
    "summary.headline": N_("Số liệu chính:"),
    "summary.average": N_("{average}: {value}"),
    "summary.since": N_("({change} điểm so với {period})"),
    "summary.few_data": N_("Ít phát sinh: {n} đơn vị (dưới {minimum} hồ sơ), không đánh giá"),
    "targets.title": N_("Chỉ tiêu"),
    "targets.name": N_("Chỉ số"),
    "targets.default": N_("Mặc định"),
    "targets.source": N_("Nguồn"),
    "targets.minimum": N_("Tối thiểu (hồ sơ)"),
    "targets.bad_minimum": N_("«{text}» không phải số hồ sơ tối thiểu (một số không âm)."),
    "targets.hint_minimum": N_(
        "Tối thiểu (hồ sơ): đơn vị có ít hồ sơ hơn được ghi «Ít phát sinh», không đánh giá; "
        "ô trống: không đặt."
    ),
    "targets.wildcard": N_("Các chỉ số khác (*)"),
    "targets.open": N_("Mở tệp chỉ tiêu…"),
    "targets.save": N_("Lưu tệp chỉ tiêu…"),
    "targets.reset": N_("Khôi phục mặc định"),
    "targets.cancel": N_("Hủy"),
    "targets.filter": N_("Tệp chỉ tiêu (*.toml);;Mọi tệp (*)"),
    "targets.file_name": N_("chi_tieu.toml"),
    "targets.edited": N_("Người dùng sửa"),
    "targets.bad_value": N_("«{text}» không phải tỷ lệ từ 0 đến 100."),
    "targets.hint": N_(
        "Nhập tỷ lệ phần trăm, ví dụ 65 hoặc 65,5. Ô trống ở một cấp: dùng cột Mặc "
        "định. Dòng trống hết: dùng dòng «Các chỉ số khác (*)»."
    ),
    "preview": N_("Xem trước khi in"),
}

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def tr(lang: str, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Vietnamese when there is no translation), ``values`` filled in."""
    text = translate(lang, TEXT[key])
    return text.format(**values) if values else text


def section(lang: str, prefix: str) -> dict[str, str]:
    """The entries ``prefix.*`` in ``lang`` (a dialog's words), keyed without the prefix."""
    start = f"{prefix}."
    return {k[len(start) :]: translate(lang, v) for k, v in TEXT.items() if k.startswith(start)}

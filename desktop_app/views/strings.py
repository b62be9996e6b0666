"""Every word of the window, in Vietnamese and English; ``tr(lang, key)`` picks one.

Words the window shares with the printed outputs (levels, statuses, column names) come from
the domain's table (``models/output/words.py``).
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Chỉ số Một cửa và ký số",
        "menu_file": "&Tệp",
        "menu_edit": "&Sửa",
        "menu_view": "&Xem",
        "menu_tools": "&Công cụ",
        "menu_help": "Trợ &giúp",
        "open": "&Mở…",
        "recent": "Mở &gần đây",
        "recent_empty": "(Chưa có tệp nào)",
        "recent_clear": "Xóa danh sách",
        "reload": "&Tải lại",
        "export_excel": "Xuất &Excel…",
        "export_pdf": "Xuất &PDF…",
        "print_preview": "&Xem trước khi in…",
        "print": "&In…",
        "quit": "T&hoát",
        "copy": "&Sao chép",
        "find": "&Tìm",
        "language": "&Ngôn ngữ",
        "targets": "Chỉ &tiêu…",
        "about": "&Giới thiệu",
        "summary_dock": "Tổng hợp",
        "indicator": "Chỉ số:",
        "level": "Cấp:",
        "all_levels": "Tất cả",
        "below_only": "Chỉ đơn vị chưa đạt",
        "search": "Tìm đơn vị (Ctrl+F)…",
        "open_title": "Mở báo cáo Excel",
        "open_filter": "Báo cáo Excel (*.xlsx *.xls *.xlsm *.htm *.html);;Mọi tệp (*)",
        "excel_title": "Xuất bảng Excel",
        "excel_filter": "Bảng tính Excel (*.xlsx)",
        "pdf_title": "Xuất báo cáo PDF",
        "pdf_filter": "Tệp PDF (*.pdf)",
        "export_name": "chi_so_{period}",
        "exported": "Đã lưu «{path}».",
        "export_failed": "Không xuất được tệp",
        "no_data": "Chưa có số liệu: hãy mở một báo cáo Excel (Tệp › Mở…).",
        "read_failed": "Không đọc được báo cáo",
        "read_failed_intro": "Các tệp sau không đọc được; số liệu đang hiển thị được giữ nguyên:",
        "waiting_file": "Tệp «{name}» đang được ghi, sẽ đọc lại sau giây lát…",
        "reloaded": "Đã đọc lại «{name}».",
        "opened": "Đã mở «{name}».",
        "n_files": "{n} tệp ({periods})",
        "loading": "Đang đọc {n} tệp…",
        "cancel": "Hủy",
        "cancel_tip": "Dừng đọc tệp; số liệu đang hiển thị được giữ nguyên",
        "cancelled": "Đã hủy đọc tệp; số liệu đang hiển thị được giữ nguyên.",
        "skipped_failed": "Không tự mở lại {names}: lần trước tệp này làm trình đọc dừng. "
        "Mở lại bằng Tệp › Mở… nếu cần.",
        "units_shown": "{shown}/{total} đơn vị",
        "no_files": "Chưa mở tệp nào",
        "files": "{files}",
        "unknown_period": "không rõ kỳ",
        "warnings": "⚠ {n} cảnh báo",
        "no_warnings": "Không có cảnh báo",
        "warnings_title": "Cảnh báo khi đọc số liệu",
        "about_title": "Giới thiệu",
        "about_text": (
            "<h3>Chỉ số Một cửa và ký số</h3><p>Phiên bản {version}</p>"
            "<p>Tính các chỉ số của từng đơn vị (tỷ lệ văn bản ký số, hồ sơ trực tuyến, "
            "thanh toán trực tuyến, số hóa, kết quả điện tử…) từ báo cáo Excel của Hệ thống "
            "thông tin giải quyết TTHC và Hệ thống quản lý văn bản và điều hành, so với chỉ "
            "tiêu.</p><p><b>Căn cứ chỉ tiêu mặc định:</b></p><ul>{sources}</ul>"
            "<p>Chỉ tiêu riêng của tỉnh được đặt trong Công cụ › Chỉ tiêu…</p>"
        ),
        "crash_title": "Lỗi",
        "crash_text": "Đã xảy ra lỗi không mong đợi. Chương trình vẫn tiếp tục chạy, nhưng nên lưu "
        "công việc và khởi động lại.\n\nChi tiết lỗi đã được ghi vào:\n{log}",
        # charts
        "chart.save": "Lưu ảnh PNG…",
        "chart.copy": "Sao chép ảnh",
        "chart.save_title": "Lưu ảnh biểu đồ",
        "chart.png": "Ảnh PNG (*.png)",
        "chart.save_failed": "Không lưu được ảnh vào «{path}».",
        "chart.more": "và {n} đơn vị khác",
        "chart.empty": "Chưa có số liệu để vẽ biểu đồ.",
        "chart.over": "vượt 100 %: lỗi số liệu nguồn",
        # summary panel
        "summary.overall": "Toàn bộ",
        "summary.copy": "Sao chép đoạn văn",
        "summary.copied": "Đã sao chép đoạn văn.",
        "summary.paragraph": "Đoạn văn báo cáo",
        "summary.none": "Chưa mở báo cáo nào.",
        # targets dialog
        "targets.title": "Chỉ tiêu",
        "targets.name": "Chỉ số",
        "targets.default": "Mặc định",
        "targets.source": "Nguồn",
        "targets.wildcard": "Các chỉ số khác (*)",
        "targets.open": "Mở tệp chỉ tiêu…",
        "targets.save": "Lưu tệp chỉ tiêu…",
        "targets.reset": "Khôi phục mặc định",
        "targets.cancel": "Hủy",
        "targets.filter": "Tệp chỉ tiêu (*.toml);;Mọi tệp (*)",
        "targets.file_name": "chi_tieu.toml",
        "targets.edited": "Người dùng sửa",
        "targets.bad_value": "«{text}» không phải tỷ lệ từ 0 đến 100.",
        "targets.hint": "Nhập tỷ lệ phần trăm, ví dụ 65 hoặc 65,5. Ô trống ở một cấp: dùng cột "
        "Mặc định. Dòng trống hết: dùng dòng «Các chỉ số khác (*)».",
        "preview": "Xem trước khi in",
    },
    "en": {
        "title": "One-stop and digital-signing indicators",
        "menu_file": "&File",
        "menu_edit": "&Edit",
        "menu_view": "&View",
        "menu_tools": "&Tools",
        "menu_help": "&Help",
        "open": "&Open…",
        "recent": "Open &recent",
        "recent_empty": "(No files yet)",
        "recent_clear": "Clear list",
        "reload": "&Reload",
        "export_excel": "Export &Excel…",
        "export_pdf": "Export &PDF…",
        "print_preview": "Print pre&view…",
        "print": "&Print…",
        "quit": "&Quit",
        "copy": "&Copy",
        "find": "&Find",
        "language": "&Language",
        "targets": "&Targets…",
        "about": "&About",
        "summary_dock": "Summary",
        "indicator": "Indicator:",
        "level": "Level:",
        "all_levels": "All",
        "below_only": "Only units below target",
        "search": "Find unit (Ctrl+F)…",
        "open_title": "Open Excel reports",
        "open_filter": "Excel reports (*.xlsx *.xls *.xlsm *.htm *.html);;All files (*)",
        "excel_title": "Export Excel table",
        "excel_filter": "Excel workbook (*.xlsx)",
        "pdf_title": "Export PDF report",
        "pdf_filter": "PDF file (*.pdf)",
        "export_name": "indicators_{period}",
        "exported": "Saved “{path}”.",
        "export_failed": "Could not export",
        "no_data": "No data yet: open an Excel report (File › Open…).",
        "read_failed": "Could not read the report",
        "read_failed_intro": "These files could not be read; the figures shown are kept:",
        "waiting_file": "“{name}” is being written; reading it again shortly…",
        "reloaded": "Read “{name}” again.",
        "opened": "Opened “{name}”.",
        "n_files": "{n} files ({periods})",
        "loading": "Reading {n} file(s)…",
        "cancel": "Cancel",
        "cancel_tip": "Stop reading; the figures shown are kept",
        "cancelled": "Reading cancelled; the figures shown are kept.",
        "skipped_failed": "Not reopened: {names} stopped the reader last time. "
        "Open it with File › Open… if needed.",
        "units_shown": "{shown}/{total} units",
        "no_files": "No file open",
        "files": "{files}",
        "unknown_period": "period unknown",
        "warnings": "⚠ {n} warning(s)",
        "no_warnings": "No warnings",
        "warnings_title": "Warnings while reading the data",
        "about_title": "About",
        "about_text": (
            "<h3>One-stop and digital-signing indicators</h3><p>Version {version}</p>"
            "<p>Computes each unit's indicators (documents signed digitally, dossiers online, "
            "fees paid online, digitised, electronic results…) from the Excel reports of the "
            "administrative-procedure system and the document-management system, against "
            "targets.</p><p><b>Sources of the built-in targets:</b></p><ul>{sources}</ul>"
            "<p>A province's own targets are set in Tools › Targets…</p>"
        ),
        "crash_title": "Error",
        "crash_text": "An unexpected error occurred. The program keeps running, but you should "
        "save your work and restart it.\n\nThe details were written to:\n{log}",
        "chart.save": "Save as PNG…",
        "chart.copy": "Copy image",
        "chart.save_title": "Save chart image",
        "chart.png": "PNG image (*.png)",
        "chart.save_failed": "Could not save the image to “{path}”.",
        "chart.more": "and {n} more",
        "chart.empty": "No data to chart.",
        "chart.over": "above 100 %: error in the source data",
        "summary.overall": "All units",
        "summary.copy": "Copy paragraph",
        "summary.copied": "Paragraph copied.",
        "summary.paragraph": "Report paragraph",
        "summary.none": "No report open.",
        "targets.title": "Targets",
        "targets.name": "Indicator",
        "targets.default": "Default",
        "targets.source": "Source",
        "targets.wildcard": "Other indicators (*)",
        "targets.open": "Open targets file…",
        "targets.save": "Save targets file…",
        "targets.reset": "Restore defaults",
        "targets.cancel": "Cancel",
        "targets.filter": "Targets file (*.toml);;All files (*)",
        "targets.file_name": "targets.toml",
        "targets.edited": "Set by the user",
        "targets.bad_value": "“{text}” is not a rate from 0 to 100.",
        "targets.hint": "Type a percentage, e.g. 65 or 65.5. An empty level uses the Default "
        "column; an empty row uses the “Other indicators (*)” row.",
        "preview": "Print preview",
    },
}
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def tr(lang: str, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Vietnamese when missing), with ``values`` filled in."""
    text = TEXT.get(lang, TEXT["vi"]).get(key) or TEXT["vi"][key]
    return text.format(**values) if values else text


def section(lang: str, prefix: str) -> dict[str, str]:
    """The entries ``prefix.*`` of ``lang`` (a dialog's words), keyed without the prefix."""
    table = TEXT.get(lang, TEXT["vi"])
    start = f"{prefix}."
    return {k[len(start) :]: v for k, v in table.items() if k.startswith(start)}

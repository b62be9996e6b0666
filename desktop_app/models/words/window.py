"""The window's words ("ui.*"): menus, buttons, tabs, the status bar, the start page, the guide."""

from __future__ import annotations

from desktop_app.models.translation import N_, NP_, Plural

# Vietnamese messages (the source language); English is in the gettext catalog
# (resources/locale/en/LC_MESSAGES/chi_so.po).
WORDS: dict[str, str | Plural] = {
    "title": N_("Chỉ số Một cửa và ký số"),
    "menu_file": N_("&Tệp"),
    "menu_edit": N_("&Sửa"),
    "menu_view": N_("&Xem"),
    "menu_tools": N_("&Công cụ"),
    "menu_help": N_("Trợ &giúp"),
    "action.open": N_("&Mở báo cáo…"),
    "action.open_sample": N_("Mở báo cáo mẫ&u"),
    "action.close_report": N_("Đó&ng báo cáo"),
    "recent": N_("Mở &gần đây"),
    "recent_empty": N_("(Chưa có tệp nào)"),
    "recent_clear": N_("Xóa danh sách"),
    "action.reload": N_("&Tải lại"),
    "action.compare": N_("So sánh với &kỳ trước…"),
    "action.drop_compare": N_("&Bỏ so sánh"),
    "compare_title": N_("Chọn báo cáo kỳ trước để so sánh"),
    "compared": N_("so với {period}"),
    "compared_unknown": N_("so với kỳ trước"),
    "compare_same": N_("{names}: đang mở là báo cáo kỳ này, không dùng để so sánh."),
    "history_failed": N_("Không so sánh được với lịch sử. {line}"),
    "action.export_excel": N_("Xuất &Excel…"),
    "action.export_pdf": N_("Xuất &PDF…"),
    "action.export_word": N_("Xuất báo cáo &Word…"),
    "action.print_preview": N_("&Xem trước khi in…"),
    "action.print": N_("&In…"),
    "action.quit": N_("T&hoát"),
    "action.copy": N_("&Sao chép"),
    "action.copy_headers": N_("Sao chép &kèm tiêu đề"),
    "action.copy_rows": N_("Sao chép các &dòng đang hiển thị"),
    "action.find": N_("&Tìm"),
    "action.side_by_side": N_("So sánh các &báo cáo"),
    "side_by_side_item": N_("So sánh các báo cáo ({n})"),
    "action.next_report": N_("Báo cáo &tiếp theo"),
    "action.previous_report": N_("Báo cáo &trước"),
    "action.tab_table": N_("&Bảng đơn vị"),
    "action.tab_charts": N_("Biểu đồ"),
    "action.tab_summary": N_("Tổng hợp và đoạn &văn"),
    "action.show_reports": N_("Danh sách báo cáo đang &mở"),
    "language": N_("&Ngôn ngữ"),
    "action.targets": N_("Chỉ &tiêu…"),
    "action.office": N_("Thông tin &cơ quan…"),
    "action.history": N_("&Lịch sử…"),
    "action.trend": N_("Xem &xu hướng của đơn vị"),
    "trend_tip": N_("Tỷ lệ của đơn vị đang chọn qua các kỳ lưu trong lịch sử"),
    "compared_stored": N_("so với {period} (lịch sử)"),
    "action.guide": N_("&Hướng dẫn sử dụng"),
    "action.about": N_("&Giới thiệu"),
    "report": N_("Báo cáo:"),
    "indicator": N_("Chỉ số:"),
    "all_indicators": N_("Tất cả chỉ số"),
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
    "no_data": N_("Chưa có số liệu: hãy mở một báo cáo Excel (Tệp › Mở báo cáo…)."),
    "sample_title": N_("Báo cáo mẫu"),
    "sample_status": N_("Báo cáo mẫu"),
    "sample_note": N_(
        "Đây là báo cáo mẫu đi kèm chương trình, không phải số liệu thật. Mở báo cáo của đơn vị "
        "bạn: Tệp › Mở báo cáo… (Ctrl+O) hoặc kéo thả tệp Excel vào cửa sổ."
    ),
    "no_target_note": N_(
        "Chưa có chỉ tiêu cho «{name}»: các đơn vị được xếp theo tỷ lệ, không đánh giá đạt hay chưa "
        "đạt. Đặt chỉ tiêu: Công cụ › Chỉ tiêu… (Ctrl+T)."
    ),
    "earlier_none": N_("Không có báo cáo nào cùng tỉnh, kỳ sau báo cáo này để so sánh với nó."),
    "start.intro": N_(
        "Mở báo cáo Excel tháng này (Hệ thống giải quyết TTHC, Hệ thống quản lý văn bản…): bảng "
        "tỷ lệ từng đơn vị, biểu đồ theo cấp và đoạn văn báo cáo có ngay."
    ),
    "start.open": N_("Mở báo cáo…"),
    "start.sample": N_("Mở báo cáo mẫu"),
    "start.drop": N_("Hoặc kéo thả tệp Excel vào đây"),
    "start.recent": N_("Mở gần đây:"),
    "tab.table": N_("Bảng đơn vị"),
    "tab.table_charts": N_("Bảng đơn vị và biểu đồ"),
    "tab.charts": N_("Biểu đồ"),
    "tab.summary": N_("Tổng hợp và đoạn văn"),
    "reports.title": N_("Báo cáo đang mở"),
    "reports.show": N_("Xem"),
    "reports.show_tip": N_("Xem riêng báo cáo này (báo cáo kỳ trước cũng được xem riêng)"),
    "reports.close": N_("Đóng"),
    "reports.close_tip": N_("Đóng báo cáo: bỏ các dòng, cột biểu đồ và câu của nó"),
    "reports.earlier": N_("Là kỳ trước"),
    "reports.earlier_tip": N_("Dùng báo cáo này làm kỳ trước để so sánh với báo cáo cùng tỉnh, kỳ sau"),
    "reports.earlier_item": N_("Kỳ trước: {name}"),
    "reports.sample_mark": N_("(mẫu)"),
    "reports.none": N_("Chưa mở báo cáo nào."),
    "reports.files": N_("Tệp: {files}"),
    "reports.issuer": N_("Cơ quan: {issuer}"),
    "reports.indicators": N_("Chỉ số: {names}"),
    "reports.period": N_("Kỳ: {period}"),
    "reports.units": N_("{n} đơn vị"),
    "reports.compared": N_("So sánh với: {names}"),
    "reports.earlier_of": N_("Là kỳ trước của: {name}"),
    "reports.stored": N_("{period} (lưu trong lịch sử)"),
    "reports.about": N_("Thông tin"),
    "reports.reading": N_("Cách đọc tệp"),
    "reports.reading_none": N_("Chưa chọn báo cáo."),
    "reports.warnings": N_("Cảnh báo khi đọc:"),
    "reports.no_warnings": N_("Không có cảnh báo."),
    "reports.more_warnings": N_("… và {n} cảnh báo khác (nút cảnh báo ở thanh trạng thái)."),
    "reports.no_reading": N_("Không có chỉ số nào đọc từ bảng này."),
    "table.recent": N_("{n} kỳ gần nhất"),
    "table.recent_tip": N_("Tỷ lệ của đơn vị ở các kỳ: {periods} (kỳ trước lấy từ lịch sử)"),
    "read_failed": N_("Không đọc được báo cáo"),
    "read_failed_intro": N_("Các tệp sau không đọc được; số liệu đang hiển thị được giữ nguyên:"),
    "waiting_file": N_("Tệp «{name}» đang được ghi, sẽ đọc lại sau giây lát…"),
    "reloaded": N_("Đã đọc lại «{name}»."),
    "opened": N_("Đã mở «{name}»."),
    "n_files": N_("{n} tệp ({periods})"),
    "loading": NP_("Đang đọc {n} tệp…", "Đang đọc {n} tệp…"),
    "cancel": N_("Hủy"),
    "cancel_tip": N_("Dừng đọc tệp; số liệu đang hiển thị được giữ nguyên"),
    "cancelled": N_("Đã hủy đọc tệp; số liệu đang hiển thị được giữ nguyên."),
    "skipped_failed": N_(
        "Không tự mở lại {names}: lần trước tệp này làm trình đọc dừng. Mở lại bằng Tệp › Mở… nếu cần."
    ),
    "units_shown": N_("{shown}/{total} đơn vị"),
    "no_files": N_("Chưa mở tệp nào"),
    "unknown_period": N_("không rõ kỳ"),
    "warnings": NP_("⚠ {n} cảnh báo", "⚠ {n} cảnh báo"),
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
    "table.report": N_("Báo cáo"),
    "table.new": N_("mới"),
    "table.new_tip": N_("Đơn vị mới: không có trong báo cáo {period}"),
    "table.previous": N_("Kỳ trước: {rate}"),
    "summary.overall": N_("Toàn bộ"),
    "summary.copy": N_("Sao chép"),
    "summary.copy_tip": N_("Chép cả đoạn văn (như đang hiển thị) để dán vào báo cáo"),
    "summary.copied": N_("Đã sao chép đoạn văn."),
    "summary.paragraph": N_("Đoạn văn báo cáo"),
    "summary.editable": N_("Có thể sửa trước khi sao chép, xuất Excel, PDF hoặc in."),
    "summary.side_by_side": N_("Mỗi báo cáo một đoạn; chọn một báo cáo để sửa đoạn văn của nó."),
    "summary.pick": N_("Đoạn văn của mọi chỉ số, như khi xuất; chọn một chỉ số để sửa đoạn của nó."),
    "summary.restore": N_("Viết lại từ số liệu"),
    "summary.restore_tip": N_("Bỏ các chỗ đã sửa, lấy lại đoạn văn viết từ số liệu"),
    "summary.edited": N_("Đã sửa: bản sửa được sao chép, xuất và in."),
    "summary.none": N_("Chưa mở báo cáo nào."),
    "summary.all": N_("Tất cả chỉ số"),
    "summary.shown": N_("Đang hiển thị ({n} đơn vị)"),
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
    "guide.title": N_("Hướng dẫn sử dụng"),
    "guide.open_title": N_("Mở báo cáo"),
    "guide.open": N_(
        "Tệp › Mở báo cáo… (Ctrl+O), hoặc kéo thả tệp Excel (.xlsx, .xls) vào cửa sổ. Mở được "
        "nhiều tệp một lúc. Các tệp của cùng một tỉnh, cùng kỳ bổ sung cho nhau (ký số và hồ sơ "
        "trực tuyến, mỗi cấp một trang tính) được ghép thành một báo cáo; báo cáo của tỉnh khác hay "
        "kỳ khác luôn để riêng, không bao giờ cộng hay tính trung bình chung. Danh sách «Báo cáo "
        "đang mở» bên trái cho biết tệp, trang tính, cơ quan ban hành, chỉ số và kỳ của từng báo "
        "cáo; chọn Xem để xem riêng, Đóng để đóng. Tệp › Mở gần đây mở lại tệp đã dùng."
    ),
    "guide.read_title": N_("Đọc số liệu"),
    "guide.read": N_(
        "Chọn chỉ số trên thanh công cụ: bảng chỉ hiện các cột của chỉ số đó (tỷ lệ, tử số, mẫu "
        "số, chỉ tiêu, đánh giá, xếp hạng, thay đổi); «Tất cả chỉ số» hiện tỷ lệ của mọi chỉ số "
        "cạnh nhau. Lọc theo cấp, theo huyện (Thuộc), «Chỉ đơn vị chưa đạt» và ô tìm kiếm (Ctrl+F). "
        "Bấm tiêu đề cột để sắp xếp. Các thẻ Bảng đơn vị, Biểu đồ, Tổng hợp và đoạn văn (Ctrl+1, "
        "Ctrl+2, Ctrl+3) cho mỗi phần đủ chỗ; bấm vào một cột biểu đồ để chọn đơn vị trong bảng. "
        "Bấm chuột phải vào bảng để sao chép ô, sao chép kèm tiêu đề hoặc sao chép các dòng đang "
        "hiển thị, rồi dán vào Excel."
    ),
    "guide.compare_title": N_("So sánh"),
    "guide.compare": N_(
        "Tệp › So sánh với kỳ trước… (Ctrl+Shift+O) chọn báo cáo tháng trước: bảng có cột +/- "
        "điểm, biểu đồ có vạch tím ở tỷ lệ tháng trước, đoạn văn nói tăng giảm bao nhiêu điểm "
        "phần trăm. Mở cùng lúc báo cáo hai tháng của một tỉnh thì tháng trước được nhận ra tự "
        "động; trong danh sách báo cáo, «Là kỳ trước» dùng một báo cáo đang mở làm kỳ trước. "
        "Xem › So sánh các báo cáo (Ctrl+Shift+B) đặt các báo cáo cạnh nhau, có cột «Báo cáo» "
        "ghi tên từng báo cáo; số liệu của mỗi báo cáo vẫn tính riêng."
    ),
    "guide.history_title": N_("Lịch sử và xu hướng"),
    "guide.history": N_(
        "Sau khi đọc, chương trình hỏi có lưu báo cáo vào lịch sử không (thanh phía trên bảng: Lưu, "
        "Luôn lưu, Không lưu). Khi đã lưu các kỳ trước, báo cáo mở ra tự so sánh với kỳ gần nhất đã "
        "lưu, không cần mở tệp tháng trước; bảng có cột «3 kỳ gần nhất». Bấm chuột phải vào một đơn "
        "vị (trong bảng hoặc trên biểu đồ) › Xem xu hướng để xem tỷ lệ của đơn vị qua các kỳ. Công cụ › "
        "Lịch sử… (Ctrl+H): các kỳ đã lưu, xóa một kỳ, xuất lịch sử, tên đơn vị qua các kỳ."
    ),
    "guide.word_title": N_("Báo cáo Word"),
    "guide.word": N_(
        "Tệp › Xuất báo cáo Word… (Ctrl+Shift+W) viết báo cáo theo thể thức Nghị định 30/2020/NĐ-CP "
        "cho chỉ số đang xem (có thể chọn thêm chỉ số và cấp), với đoạn văn như đã sửa. Thông tin "
        "cơ quan ban hành, số, nơi nhận và người ký nhập một lần ở Công cụ › Thông tin cơ quan…. "
        "Cách chương trình đọc từng tệp (cột nào, tỷ lệ dạng phân số hay phần trăm, cảnh báo) có ở "
        "thẻ «Cách đọc tệp» dưới danh sách báo cáo."
    ),
    "guide.targets_title": N_("Đặt chỉ tiêu"),
    "guide.targets": N_(
        "Công cụ › Chỉ tiêu… (Ctrl+T): nhập chỉ tiêu của tỉnh cho từng chỉ số và từng cấp; bảng và "
        "biểu đồ đổi màu ngay. Bấm OK để giữ cho các lần sau, Hủy để trở lại như cũ; có thể lưu "
        "hoặc mở tệp chỉ tiêu (.toml) để dùng chung. Chỉ số chưa có chỉ tiêu (bảng xếp hạng, chỉ "
        "số riêng) được xếp theo tỷ lệ, các cột biểu đồ cùng một màu."
    ),
    "guide.export_title": N_("Xuất Excel, PDF và đoạn văn"),
    "guide.export": N_(
        "Thẻ Tổng hợp và đoạn văn có đoạn văn báo cáo viết sẵn từ số liệu: sửa trực tiếp nếu "
        "cần, bấm Sao chép rồi dán vào báo cáo. Tệp › Xuất Excel… (Ctrl+E) và Xuất PDF… "
        "(Ctrl+Shift+E) ghi báo cáo đang xem, với đoạn văn như đã sửa."
    ),
    "guide.print_title": N_("In"),
    "guide.print": N_(
        "Tệp › Xem trước khi in… (Ctrl+Shift+P) để xem các trang khổ A4, Tệp › In… (Ctrl+P) để in "
        "báo cáo đang xem."
    ),
}

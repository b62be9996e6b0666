"""Every word the outputs put on paper (report paragraph, text output, Excel, PDF), per language.

One table, ``WORDS[lang][key]``; :func:`word` picks an entry and fills in its ``{values}``.
Levels and statuses are named here too, for the window as much as for the files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

LANGUAGES = ("vi", "en")

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        # levels and statuses
        "level.province": "Cấp tỉnh",
        "level.district": "Cấp huyện",
        "level.commune": "Cấp xã",
        "level.unknown": "Chưa rõ cấp",
        "status.met": "Đạt",
        "status.below": "Chưa đạt",
        "status.no_data": "Không phát sinh",
        "status.no_target": "Không có chỉ tiêu",
        # periods
        "period.month": "tháng {month}/{year}",
        "period.quarter": "quý {quarter}/{year}",
        "period.half1": "6 tháng đầu năm {year}",
        "period.half2": "6 tháng cuối năm {year}",
        "period.year": "năm {year}",
        "period.range": "từ ngày {start} đến ngày {end}",
        "period.months": "từ tháng {start} đến tháng {end} năm {year}",
        "period.months_years": "từ tháng {start}/{start_year} đến tháng {end}/{year}",
        # figures, as column headers of every output
        "indicator": "Chỉ số",
        "level": "Cấp",
        "units": "Số đơn vị",
        "mean": "Tỷ lệ trung bình",
        "pooled": "Tỷ lệ chung",
        "met": "Đạt",
        "below": "Chưa đạt",
        "no_data": "Không phát sinh",
        "at_100": "Đạt 100 %",
        "lowest": "Thấp nhất",
        "all_levels": "Chung các cấp",
        "no": "STT",
        "unit": "Đơn vị",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "rate": "Tỷ lệ (%)",
        "target": "Chỉ tiêu (%)",
        "status": "Đánh giá",
        # the paragraph
        "para.intro": "Về {label}{when}:",
        "para.when": " {period}",
        "para.no_data": "{level}: không có đơn vị nào phát sinh số liệu ({units} đơn vị).",
        "para.mean": "{level}: tỷ lệ trung bình đạt {mean}",
        "para.pooled": " (tỷ lệ chung {pooled})",
        "para.at_100": "{n}/{rated} đơn vị đạt 100 % ({names})",
        "para.none_at_100": "không có đơn vị nào đạt 100 %",
        "para.lowest": "thấp nhất là {items}",
        "para.below": "{n} đơn vị chưa đạt {goal}: {items}",
        "para.goal": "chỉ tiêu {target}",
        "para.goal_any": "chỉ tiêu",
        "para.all_met": "tất cả đơn vị có số liệu đều đạt chỉ tiêu {target}",
        "para.units_no_data": "{n} đơn vị không phát sinh",
        "para.more": " và {n} đơn vị khác",
        "para.up": " (tăng {points} % so với kỳ trước)",
        "para.down": " (giảm {points} % so với kỳ trước)",
        "para.same": " (không đổi so với kỳ trước)",
        # the command line's text output
        "text.file": "Tệp: {name} › {sheet} ({period}) — {title}",
        "text.no_period": "không rõ kỳ",
        "rate_short": "Tỷ lệ",
        "target_short": "Chỉ tiêu",
        "text.level_line": "Trung bình {mean}; tỷ lệ chung {pooled}; đạt {met}, chưa đạt {below}, "
        "không phát sinh {no_data}",
        "text.warnings": "CẢNH BÁO",
        "text.paragraph": "ĐOẠN VĂN BÁO CÁO",
        # paper: the national motto and the signatures (Excel and PDF)
        "motto1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto2": "Độc lập - Tự do - Hạnh phúc",
        "preparer": "NGƯỜI LẬP BIỂU",
        "sign": "(Ký, ghi rõ họ tên)",
        "head": "THỦ TRƯỞNG ĐƠN VỊ",
        "sign_seal": "(Ký, ghi rõ họ tên, đóng dấu)",
        "date_blank": "…, ngày … tháng … năm …",
        "date_line": "……, ngày {d} tháng {m} năm {y}",
        # the Excel workbook
        "sheet_table": "Bảng chỉ số",
        "sheet_charts": "Biểu đồ",
        "sheet_summary": "Tóm tắt",
        "title": "BÁO CÁO KẾT QUẢ CÁC CHỈ SỐ THEO ĐƠN VỊ",
        "title_one": "BÁO CÁO KẾT QUẢ CHỈ SỐ {label}",
        "periods": "Kỳ báo cáo: {periods}",
        "target_word": "chỉ tiêu",
        "mean_row": "Trung bình {level} (tỷ lệ trung bình)",
        "pooled_row": "Tỷ lệ chung {level}",
        "charts_title": "BIỂU ĐỒ TỶ LỆ CÁC CHỈ SỐ THEO CẤP",
        "no_data_units": "Không phát sinh:",
        "summary_title": "TÓM TẮT KẾT QUẢ THEO CẤP",
        "text_title": "NỘI DUNG BÁO CÁO",
        "warnings_title": "CẢNH BÁO VỀ SỐ LIỆU",
        "page": "Trang &P/&N",
        # the printed report
        "pdf.title": "BÁO CÁO KẾT QUẢ CÁC CHỈ SỐ",
        "pdf.total": "Tổng cộng",
        "pdf.targets": "Chỉ tiêu",
        "pdf.note": "Tỷ lệ trung bình: trung bình cộng tỷ lệ của các đơn vị có số liệu; "
        "tỷ lệ chung: tổng tử số trên tổng mẫu số của cấp.",
        "pdf.chart": "Biểu đồ {n}: {indicator} – {level} ({units} đơn vị)",
        "pdf.continued": "(tiếp theo)",
        "pdf.no_data": "không phát sinh",
        "target_line": "Chỉ tiêu {value}",
        "mean_line": "TB {value}",
        "pdf.legend_met": "Đạt chỉ tiêu",
        "pdf.legend_below": "Chưa đạt chỉ tiêu",
        "pdf.below": "Các đơn vị chưa đạt chỉ tiêu",
        "pdf.below_item": "{name}: {rate} (chỉ tiêu {target})",
        "pdf.none_below": "Tất cả các đơn vị có số liệu đều đạt chỉ tiêu.",
        "pdf.remarks": "Nhận xét",
        "pdf.warnings": "Cảnh báo về số liệu",
        "pdf.page": "Trang {n}/{of}",
    },
    "en": {
        "level.province": "Province",
        "level.district": "District",
        "level.commune": "Commune",
        "level.unknown": "Unknown",
        "status.met": "Met",
        "status.below": "Below target",
        "status.no_data": "No data",
        "status.no_target": "No target",
        "period.month": "{year}-{month:02d}",
        "period.quarter": "Q{number} {year}",
        "period.half1": "H1 {year}",
        "period.half2": "H2 {year}",
        "period.year": "{year}",
        "period.range": "{start} to {end}",
        "period.months": "{year}-{start:02d} to {year}-{end:02d}",
        "period.months_years": "{start_year}-{start:02d} to {year}-{end:02d}",
        "indicator": "Indicator",
        "level": "Level",
        "units": "Units",
        "mean": "Mean rate",
        "pooled": "Pooled rate",
        "met": "Met",
        "below": "Below",
        "no_data": "No data",
        "at_100": "At 100 %",
        "lowest": "Lowest",
        "all_levels": "All levels",
        "no": "No.",
        "unit": "Unit",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "rate": "Rate (%)",
        "target": "Target (%)",
        "status": "Assessment",
        "para.intro": "{label}{when}:",
        "para.when": ", {period}",
        "para.no_data": "{level}: no unit has data ({units} units).",
        "para.mean": "{level}: mean rate {mean}",
        "para.pooled": " (pooled {pooled})",
        "para.at_100": "{n}/{rated} units at 100 % ({names})",
        "para.none_at_100": "0/{rated} units at 100 %",
        "para.lowest": "lowest: {items}",
        "para.below": "{n} below {goal}: {items}",
        "para.goal": "the target {target}",
        "para.goal_any": "the target",
        "para.all_met": "every unit with data met the target {target}",
        "para.units_no_data": "{n} without data",
        "para.more": " and {n} more",
        "para.up": " (up {points} points on the previous period)",
        "para.down": " (down {points} points on the previous period)",
        "para.same": " (unchanged)",
        "text.file": "File: {name} › {sheet} ({period}) — {title}",
        "text.no_period": "period unknown",
        "rate_short": "Rate",
        "target_short": "Target",
        "text.level_line": "Mean {mean}; pooled {pooled}; met {met}, below {below}, no data {no_data}",
        "text.warnings": "WARNINGS",
        "text.paragraph": "REPORT PARAGRAPH",
        "motto1": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto2": "Independence - Freedom - Happiness",
        "preparer": "PREPARED BY",
        "sign": "(Signature, full name)",
        "head": "HEAD OF UNIT",
        "sign_seal": "(Signature, full name, seal)",
        "date_blank": "…, date …",
        "date_line": "……, {d}/{m}/{y}",
        "sheet_table": "Indicators",
        "sheet_charts": "Charts",
        "sheet_summary": "Summary",
        "title": "REPORT ON INDICATORS BY UNIT",
        "title_one": "REPORT ON {label}",
        "periods": "Periods: {periods}",
        "target_word": "target",
        "mean_row": "{level}: mean of unit rates",
        "pooled_row": "{level}: pooled rate",
        "charts_title": "INDICATOR RATES BY LEVEL",
        "no_data_units": "No data:",
        "summary_title": "SUMMARY BY LEVEL",
        "text_title": "REPORT TEXT",
        "warnings_title": "DATA WARNINGS",
        "page": "Page &P/&N",
        "pdf.title": "REPORT ON INDICATOR RESULTS",
        "pdf.total": "Total",
        "pdf.targets": "Targets",
        "pdf.note": "Mean rate: the average of the units' rates; pooled rate: all numerators over "
        "all denominators of the level.",
        "pdf.chart": "Chart {n}: {indicator} – {level} ({units} units)",
        "pdf.continued": "(continued)",
        "pdf.no_data": "no data",
        "target_line": "Target {value}",
        "mean_line": "Mean {value}",
        "pdf.legend_met": "Target met",
        "pdf.legend_below": "Below target",
        "pdf.below": "Units below target",
        "pdf.below_item": "{name}: {rate} (target {target})",
        "pdf.none_below": "Every unit with data met its target.",
        "pdf.remarks": "Remarks",
        "pdf.warnings": "Data warnings",
        "pdf.page": "Page {n}/{of}",
    },
}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def words_for(lang: str) -> dict[str, str]:
    """The whole table of ``lang`` (Vietnamese unless "en")."""
    return WORDS["en" if lang == "en" else "vi"]


def word(lang: str, key: str, **values: object) -> str:
    """The entry ``key`` in ``lang`` with ``values`` filled in."""
    text = words_for(lang)[key]
    return text.format(**values) if values else text


def level_label(level: str | None, lang: str = "vi", names: Mapping[str, str] | None = None) -> str:
    """ "province" -> "Cấp tỉnh"; a level the files name themselves (``names``, e.g.
    {"unknown": "Tên CSKCB"}) by their word; an unknown key is shown as it is."""
    if names and (level or "unknown") in names:
        return names[level or "unknown"]
    table = words_for(lang)
    return table.get(f"level.{level or 'unknown'}", level or "")


def level_in_sentence(level: str | None, lang: str = "vi", names: Mapping[str, str] | None = None) -> str:
    """A level inside a sentence: "cấp tỉnh" in Vietnamese; a file's own word as it is written."""
    label = level_label(level, lang, names)
    if lang == "en" or (names and (level or "unknown") in names):
        return label
    return label.lower()


def status_label(status: str, lang: str = "vi") -> str:
    """ "met" -> "Đạt"."""
    return words_for(lang).get(f"status.{status}", status)


def period_text(period: str | None, lang: str = "vi") -> str:
    """ "2024-10" -> "tháng 10/2024"; "2024-Q2" -> "quý II/2024"; "2022" -> "năm 2022";
    "2024-01/2024-11" -> "từ tháng 1 đến tháng 11 năm 2024"."""
    if not period:
        return ""
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        return word(lang, "period.month", year=m[1], month=int(m[2]))
    if m := re.fullmatch(r"(\d{4})-Q(\d)", period):
        number = int(m[2])
        return word(lang, "period.quarter", year=m[1], quarter=_ROMAN[number], number=number)
    if m := re.fullmatch(r"(\d{4})-H([12])", period):
        return word(lang, f"period.half{m[2]}", year=m[1])
    if re.fullmatch(r"\d{4}", period):
        return word(lang, "period.year", year=period)
    if m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period):
        key = "period.months" if m[1] == m[3] else "period.months_years"
        return word(lang, key, start=int(m[2]), start_year=m[1], end=int(m[4]), year=m[3])
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})", period):
        start, end = f"{m[3]}/{m[2]}/{m[1]}", f"{m[6]}/{m[5]}/{m[4]}"
        return word(lang, "period.range", start=start, end=end)
    return period


def capitalised(text: str) -> str:
    """ "tháng 10/2024" -> "Tháng 10/2024" (only the first letter changes)."""
    return text[:1].upper() + text[1:]

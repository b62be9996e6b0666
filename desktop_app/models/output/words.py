"""Every word the outputs put on paper (report paragraph, text output, Excel, PDF).

One table, ``WORDS[key]``, of Vietnamese messages translated through gettext; :func:`word` picks
an entry in a language and fills in its ``{values}``. Levels and statuses are named here too, for
the window as much as for the files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from desktop_app.models.translation import (
    C_,
    LANGUAGES,
    N_,
    NP_,
    SOURCE,
    Plural,
    catalog,
    plural_in,
    render,
    translate,
)

# Every entry is a Vietnamese message (the source language); its English is in the gettext
# catalog (resources/locale/en/LC_MESSAGES/chi_so.po). C_ gives a context where one Vietnamese
# word has two English ones ("Chưa đạt": a status "Below target", a column "Below"); NP_ marks a
# message with a count, whose English form follows it ("1 unit", "0/2 units"), named by its last
# argument (the parameter holding the count).
WORDS: dict[str, str | tuple[str, str] | Plural] = {
    "level.province": N_("Cấp tỉnh"),
    "level.district": N_("Cấp huyện"),
    "level.commune": N_("Cấp xã"),
    "level.unknown": N_("Chưa rõ cấp"),
    "status.met": N_("Đạt"),
    "status.below": N_("Chưa đạt"),
    "status.no_data": N_("Không phát sinh"),
    "status.no_target": N_("Không có chỉ tiêu"),
    "status.few_data": N_("Ít phát sinh"),
    "period.month": N_("tháng {month}/{year}"),
    "period.quarter": N_("quý {quarter}/{year}"),
    "period.half1": N_("6 tháng đầu năm {year}"),
    "period.half2": N_("6 tháng cuối năm {year}"),
    "period.year": N_("năm {year}"),
    "period.range": N_("từ ngày {start} đến ngày {end}"),
    "period.months": N_("từ tháng {start} đến tháng {end} năm {year}"),
    "period.months_years": N_("từ tháng {start}/{start_year} đến tháng {end}/{year}"),
    "indicator": N_("Chỉ số"),
    "level": N_("Cấp"),
    "units": N_("Số đơn vị"),
    "mean": N_("Tỷ lệ trung bình"),
    "pooled": N_("Tỷ lệ chung"),
    "met": N_("Đạt"),
    "below": C_("column", "Chưa đạt"),
    "no_data": N_("Không phát sinh"),
    "at_100": N_("Đạt 100 %"),
    "lowest": N_("Thấp nhất"),
    "all_levels": N_("Chung các cấp"),
    "no": N_("STT"),
    "unit": N_("Đơn vị"),
    "numerator": N_("Tử số"),
    "denominator": N_("Mẫu số"),
    "rate": N_("Tỷ lệ"),  # over cells that show "96,25 %": no "(%)"
    "target": C_("column", "Chỉ tiêu"),
    "status": N_("Đánh giá"),
    "para.intro": N_("Về {label}{when}:"),
    "para.when": N_(" {period}"),
    "para.no_data": NP_(
        "{level}: không có đơn vị nào phát sinh số liệu ({units} đơn vị).",
        "{level}: không có đơn vị nào phát sinh số liệu ({units} đơn vị).",
        "units",
    ),
    "para.lead": N_("{level}: {average} đạt {value}"),
    "para.lead_plain": N_("{level}: {average} là {value}"),  # no target: no "đạt"
    "para.whole_province": N_("Toàn tỉnh"),
    "para.whole_file": N_("Tính chung"),
    "para.at_100_plain": NP_(
        "{n}/{rated} đơn vị có tỷ lệ 100 % ({names})",
        "{n}/{rated} đơn vị có tỷ lệ 100 % ({names})",
        "rated",
    ),
    "para.none_at_100_plain": NP_(
        "không có đơn vị nào có tỷ lệ 100 %",
        "không có đơn vị nào có tỷ lệ 100 %",
        "rated",
    ),
    "para.moves": N_("So với {period}, {moves}."),
    "para.rises": N_("tăng nhiều nhất là {items}"),
    "para.falls": N_("giảm nhiều nhất là {items}"),
    "para.moved_points": N_("{name} ({points} điểm)"),
    "para.ranks_up": N_("thứ hạng tăng nhiều nhất là {items}"),
    "para.ranks_down": N_("thứ hạng giảm nhiều nhất là {items}"),
    "para.rank_up": N_("{name} (từ thứ {before} lên thứ {now}/{of})"),
    "para.rank_down": N_("{name} (từ thứ {before} xuống thứ {now}/{of})"),
    "para.mean_name": N_("tỷ lệ trung bình"),
    "para.pooled_name": N_("tỷ lệ chung"),
    "para.other": N_("{average} {value}"),
    "para.at_100": NP_(
        "{n}/{rated} đơn vị đạt 100 % ({names})",
        "{n}/{rated} đơn vị đạt 100 % ({names})",
        "rated",
    ),
    "para.none_at_100": NP_(
        "không có đơn vị nào đạt 100 %",
        "không có đơn vị nào đạt 100 %",
        "rated",
    ),
    "para.lowest": N_("thấp nhất là {items}"),
    "para.below": N_("{n} đơn vị chưa đạt {goal}: {items}"),
    "para.goal": N_("chỉ tiêu {target}"),
    "para.goal_any": N_("chỉ tiêu"),
    "para.all_met": N_("tất cả đơn vị có số liệu đều đạt chỉ tiêu {target}"),
    "para.units_no_data": N_("{n} đơn vị không phát sinh"),
    "para.more": N_(" và {n} đơn vị khác"),
    "para.up_since": N_("tăng {points} điểm phần trăm so với {period}"),
    "para.down_since": N_("giảm {points} điểm phần trăm so với {period}"),
    "para.same_since": N_("không đổi so với {period}"),
    "para.before": N_("kỳ trước"),
    "para.groups": N_(
        "cao nhất là các đơn vị thuộc {high} đạt tỷ lệ trung bình {high_rate}, thấp nhất là các đơn vị "
        "thuộc {low} đạt tỷ lệ trung bình {low_rate}"
    ),
    "para.groups_plain": N_(
        "cao nhất là các đơn vị thuộc {high} với tỷ lệ trung bình {high_rate}, thấp nhất là các đơn vị "
        "thuộc {low} với tỷ lệ trung bình {low_rate}"
    ),
    "para.few_data": NP_(
        "{n} đơn vị ít phát sinh (dưới {minimum} hồ sơ), không đánh giá",
        "{n} đơn vị ít phát sinh (dưới {minimum} hồ sơ), không đánh giá",
        "minimum_count",
    ),
    "para.ranking": N_("Đứng đầu là {first}, cuối cùng là {last}."),
    "para.ranked": N_("{names} ({rate}, xếp thứ {rank}/{of})"),
    "para.new_units": N_("Đơn vị mới so với {period}: {names}."),
    "text.file": N_("Tệp: {name} › {sheet} ({period}) — {title}"),
    "text.no_period": N_("không rõ kỳ"),
    "rate_short": N_("Tỷ lệ"),
    "target_short": C_("column", "Chỉ tiêu"),
    "text.level_line": N_(
        "Trung bình {mean}; tỷ lệ chung {pooled}; đạt {met}, chưa đạt {below}, không phát sinh {no_data}"
    ),
    "text.few_data": N_("; ít phát sinh {few_data}"),
    "text.change": N_("; so với {period}: trung bình {mean_change}, tỷ lệ chung {pooled_change}"),
    "text.group": N_("  {group}"),
    "rank": N_("Xếp hạng"),
    "rank_short": N_("Hạng"),
    "change_short": N_("+/- điểm"),
    "change": N_("Tăng/giảm (điểm %)"),
    "previous_rate": N_("Kỳ trước"),
    "group": N_("Thuộc"),
    "few_data": N_("Ít phát sinh"),
    "headline": N_("Tỷ lệ chính"),
    "other_average": N_("Tỷ lệ còn lại"),
    "average_kind": N_("Cách tính"),
    "compared": N_("So sánh với {period}"),
    "text.warnings": N_("CẢNH BÁO"),
    "text.paragraph": N_("ĐOẠN VĂN BÁO CÁO"),
    "motto1": N_("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "motto2": N_("Độc lập - Tự do - Hạnh phúc"),
    "preparer": N_("NGƯỜI LẬP BIỂU"),
    "sign": N_("(Ký, ghi rõ họ tên)"),
    "head": N_("THỦ TRƯỞNG ĐƠN VỊ"),
    "sign_seal": N_("(Ký, ghi rõ họ tên, đóng dấu)"),
    "date_blank": N_("…, ngày … tháng … năm …"),
    "date_line": N_("……, ngày {d} tháng {m} năm {y}"),
    "sheet_table": N_("Bảng chỉ số"),
    "sheet_charts": N_("Biểu đồ"),
    "sheet_summary": N_("Tóm tắt"),
    "sheet_trends": N_("Xu hướng"),
    "trends_title": N_("XU HƯỚNG CÁC CHỈ SỐ QUA CÁC KỲ"),
    "trends_note": N_(
        "Tỷ lệ (%) của từng cấp qua các kỳ lưu trong lịch sử; ô trống: kỳ đó không có số liệu."
    ),
    "figure": N_("Số liệu"),
    "pdf.trend": N_("Xu hướng qua các kỳ (%):"),
    "title": N_("BÁO CÁO KẾT QUẢ CÁC CHỈ SỐ THEO ĐƠN VỊ"),
    "title_one": N_("BÁO CÁO KẾT QUẢ CHỈ SỐ {label}"),
    "periods": N_("Kỳ báo cáo: {periods}"),
    "target_word": C_("chart title", "chỉ tiêu"),
    "mean_row": N_("Trung bình {level} (tỷ lệ trung bình)"),
    "pooled_row": N_("Tỷ lệ chung {level}"),
    "charts_title": N_("BIỂU ĐỒ TỶ LỆ CÁC CHỈ SỐ THEO CẤP"),
    "no_data_units": N_("Không phát sinh:"),
    "summary_title": N_("TÓM TẮT KẾT QUẢ THEO CẤP"),
    "text_title": N_("NỘI DUNG BÁO CÁO"),
    "warnings_title": N_("CẢNH BÁO VỀ SỐ LIỆU"),
    "page": N_("Trang &P/&N"),
    "pdf.title": N_("BÁO CÁO KẾT QUẢ CÁC CHỈ SỐ"),
    "pdf.total": N_("Tổng cộng"),
    "pdf.targets": N_("Chỉ tiêu"),
    "pdf.note": N_(
        "Tỷ lệ trung bình: trung bình cộng tỷ lệ của các đơn vị có số liệu; tỷ lệ chung: "
        "tổng tử số trên tổng mẫu số của cấp."
    ),
    "pdf.chart": NP_(
        "Biểu đồ {n}: {indicator} – {level} ({units} đơn vị)",
        "Biểu đồ {n}: {indicator} – {level} ({units} đơn vị)",
        "units",
    ),
    "pdf.continued": N_("(tiếp theo)"),
    "pdf.no_data": N_("không phát sinh"),
    "target_line": N_("Chỉ tiêu {value}"),
    "mean_line": N_("TB {value}"),
    "pdf.legend_met": N_("Đạt chỉ tiêu"),
    "pdf.legend_below": N_("Chưa đạt chỉ tiêu"),
    "previous_legend": N_("Tỷ lệ {period}"),
    "pdf.appendix": N_("PHỤ LỤC"),
    "pdf.appendix_title": N_("KẾT QUẢ CHI TIẾT THEO ĐƠN VỊ"),
    "pdf.table": NP_(
        "Bảng {n}: {indicator} – {level} ({units} đơn vị)",
        "Bảng {n}: {indicator} – {level} ({units} đơn vị)",
        "units",
    ),
    "pdf.below": N_("Các đơn vị chưa đạt chỉ tiêu"),
    "pdf.below_item": N_("{name}: {rate} (chỉ tiêu {target})"),
    "pdf.none_below": N_("Tất cả các đơn vị có số liệu đều đạt chỉ tiêu."),
    "pdf.remarks": N_("Nhận xét"),
    "pdf.warnings": N_("Cảnh báo về số liệu"),
    "pdf.page": N_("Trang {n}/{of}"),
    # the báo cáo in the layout of Nghị định 30/2020/NĐ-CP (Word and PDF)
    "doc.number": N_("Số: {number}"),
    "doc.date": N_("{place}, ngày {d} tháng {m} năm {y}"),
    "doc.kind": N_("BÁO CÁO"),
    "doc.subject_one": N_("Kết quả thực hiện chỉ số {indicator} {period}"),
    "doc.subject": N_("Kết quả thực hiện các chỉ số theo đơn vị {period}"),
    "doc.intro": N_("Trên cơ sở số liệu {period} của các đơn vị, kết quả thực hiện các chỉ số như sau:"),
    "doc.intro_compared": N_(
        "Trên cơ sở số liệu {period} của các đơn vị, so sánh với {since}, kết quả thực hiện các chỉ số "
        "như sau:"
    ),
    "doc.targets": N_("Chỉ tiêu: {goals}."),
    "doc.table": N_("Bảng {n}: {indicator} theo cấp"),
    "doc.below_level": NP_(
        "{level} ({n} đơn vị): {items}.",
        "{level} ({n} đơn vị): {items}.",
        "n",
    ),
    "doc.recipients": N_("Nơi nhận:"),
    "doc.closing": N_("Trên đây là báo cáo {subject}./."),
}


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@lru_cache(maxsize=4)
def words_for(lang: str) -> dict[str, str]:
    """The whole table in ``lang`` (Vietnamese unless "en"), from the gettext catalog; a message
    with a count in its form for many (:func:`word` picks the right one)."""
    return {key: _translated(lang, message) for key, message in WORDS.items()}


def _translated(lang: str, message: str | tuple[str, str] | Plural) -> str:
    if isinstance(message, Plural):
        return plural_in(lang, message.singular, message.plural, 2)
    if isinstance(message, tuple):
        context, text = message
        return catalog(lang if lang in LANGUAGES else SOURCE).pgettext(context, text)
    return translate(lang, message)


def word(lang: str, key: str, **values: object) -> str:
    """The entry ``key`` in ``lang`` with ``values`` filled in; a message with a count in the form
    its count asks for ("1 unit", "2 units")."""
    message = WORDS[key]
    if isinstance(message, Plural):
        return render(lang, message, **values)
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

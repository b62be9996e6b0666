"""How each indicator was read from its file, in words: the counts it is computed from, the file's
rate column and the scale it is written on and why, the block it sits in. The text report lists
these under each file; the window shows them in the indicator's tooltip and its "Cách đọc tệp"
panel; the JSON gives the same as fields."""

from __future__ import annotations

from typing import Any

from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.tables.measures import IndicatorReading, SheetImport
from desktop_app.models.translation import M_, N_, Message, Series, Words, language

EVIDENCE = {
    "counts": N_("theo số liệu đếm cùng dòng"),
    "format": N_("theo định dạng % của ô"),
    "values": N_("theo giá trị các ô, không có gì khác để đối chiếu"),
    "text": N_("ô ghi kèm dấu %"),
    "none": N_("cột không có số"),
}
SCALES = {"fraction": N_("phân số (0,95 = 95 %)"), "percent": N_("phần trăm (95 = 95 %)")}


def describe(reading: IndicatorReading, lang: str | None = None) -> str:
    """One line, in ``lang`` (the current language when None): "Tỷ lệ (khối 2): tính từ «Tổng đã
    nhập» / «Số cần nhập» (khối 2); cột «Tỷ lệ» của tệp ghi dạng phân số (theo số liệu đếm cùng
    dòng), chỉ để đối chiếu."."""
    return said(reading).render(lang or language())


def reading_label(reading: IndicatorReading, lang: str) -> str:
    """The indicator's name: a known one's in ``lang``, a file's own as the file writes it."""
    info = known_indicators().get(reading.key)
    return info.name(lang) if info is not None else reading.label


def said(reading: IndicatorReading) -> Message:
    """:func:`describe` as data."""
    cols = reading.columns
    parts: list[Message | Series] = []
    if reading.source in ("counts", "both"):
        parts.append(
            M_(
                "tính từ «{numerator}» / «{denominator}» (khối {block})",
                numerator=cols.get("numerator", ""),
                denominator=cols.get("denominator", ""),
                block=reading.block,
            )
        )
    if reading.source in ("rate_column", "both"):
        scale = M_(SCALES[reading.scale]) if reading.scale in SCALES else ""
        why = M_(EVIDENCE[reading.scale_from]) if reading.scale_from in EVIDENCE else ""
        written: Message | Series = M_(
            "cột «{rate}» của tệp ghi dạng {scale} ({why})", rate=cols.get("rate", ""), scale=scale, why=why
        )
        if reading.source == "both":
            written = Series((written, M_(", chỉ để đối chiếu")), "")
        else:
            written = Series((M_("lấy tỷ lệ trong tệp (khối {block}): ", block=reading.block), written), "")
        parts.append(written)
    label = known_indicators().get(reading.key)
    indicator = Words(label.label, label.label_en) if label is not None else reading.label
    return M_("{indicator}: {how}.", indicator=indicator, how=Series(tuple(parts), "; "))


def reading_fields(reading: IndicatorReading | None) -> dict[str, Any]:
    """The JSON's statement of one indicator's reading (nulls when nothing was read from a table)."""
    if reading is None:
        return {"source": None, "scale": None, "block": None, "columns": {}}
    return {
        "source": reading.source,
        "scale": reading.scale,
        "scale_from": reading.scale_from,
        "block": reading.block,
        "columns": dict(reading.columns),
        "cells": dict(reading.cells),
    }


def first_readings(sheets: list[SheetImport]) -> dict[str, IndicatorReading]:
    """Each indicator's reading in the first sheet that gave it."""
    out: dict[str, IndicatorReading] = {}
    for sheet in sheets:
        for key, reading in sheet.readings.items():
            out.setdefault(key, reading)
    return out

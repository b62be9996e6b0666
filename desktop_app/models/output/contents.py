"""What goes into one báo cáo: which indicators and levels, the paragraph as the clerk edited it,
and the subject under "BÁO CÁO". The Word and PDF reports read the same choice.

A seven-indicator file makes a long report; the clerk keeps the ones the leadership asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.output.words import average_label, capitalised, level_label, period_text
from desktop_app.models.tables.levels import LEVELS
from desktop_app.models.text import fold
from desktop_app.models.translation import M_
from desktop_app.models.words import word


@dataclass(frozen=True)
class TrendLine:
    """One line of a level's trend: its mean (MEAN) or pooled (POOLED) rate in each period, None
    where it had none; ``level`` None: every unit of the report together."""

    level: str | None
    kind: str
    rates: tuple[float | None, ...]


@dataclass(frozen=True)
class TrendTable:
    """One indicator's levels over the stored periods (oldest first), as the history gives them:
    plain figures, so the outputs never open the history themselves."""

    indicator: str
    periods: tuple[str, ...]
    lines: tuple[TrendLine, ...]

    def heads(self, lang: str = "vi") -> list[str]:
        """ "Tháng 7/2023", … one per period."""
        return [capitalised(period_text(p, lang)) or p for p in self.periods]

    def labels(
        self, line: TrendLine, lang: str = "vi", names: Mapping[str, str] | None = None
    ) -> tuple[str, str]:
        """("Cấp tỉnh", "Tỷ lệ chung"): the line's level and which average it is."""
        level = word(lang, "out.all_levels") if line.level is None else level_label(line.level, lang, names)
        return level, average_label(line.kind, lang)


@dataclass(frozen=True)
class ReportContents:
    """``indicators``/``levels``: keys to keep, None for all; ``paragraphs``: an indicator's text
    as edited in the window, in place of the one written from the figures; ``subject``: the line
    under "BÁO CÁO", else one made from the indicators and the period; ``trends``: each indicator's
    levels over the stored periods, printed after its charts (none without a history)."""

    indicators: tuple[str, ...] | None = None
    levels: tuple[str, ...] | None = None
    paragraphs: Mapping[str, str] = field(default_factory=dict)
    subject: str = ""
    trends: tuple[TrendTable, ...] = ()

    def trend_of(self, key: str) -> TrendTable | None:
        """The trend table of indicator ``key``, with its lines of the kept levels only."""
        table = next((t for t in self.trends if t.indicator == key), None)
        if table is None or self.levels is None:
            return table
        lines = tuple(line for line in table.lines if line.level is None or line.level in self.levels)
        return TrendTable(table.indicator, table.periods, lines)

    def chosen(self, summary: Summary) -> list[IndicatorInfo]:
        """The summary's indicators that the report keeps, in the summary's order."""
        keep = self.indicators
        return [i for i in summary.indicators if keep is None or i.key in keep]

    def level_stats(self, summary: Summary, key: str) -> list[GroupStats]:
        """The kept levels of one indicator, in the table's order."""
        keep = self.levels
        return [s for s in summary.levels if s.indicator == key and (keep is None or s.level in keep)]

    def keeps_level(self, level: str | None) -> bool:
        return self.levels is None or level in self.levels


def parse_choice(text: str | None, summary: Summary, what: str) -> tuple[str, ...] | None:
    """ "signing,online_dossier" -> the keys, checked against the summary: an unknown one is
    refused with the ones there are. ``what`` is "indicators" or "levels"."""
    if not text:
        return None
    keys = tuple(dict.fromkeys(k.strip() for k in text.split(",") if k.strip()))
    if what == "levels":
        known: Iterable[str] = [level for level in LEVELS if any(s.level == level for s in summary.levels)]
    else:
        known = [i.key for i in summary.indicators]
    known = list(known)
    unknown = [k for k in keys if k not in known]
    if unknown:
        label = M_("chỉ số") if what == "indicators" else M_("cấp")
        message = M_(
            "không có {what} «{keys}» trong báo cáo; có: {known}.",
            what=label,
            keys=", ".join(unknown),
            known=", ".join(known),
        )
        raise ReportError(None, message)
    return keys or None


_FORM_CODE = re.compile(r"^\(?\s*(bieu|mau)(\s+so)?\b|/vpcp/|^phu luc\b")


def is_form_code(title: str) -> bool:
    """ "Biểu số II.06a/VPCP/KSTT", "Mẫu số 01", "Phụ lục II": the code of a form, not what a
    report is about."""
    return bool(_FORM_CODE.search(fold(title)))


def report_periods(summary: Summary, lang: str = "vi") -> str:
    """ "tháng 8/2023"; several periods joined; "" when none is known."""
    periods = sorted({s.period for s in summary.collection.sheets if s.period})
    return ", ".join(period_text(p, lang) for p in periods)


def subject_line(summary: Summary, contents: ReportContents, lang: str = "vi") -> str:
    """The subject under "BÁO CÁO": the clerk's, else "Kết quả thực hiện chỉ số tỷ lệ hồ sơ trực
    tuyến tháng 8/2023" (one indicator) or "Kết quả thực hiện các chỉ số … tháng 8/2023". Never a
    source file's form code ("Biểu số II.06a/VPCP/KSTT")."""
    if contents.subject.strip():
        return contents.subject.strip()
    chosen = contents.chosen(summary)
    when = report_periods(summary, lang)
    if len(chosen) == 1:
        name = chosen[0].name(lang)
        name = name if lang == "en" or name[:2].isupper() else name[:1].lower() + name[1:]
        text = word(lang, "out.doc.subject_one", indicator=name, period=when)
    else:
        text = word(lang, "out.doc.subject", period=when)
    return " ".join(text.split())


__all__ = [
    "ReportContents",
    "TrendLine",
    "TrendTable",
    "is_form_code",
    "parse_choice",
    "report_periods",
    "subject_line",
]

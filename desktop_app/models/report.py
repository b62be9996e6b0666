"""One report: the sheets of one province and one period that complete each other, and whether
an older report can be the earlier period of a newer one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.models.indicators.merge import province_name, province_of
from desktop_app.models.output.words import capitalised, period_text
from desktop_app.models.tables.measures import SheetImport
from desktop_app.models.tables.period import period_bounds

__all__ = ["Report", "ReportName", "attachable", "make_report", "period_order", "sheet_id"]


def sheet_id(sheet: SheetImport) -> str:
    """A sheet's key while it is open: its file and its sheet's name."""
    return f"{sheet.path}\n{sheet.sheet}"


def period_order(period: str | None) -> tuple[str, str, str]:
    """Periods in time order: by last month, then first ("2024-Q3" after "2024-08")."""
    if not period:
        return ("", "", "")
    start, end = period_bounds(period)
    return end or period, start or period, period


@dataclass(frozen=True)
class ReportName:
    """A report's name on screen, as data: put into words where it is shown ("Lào Cai · Tháng
    10/2024"), with what tells two open reports of one name apart (their file's or sheet's name)."""

    where: str  # the province, or the file's name when the title block names none
    period: str | None
    apart: str = ""

    def render(self, lang: str) -> str:
        name = " · ".join(p for p in (self.where, capitalised(period_text(self.period, lang))) if p)
        return f"{name} ({self.apart})" if self.apart else name


@dataclass(eq=False)
class Report:
    """One report: sheets of one province and one period that complete each other."""

    key: str  # the id of its first sheet
    sheets: list[SheetImport]
    province: str | None  # "Lào Cai", when the title block names it
    period: str | None
    earlier: bool = False  # kept as the earlier period of another report, not shown on its own
    previous: list[Report] = field(default_factory=list)  # the earlier period compared with
    of: Report | None = None  # an earlier report: the report it is compared with
    stored: bool = False  # an earlier period from the history database, not a file open
    _context: str | None = None  # the province as matched (folded)

    def paths(self) -> list[str]:
        return list(dict.fromkeys(s.path for s in self.sheets))

    def ids(self) -> set[str]:
        return {sheet_id(s) for s in self.sheets}

    def indicators(self) -> list[str]:
        """The indicator keys its sheets report, in the files' order."""
        return list(dict.fromkeys(k for s in self.sheets for u in s.units for k in u.measures))

    def issuer(self) -> str:
        """The issuing body as the title block writes it ("UBND TỈNH LÀO CAI"), first line."""
        lines = [line.strip() for s in self.sheets for line in s.issuer.splitlines() if line.strip()]
        return lines[0] if lines else ""

    def name(self) -> ReportName:
        """ "Lào Cai · Tháng 10/2024"; the file's name in place of a province the title block does
        not name (a ranking of provinces)."""
        return ReportName(self.province or Path(self.sheets[0].path).stem, self.period)


def attachable(older: Report, newer: Report) -> bool:
    """Whether ``older`` can be the earlier period of ``newer``: the same province as far as the
    files tell, and an earlier period when both are known."""
    a, b = older._context, newer._context
    if a is not None and b is not None and a != b:
        return False
    if older.period and newer.period:
        return period_order(older.period) < period_order(newer.period)
    return True


def make_report(sheets: list[SheetImport], earlier: bool = False, stored: bool = False) -> Report:
    """The report these sheets make (``stored``: an earlier period rebuilt from the history)."""
    period = next((s.period for s in sheets if s.period), None)
    province = next((p for s in sheets if (p := province_name(s))), None)
    context = next((c for s in sheets if (c := province_of(s))), None)
    return Report(sheet_id(sheets[0]), sheets, province, period, earlier, stored=stored, _context=context)

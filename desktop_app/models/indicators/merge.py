"""Units of several files merged into one list: by name, within one period and one province.

The signing report and the one-stop report of one month complete each other; a unit of another
month or province stays a row of its own. Last period's files, if loaded, become ``previous``.
:func:`report_groups` says which sheets make one report at all: the window shows reports of
different provinces or periods one at a time, never merged or averaged together.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from desktop_app.models.indicators.catalog import IndicatorInfo, indicator_info, known_indicators
from desktop_app.models.indicators.comparison import split_history
from desktop_app.models.indicators.names import unit_key
from desktop_app.models.resources import resource_text
from desktop_app.models.tables.measures import Measure, SheetImport
from desktop_app.models.tables.vocabulary import vocabulary
from desktop_app.models.text import fold, shown
from desktop_app.models.translation import M_, NP_, Message, Words

Context = tuple[str | None, str | None]  # (period, province)
MAX_REPEATS_NAMED = 20  # a sheet's repeated names warned about one by one; the rest are counted
Shape = tuple[Context, frozenset[str]]  # a context and the indicators held
# Sheets of one province and period are one report unless they report the same units with the same
# indicators: a share of the smaller sheet's (unit, indicator) pairs above this is another report.
SAME_REPORT_OVERLAP = 0.1


@dataclass
class Unit:
    """A unit as the user sees it: one row, its measures gathered from every file."""

    name: str
    level: str
    measures: dict[str, Measure] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    group: str | None = None  # the district or other group the unit sits under in its file


@dataclass
class Collection:
    """What a set of files holds, before targets: merged units, indicators, warnings."""

    sheets: list[SheetImport]
    units: list[Unit]
    indicators: list[IndicatorInfo]
    warnings: list[Message]
    previous: Collection | None = None  # last period's files, when the user loaded them too
    # Labels for levels in place of "Cấp tỉnh" …: rows without an administrative level are named by
    # their files' unit header ("Tên CSKCB", "Lĩnh vực") when they are no bodies, or when no row
    # has a level at all; see :func:`level_names`.
    level_names: dict[str, str] = field(default_factory=dict)

    @property
    def has_levels(self) -> bool:
        """Whether any unit has an administrative level (else the outputs show no level column)."""
        return any(u.level != "unknown" for u in self.units)


def collect(sheets: list[SheetImport], previous: list[SheetImport] | None = None) -> Collection:
    """Merge units of several files by name; the earlier period's files become ``previous``:
    those given as ``previous``, else those of an earlier period found among ``sheets``."""
    if previous:
        current = list(sheets)
    else:
        current, previous = split_history(sheets)
    collection = _merge(current)
    if previous:
        collection.previous = _merge(previous)
    return collection


def province_of(sheet: SheetImport) -> str | None:
    """The province a report comes from, when its title block names one ("UBND TỈNH LÀO CAI")."""
    pattern = vocabulary().patterns["province"]
    for line in [*sheet.issuer.splitlines(), sheet.title]:
        if match := pattern.search(fold(line)):
            return match.group(1).strip()
    return None


def province_name(sheet: SheetImport) -> str | None:
    """The province of :func:`province_of` as it is written ("Lào Cai", "Hà Nội"), else None."""
    folded = province_of(sheet)
    if folded is None:
        return None
    return _province_spellings().get(folded, folded.title())


def _province_spellings() -> dict[str, str]:
    if not hasattr(_province_spellings, "cache"):
        lines = [line.strip() for line in resource_text("provinces.txt").splitlines()]
        names = [line for line in lines if line and not line.startswith("#")]
        _province_spellings.cache = {fold(name): name for name in reversed(names)}  # type: ignore[attr-defined]
    return _province_spellings.cache  # type: ignore[attr-defined]


def unit_pairs(sheets: list[SheetImport]) -> set[tuple[str, str]]:
    """(unit, indicator) pairs the sheets report, units by their matching key."""
    return {(unit_key(u.name), k) for s in sheets for u in s.units for k in u.measures}


@dataclass
class _Report:
    context: Context
    sheets: list[SheetImport]
    pairs: set[tuple[str, str]]


def report_groups(sheets: list[SheetImport]) -> list[list[SheetImport]]:
    """The sheets grouped into reports, in the order given: a sheet joins the first report of the
    same period and province (as far as the files tell) that it completes (another indicator,
    or other units: two sheets of one workbook, one report split per level). A second report of
    the same units and indicators (a corrected copy, another system's export) stays apart."""
    reports: list[_Report] = []
    for sheet in sheets:
        here = (sheet.period, province_of(sheet))
        pairs = unit_pairs([sheet])
        for report in reports:
            shared = len(pairs & report.pairs)
            if _compatible(report.context, here) and shared <= SAME_REPORT_OVERLAP * min(
                len(pairs), len(report.pairs)
            ):
                report.sheets.append(sheet)
                report.pairs |= pairs
                report.context = (report.context[0] or here[0], report.context[1] or here[1])
                break
        else:
            reports.append(_Report(here, [sheet], pairs))
    return [r.sheets for r in reports]


def _compatible(a: Context, b: Context) -> bool:
    """Same month and same province, as far as the files tell: only then is "Sở Tư pháp" one unit."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


class _Twins:
    """The units of one name key, found in constant time per row however often the name repeats.

    Units are kept in heaps by what decides a merge, their (period, province) and the indicators
    they hold (one set per sheet, so a handful of shapes), ordered by when they were made: the row
    goes to the first unit of a compatible context that lacks its indicators, as a scan of every
    earlier unit of the name would find, without the scan (15,000 copies of one name took minutes).
    """

    def __init__(self) -> None:
        self.first: Unit | None = None  # the name's first unit, which a warning names
        self.shapes: dict[Shape, list[tuple[int, Unit]]] = {}

    def candidates(self, here: Context, wanted: set[str]) -> tuple[bool, Shape | None]:
        """(whether a unit of a compatible context exists, the shape whose earliest unit is the
        earliest one lacking ``wanted``)."""
        any_compatible, best = False, None
        for shape, heap in self.shapes.items():
            if not _compatible(shape[0], here):
                continue
            any_compatible = True
            if not shape[1] & wanted and (best is None or heap[0][0] < self.shapes[best][0][0]):
                best = shape
        return any_compatible, best

    def take(self, shape: Shape) -> tuple[int, Unit]:
        """The earliest unit of ``shape``, removed to be updated and put back."""
        heap = self.shapes[shape]
        found = heapq.heappop(heap)
        if not heap:
            del self.shapes[shape]
        return found

    def put(self, order: int, unit: Unit, context: Context) -> None:
        heapq.heappush(self.shapes.setdefault((context, frozenset(unit.measures)), []), (order, unit))


class _Merger:
    """Units by name key, with the (period, province) each one's files told."""

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self.by_key: dict[str, _Twins] = {}
        self.warnings: list[Message] = []

    def add_sheet(self, sheet: SheetImport) -> None:
        here = (sheet.period, province_of(sheet))
        seen_here: set[str] = set()
        repeats = 0
        for record in sheet.units:
            key = unit_key(record.name)
            if key in seen_here:
                repeats += 1
                if repeats <= MAX_REPEATS_NAMED:
                    self.warnings.append(
                        M_(
                            "Đơn vị «{unit}» xuất hiện nhiều lần trong {source} (dòng {row}).",
                            unit=shown(record.name),
                            source=record.source,
                            row=str(record.row),
                        )
                    )
            twins = self.by_key.setdefault(key, _Twins())
            same_report, shape = twins.candidates(here, set(record.measures))
            if shape is None:
                if same_report and key not in seen_here and twins.first is not None:
                    self.warnings.append(
                        M_(
                            "Đơn vị «{unit}» có cùng chỉ số trong nhiều tệp ({sources}; {source}): "
                            "giữ cả hai dòng.",
                            unit=shown(record.name),
                            sources=", ".join(twins.first.sources),
                            source=record.source,
                        )
                    )
                order, target, context = (
                    len(self.units),
                    Unit(record.name, record.level, group=record.group),
                    here,
                )
                self.units.append(target)
                twins.first = twins.first or target
            else:
                (order, target), context = twins.take(shape), shape[0]
                if target.level == "unknown":
                    target.level = record.level
            target.group = target.group or record.group
            context = (
                context[0] if context[0] is not None else here[0],
                context[1] if context[1] is not None else here[1],
            )
            target.measures.update(record.measures)
            target.sources.append(record.source)
            twins.put(order, target, context)
            seen_here.add(key)
        if repeats > MAX_REPEATS_NAMED:  # a list of thousands of lines is read by nobody
            self._more_repeats(repeats - MAX_REPEATS_NAMED, sheet.units[0].source)

    def _more_repeats(self, more: int, source: str) -> None:
        line = NP_(
            "Còn {count} dòng khác trong {source} lặp lại tên đơn vị đã có.",
            "Còn {count} dòng khác trong {source} lặp lại tên đơn vị đã có.",
            "count",
        )
        self.warnings.append(M_(line, count=more, source=source))


def _merge(sheets: list[SheetImport]) -> Collection:
    """Units of several files by name; a name repeated with the same indicator is a warning."""
    merger = _Merger()
    labels: dict[str, str | Words] = {}
    for sheet in sheets:
        merger.warnings.extend(sheet.warnings)
        labels.update(sheet.labels)
        merger.add_sheet(sheet)
    present = {k for u in merger.units for k in u.measures}
    order = [k for k in known_indicators() if k in present]
    order += [k for k in labels if k in present and k not in order]  # custom ones in the file's order
    order += sorted(present - set(order))
    indicators = [indicator_info(k, labels.get(k)) for k in order]
    collection = Collection(sheets, merger.units, indicators, merger.warnings)
    collection.level_names = level_names(sheets, collection.has_levels)
    return collection


def level_names(sheets: list[SheetImport], has_levels: bool) -> dict[str, str]:
    """{"unknown": the unit column's header} when the files' rows without a level are no
    administrative bodies (health facilities, procedure fields), or when no row has a level:
    "Chưa rõ cấp" then says nothing the header does not say better."""
    sources = [s for s in sheets if any(u.level == "unknown" for u in s.units)]
    if not sources or not all(s.unit_header for s in sources):
        return {}
    if has_levels and any(s.bodies for s in sources):
        return {}
    return {"unknown": " / ".join(dict.fromkeys(s.unit_header for s in sources))}

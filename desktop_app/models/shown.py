"""What the table, the charts and the summary show: one report, or several reports side by side.

Side by side, the units of each report are rows of their own, one after the other, each report's
figures computed from its own units only: nothing of one province or period is averaged, ranked
or compared with another's. A unit is numbered across the parts (``units[i]``); ``part(i)`` says
whose it is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.models.indicators.catalog import IndicatorInfo
from desktop_app.models.indicators.figures import Assessment
from desktop_app.models.indicators.merge import Unit
from desktop_app.models.indicators.summary import Summary
from desktop_app.models.output.assumptions import said
from desktop_app.models.translation import Message, Renders, plain


@dataclass(frozen=True)
class ShownPart:
    """One report of the view: its key, its name on screen, its figures and where its units start."""

    key: str
    label: Renders  # put into words where it is shown (a ReportName)
    summary: Summary
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.summary.units)


class Shown:
    """The reports on screen, their units numbered one after the other."""

    def __init__(self, parts: Sequence[tuple[str, Renders, Summary]]) -> None:
        self.parts: list[ShownPart] = []
        start = 0
        for key, label, summary in parts:
            self.parts.append(ShownPart(key, label, summary, start))
            start += len(summary.units)
        self.units: list[Unit] = [u for p in self.parts for u in p.summary.units]
        self.assessments: list[dict[str, Assessment]] = [a for p in self.parts for a in p.summary.assessments]
        self._starts = [p.start for p in self.parts]

    @classmethod
    def of(cls, summary: Summary, key: str = "", label: Renders | None = None) -> Shown:
        """One report's summary as a view."""
        return cls([(key, label or plain(""), summary)])

    @property
    def side_by_side(self) -> bool:
        return len(self.parts) > 1

    @property
    def first(self) -> Summary:
        return self.parts[0].summary

    def part(self, unit: int) -> ShownPart:
        """The report unit ``unit`` belongs to."""
        return self.parts[bisect_right(self._starts, unit) - 1]

    def local(self, unit: int) -> tuple[ShownPart, int]:
        """(its report, its index in that report's summary.units)."""
        part = self.part(unit)
        return part, unit - part.start

    @property
    def indicators(self) -> list[IndicatorInfo]:
        """Every report's indicators, each once, in the order the reports give them."""
        seen: dict[str, IndicatorInfo] = {}
        for part in self.parts:
            for info in part.summary.indicators:
                seen.setdefault(info.key, info)
        return list(seen.values())

    @property
    def has_levels(self) -> bool:
        return any(p.summary.collection.has_levels for p in self.parts)

    @property
    def has_groups(self) -> bool:
        return any(p.summary.has_groups for p in self.parts)

    @property
    def compared(self) -> bool:
        """Whether some report on screen is compared with an earlier period."""
        return any(p.summary.previous is not None for p in self.parts)

    @property
    def unit_word(self) -> str | None:
        """The files' own word for the rows when every report has one and no level ("Tên CSKCB")."""
        words = {p.summary.unit_word for p in self.parts}
        return words.pop() if len(words) == 1 else None

    @property
    def warnings(self) -> list[Message]:
        return [w for p in self.parts for w in p.summary.collection.warnings]

    def readings(self) -> dict[str, list[Message]]:
        """How each indicator was read from the files on screen, as messages (one per way it was
        read: reports side by side may differ)."""
        out: dict[str, list[Message]] = {}
        for part in self.parts:
            for sheet in part.summary.collection.sheets:
                for key, reading in sheet.readings.items():
                    lines = out.setdefault(key, [])
                    if (line := said(reading)) not in lines:
                        lines.append(line)
        return out

    def has_targets(self, indicator: str) -> bool:
        """Whether any unit on screen has a target for ``indicator`` (a ranking has none)."""
        return any(a[indicator].target is not None for a in self.assessments if indicator in a)

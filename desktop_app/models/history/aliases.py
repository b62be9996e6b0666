"""The name book: which unit a name written in a report is, across months.

Three kinds of entry, all kept in the database and importable from a file:

- ``alias``: another spelling of one unit, always ("UBND H. Gia Bình" is "UBND huyện Gia Bình");
- ``merger``: from the period ``since`` on, the old unit is part of ``canonical`` (1 July 2025:
  communes merged, provinces merged); earlier months of the old units add up to the new one's;
- ``dissolved``: the unit ends at ``since`` with no successor (the district level, 1 July 2025);
  its months stay in the history, readable under its own name.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.models.indicators.names import unit_key
from desktop_app.models.tables.period import period_bounds

ALIAS, MERGER, DISSOLVED = "alias", "merger", "dissolved"
KINDS = (ALIAS, MERGER, DISSOLVED)
REORGANISATION = "2025-07"  # Nghị quyết 202/2025/QH15 and the two-level local government, 1 July 2025
_MAX_CHAIN = 8  # an alias of an alias …; a loop in a hand-written file ends here


@dataclass(frozen=True)
class Alias:
    name: str  # the name as a report writes it (an old name, another spelling)
    canonical: str | None  # the unit it is or became; None: dissolved
    kind: str = ALIAS
    since: str | None = None  # first month ("2025-07") without the old unit, for a merger or dissolution

    @property
    def key(self) -> str:
        return unit_key(self.name)


def month_of(period: str | None) -> str | None:
    """The last month of a period code, for comparing with ``since``."""
    return period_bounds(period)[1] if period else None


class NameBook:
    """Resolves a name written in a report of one period to the unit it is, as seen from a later
    period (``view``): aliases always, a merger only across its date."""

    def __init__(self, entries: list[Alias] | None = None) -> None:
        self.entries = {e.key: e for e in entries or []}

    def __bool__(self) -> bool:
        return bool(self.entries)

    def resolve(self, name: str, period: str | None = None, view: str | None = None) -> str:
        """The name of the unit ``name`` (written in ``period``) is in ``view``'s time: an alias's
        canonical name, a merged unit's successor when ``period`` is before the merger and
        ``view`` from it on; otherwise ``name`` itself."""
        when, seen_from = month_of(period), month_of(view)
        current = name
        for _ in range(_MAX_CHAIN):
            entry = self.entries.get(unit_key(current))
            if entry is None or entry.canonical is None or not self._applies(entry, when, seen_from):
                return current
            if unit_key(entry.canonical) == unit_key(current):
                return entry.canonical
            current = entry.canonical
        return current

    @staticmethod
    def _applies(entry: Alias, when: str | None, seen_from: str | None) -> bool:
        if entry.kind == ALIAS:
            return True
        if entry.kind != MERGER or entry.since is None:
            return False
        if when is None or seen_from is None:
            return False
        return when < entry.since <= seen_from

    def dissolved(self, name: str) -> str | None:
        """The month a unit was dissolved in, if it was."""
        entry = self.entries.get(unit_key(name))
        return entry.since if entry is not None and entry.kind == DISSOLVED else None

    def names_of(self, canonical: str) -> list[str]:
        """Every name the book sends to ``canonical`` (its old names, its other spellings)."""
        key = unit_key(canonical)
        return [e.name for e in self.entries.values() if e.canonical and unit_key(e.canonical) == key]

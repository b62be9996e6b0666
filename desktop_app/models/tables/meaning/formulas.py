"""How each known indicator is computed from the count columns a file has."""

from __future__ import annotations

from collections.abc import Callable

Counts = dict[str, float | None]
Formula = Callable[[Counts, set[str]], tuple[float | None, float | None]]


def _sum(counts: Counts, names: tuple[str, ...]) -> float | None:
    values = [counts.get(n) for n in names]
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def received(counts: Counts, have: set[str]) -> float | None:
    """Dossiers received in the period: channels summed, else "mới tiếp nhận", else total less carried."""
    channels = ("received_online", "received_in_person", "received_postal")
    if len(have & set(channels)) >= 2:
        return _sum(counts, channels)
    if "received_new" in have:
        return counts.get("received_new")
    total = counts.get("received_total")
    if total is not None and "carried" in have:
        return total - (counts.get("carried") or 0.0)
    return total


def resolved(counts: Counts, have: set[str]) -> float | None:
    """Dossiers resolved: the total column, else early + on time + late (a late column alone is
    not the whole)."""
    if "resolved" in have:
        return counts.get("resolved")
    if not have & {"resolved_early", "resolved_on_time"}:
        return None
    return _sum(counts, ("resolved_early", "resolved_on_time", "resolved_late"))


def _on_time(counts: Counts, have: set[str]) -> tuple[float | None, float | None]:
    whole = resolved(counts, have)
    if have & {"resolved_early", "resolved_on_time"}:
        return _sum(counts, ("resolved_early", "resolved_on_time")), whole
    if "resolved_late" in have and whole is not None:
        return whole - (counts.get("resolved_late") or 0.0), whole
    return None, None


def _pair(part: str, whole: Callable[[Counts, set[str]], float | None] | str) -> Formula:
    def formula(counts: Counts, have: set[str]) -> tuple[float | None, float | None]:
        if part not in have:
            return None, None
        total = whole(counts, have) if callable(whole) else counts.get(whole)
        return counts.get(part), total

    return formula


FORMULAS: dict[str, Formula] = {
    "signing": _pair("docs_signed", "docs_out"),
    "online_dossier": _pair("received_online", received),
    "online_payment": _pair("paid_online", "fee_owing"),
    "digitized": _pair("digitized_count", received),
    "e_result": _pair("e_result_count", resolved),
    "reuse": _pair("reuse_count", received),
    "dvc_with_online": _pair("dvc_with_online", "dvc_total"),
    "tthc_with_payment": _pair("tthc_with_payment", "tthc_payment_total"),
    "on_time": _on_time,
}

# The count columns without which an indicator cannot be computed at all.
WHOLE_NEEDS: dict[str, tuple[str, ...]] = {
    "signing": ("docs_out",),
    "online_dossier": ("received_in_person", "received_postal", "received_new", "received_total"),
    "online_payment": ("fee_owing",),
    "digitized": ("received_online", "received_in_person", "received_new", "received_total"),
    "e_result": ("resolved", "resolved_early", "resolved_on_time", "resolved_late"),
    "reuse": ("received_online", "received_in_person", "received_new", "received_total"),
    "dvc_with_online": ("dvc_total",),
    "tthc_with_payment": ("tthc_payment_total",),
    "on_time": ("resolved", "resolved_early", "resolved_on_time", "resolved_late"),
}


def computable(have: set[str]) -> list[str]:
    """Indicators the file's count columns allow to compute."""
    out = []
    for key, formula in FORMULAS.items():
        probe: Counts = dict.fromkeys(have, 1.0)
        numerator, denominator = formula(probe, have)
        if numerator is not None and denominator is not None and have & set(WHOLE_NEEDS[key]):
            out.append(key)
    return out

"""What a stored report is: the system it comes from and the province it is about."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.models.tables.vocabulary import vocabulary
from desktop_app.models.text import fold

DOCUMENTS = "qlvb"  # Hệ thống quản lý văn bản và điều hành (iOffice): digital signing
PROCEDURES = "tthc"  # Hệ thống thông tin giải quyết TTHC (iGate, the public-service portal)
_DOCUMENT_INDICATORS = frozenset({"signing"})
_PROCEDURE_INDICATORS = frozenset(
    {
        "online_dossier",
        "online_payment",
        "digitized",
        "e_result",
        "reuse",
        "dvc_with_online",
        "tthc_with_payment",
        "on_time",
    }
)


def system_of(indicators: Iterable[str]) -> str:
    """ "qlvb", "tthc", both joined by "+", or "" for a table of neither (a custom one)."""
    keys = set(indicators)
    systems = [
        name
        for name, known in ((DOCUMENTS, _DOCUMENT_INDICATORS), (PROCEDURES, _PROCEDURE_INDICATORS))
        if keys & known
    ]
    return "+".join(systems)


def province_in(issuer: str, title: str) -> str | None:
    """The province the title block names ("UBND TỈNH LÀO CAI" -> "lao cai"), folded, as the
    merging of units reads it (``merge.province_of``)."""
    pattern = vocabulary().patterns["province"]
    for line in [*issuer.splitlines(), title]:
        if match := pattern.search(fold(line)):
            return match.group(1).strip()
    return None

"""The one place that touches QSettings: every setting declared once, with its type and default.

User choices (recent files, language, targets, headline averages) are kept apart from window state
(geometry, splitter sizes), as Picard's ``config.py`` does. Lists are stored as JSON
text so that INI files and the Windows registry read back the same thing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.catalog import HEADLINES as HEADLINE_KINDS
from desktop_app.models.output.office import OfficeDetails, office_from_mapping

logger = logging.getLogger(__name__)

T = TypeVar("T")

ORGANIZATION = "ChiSoMotCua"
APPLICATION = "chi-so-mot-cua"  # ASCII: it names the settings file and the data folder
MAX_RECENT = 10
LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """A key, the Python type its value has, and the value when nothing is stored."""

    key: str
    kind: type
    default: T
    item: type = str  # the type of a list's items
    valid: Callable[[Any], bool] | None = None  # a value that fails this reads as the default


# user choices
MAX_STORED = 1 << 20  # characters of a stored value; a settings file is not a place for more


def _paths(value: list[str]) -> bool:
    return len(value) <= 1000 and all(0 < len(p) < 4096 and "\0" not in p for p in value)


def _sizes(value: list[int]) -> bool:
    return len(value) == 2 and all(0 <= v <= 100_000 for v in value)


def _headlines(value: dict[str, str]) -> bool:
    """Indicator keys (at most a few hundred, short) to "mean" or "pooled"."""
    return len(value) <= 1000 and all(0 < len(k) < 1000 and v in HEADLINE_KINDS for k, v in value.items())


RECENT_FILES: Setting[list[str]] = Setting("files/recent", list, [], valid=_paths)
SESSION_FILES: Setting[list[str]] = Setting("files/session", list, [], valid=_paths)
# reports that ended the reader process: not reopened by themselves at the next start
FAILED_FILES: Setting[list[str]] = Setting("files/failed", list, [], valid=_paths)
LANGUAGE: Setting[str] = Setting("ui/language", str, "vi", valid=lambda v: v in LANGUAGES)
USER_TARGETS: Setting[str] = Setting("targets/user_toml", str, "")
INDICATOR: Setting[str] = Setting("ui/indicator", str, "", valid=lambda v: len(v) < 1000)
# per indicator, the average the summary, the paragraph and the exports lead with
HEADLINES: Setting[dict[str, str]] = Setting("ui/headlines", dict, {}, valid=_headlines)
# the office that issues the báo cáo ("Thông tin cơ quan"), entered once for Word, PDF and Excel:
# OfficeDetails' fields by name, the two lists one item a line
OFFICE_FIELDS = ("superior", "issuer", "number", "place", "recipients", "signer_title", "signer_name")


def _office(value: dict[str, str]) -> bool:
    return set(value) <= set(OFFICE_FIELDS) and all(len(v) < 10_000 for v in value.values())


OFFICE: Setting[dict[str, str]] = Setting("office/details", dict, {}, valid=_office)
# history (models/history): the database ("": the data folder's, see models/history/location.py)
# and what happens to a report opened: offered for keeping ("ask"), kept by itself, or never
SAVE_ASK, SAVE_ALWAYS, SAVE_NEVER = "ask", "always", "never"
YES, ALWAYS, NO = "yes", "always", "no"  # the answers to "Lưu … vào lịch sử?"
HISTORY_DATABASE: Setting[str] = Setting(
    "history/database", str, "", valid=lambda v: len(v) < 4096 and "\0" not in v
)
HISTORY_SAVE: Setting[str] = Setting(
    "history/save", str, SAVE_ASK, valid=lambda v: v in (SAVE_ASK, SAVE_ALWAYS, SAVE_NEVER)
)
# window state
GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray())
SPLITTER_SIZES: Setting[list[int]] = Setting("window/splitter", list, [], int, valid=_sizes)

# -- the monthly workspace: the session's files and the window's layout -------------------------
# The session (session.py, no Qt) names these by their keys through AppSettings.load/save.
# files of the last session kept as an earlier period, compared with, not shown on their own
SESSION_EARLIER: Setting[list[str]] = Setting("files/session_earlier", list, [], valid=_paths)
# the bundled sample was opened once (the first start): later starts show the start page
SAMPLE_SEEN: Setting[bool] = Setting("files/sample_seen", bool, False)
# figures | paragraph in the summary tab; the tab shown last
SUMMARY_SIZES: Setting[list[int]] = Setting("window/summary_splitter", list, [], int, valid=_sizes)
WORK_TAB: Setting[int] = Setting("window/tab", int, 0, valid=lambda v: 0 <= v < 10)


class AppSettings:
    """Typed access to the application's QSettings; a bad stored value reads as the default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when none is stored or what is stored is unusable
        (wrong type, out of range, huge): a bad settings file never stops the app."""
        try:
            raw = self._store.value(setting.key)
            if raw is None:
                return _copy(setting.default)
            if isinstance(raw, str) and len(raw) > MAX_STORED:
                raise ValueError(f"{len(raw)} characters")
            value = _decode(setting, raw)
            if setting.valid is not None and not setting.valid(value):
                raise ValueError("out of range")
            return value
        except (TypeError, ValueError, OverflowError, RecursionError) as exc:
            logger.warning("setting %s ignored (%s); using the default", setting.key, exc)
            return _copy(setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.kind is list:
            self._store.setValue(setting.key, json.dumps(list(value), ensure_ascii=False))  # type: ignore[call-overload]
        elif setting.kind is dict:
            self._store.setValue(setting.key, json.dumps(dict(value), ensure_ascii=False))  # type: ignore[call-overload]
        elif setting.kind is QByteArray:
            self._store.setValue(setting.key, QByteArray(value))  # type: ignore[call-overload]
        else:
            self._store.setValue(setting.key, setting.kind(value))

    def sync(self) -> None:
        self._store.sync()

    def file_name(self) -> str:
        return self._store.fileName()

    # conveniences for the settings with rules of their own

    def add_recent(self, paths: list[str]) -> list[str]:
        """Put ``paths`` on top of the recent files, without repeats, at most MAX_RECENT."""
        recent = [p for p in paths if p]
        recent += [p for p in self.get(RECENT_FILES) if p not in recent]
        recent = recent[:MAX_RECENT]
        self.set(RECENT_FILES, recent)
        return recent

    def office(self) -> OfficeDetails:
        """The office's details as last entered; a bad stored value reads as none entered."""
        try:
            return office_from_mapping(self.get(OFFICE))
        except ReportError as exc:
            logger.warning("office details ignored (%s)", exc)
            return OfficeDetails()

    def set_office(self, details: OfficeDetails) -> None:
        values = {name: getattr(details, name) for name in OFFICE_FIELDS}
        self.set(OFFICE, {k: "\n".join(v) if isinstance(v, tuple) else v for k, v in values.items()})

    def language(self) -> str:
        lang = self.get(LANGUAGE)
        return lang if lang in LANGUAGES else LANGUAGE.default

    def load(self, key: str) -> Any:
        """The setting declared with ``key``, for code that names settings without Qt."""
        return self.get(_declared()[key])

    def save(self, key: str, value: Any) -> None:
        self.set(_declared()[key], value)


def _declared() -> dict[str, Setting]:
    """Every setting of this module by its key."""
    return {s.key: s for s in globals().values() if isinstance(s, Setting)}


def _copy(value: T) -> T:
    if isinstance(value, list):
        return list(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return dict(value)  # type: ignore[return-value]
    if isinstance(value, QByteArray):
        return QByteArray(value)  # type: ignore[return-value]
    return value


def _decode(setting: Setting[T], raw: object) -> T:
    if setting.kind is list:
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        if setting.item is int and not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value
        ):
            raise TypeError("expected numbers")
        if setting.item is str and not all(isinstance(v, str) for v in value):
            raise TypeError("expected text")
        return [setting.item(v) for v in value]  # type: ignore[return-value]
    if setting.kind is dict:
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise TypeError("expected a table of text")
        return dict(value)  # type: ignore[return-value]
    if setting.kind is QByteArray:
        if isinstance(raw, QByteArray):
            return raw  # type: ignore[return-value]
        if isinstance(raw, bytes | bytearray):
            return QByteArray(bytes(raw))  # type: ignore[return-value]
        raise TypeError(f"expected bytes, got {type(raw).__name__}")
    if setting.kind is str:
        return str(raw)  # type: ignore[return-value]
    if setting.kind is bool:  # INI files and the registry give "true"/"false" back as text
        if raw in (True, False, "true", "false", 1, 0, "1", "0"):
            return raw in (True, "true", 1, "1")  # type: ignore[return-value]
        raise ValueError(f"not a yes or no: {raw!r}")
    return setting.kind(raw)

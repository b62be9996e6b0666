"""The indicators the app knows (resources/indicators.toml), with labels in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from desktop_app.models.resources import resource_toml


@dataclass(frozen=True)
class IndicatorInfo:
    key: str
    label: str  # Vietnamese, as in a report
    short: str
    label_en: str
    short_en: str
    numerator: str = ""
    denominator: str = ""
    custom: bool = False

    def name(self, lang: str = "vi", short: bool = False) -> str:
        if lang == "en":
            return self.short_en if short else self.label_en
        return self.short if short else self.label


@lru_cache(maxsize=1)
def known_indicators() -> dict[str, IndicatorInfo]:
    data = resource_toml("indicators.toml")
    return {item["key"]: IndicatorInfo(**item) for item in data["indicator"]}


def indicator_info(key: str, custom_label: str | None = None) -> IndicatorInfo:
    known = known_indicators()
    if key in known:
        return known[key]
    label = custom_label or key
    return IndicatorInfo(key, label, label, label, label, custom=True)

"""The indicators the app knows (resources/indicators.toml), with labels in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from desktop_app.models.resources import resource_toml
from desktop_app.models.translation import Words

MEAN, POOLED = "mean", "pooled"  # the two averages a report can lead with
HEADLINES = (MEAN, POOLED)


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
    # The average the province publishes first: pooled ("tỷ lệ chung", total online over total
    # received) for dossier counts, the mean of unit rates ("tỷ lệ trung bình") for signing.
    headline: str = MEAN

    def name(self, lang: str = "vi", short: bool = False) -> str:
        if lang == "en":
            return self.short_en if short else self.label_en
        return self.short if short else self.label


@lru_cache(maxsize=1)
def known_indicators() -> dict[str, IndicatorInfo]:
    data = resource_toml("indicators.toml")
    found = {item["key"]: IndicatorInfo(**item) for item in data["indicator"]}
    assert all(i.headline in HEADLINES for i in found.values()), "indicators.toml: headline"
    return found


def indicator_info(key: str, custom_label: str | Words | None = None) -> IndicatorInfo:
    known = known_indicators()
    if key in known:
        return known[key]
    if isinstance(custom_label, Words):  # a name the program gave it ("Tỷ lệ (khối 2)")
        vi, en = custom_label.vi, custom_label.en
        return IndicatorInfo(key, vi, vi, en, en, custom=True)
    label = custom_label or key
    return IndicatorInfo(key, label, label, label, label, custom=True)

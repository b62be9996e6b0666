"""The paragraph staff paste into their monthly report, written from the figures on screen.

Per indicator and level: the average the province publishes first (the pooled rate for dossier
counts, the mean of unit rates for signing) with the other in brackets, the change since the
earlier period in points, the units at 100 %, the lowest, those below target, those too few to
judge; the highest and lowest district where units are grouped; the first and last of a ranking.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from desktop_app.models.indicators.catalog import MEAN, POOLED
from desktop_app.models.indicators.summary import GroupStats, Summary
from desktop_app.models.numbers import format_count, format_points, format_rate, format_target, round2
from desktop_app.models.output.moves import in_province, moves_sentence
from desktop_app.models.output.words import level_label, period_text
from desktop_app.models.tables.levels import is_province_name, level_from_name
from desktop_app.models.text import printable, shown, vietnamese_sort_key
from desktop_app.models.words import word

MAX_LISTED = 10


@dataclass
class Phrasing:
    """What a level's sentence says beside its own figures."""

    lang: str = "vi"
    names: dict[str, str] | None = None  # the files' own words for levels
    headline: str = MEAN  # the average that leads
    since: str | None = None  # the earlier period ("tháng 7/2023"; "" unknown); None: no comparison
    groups: Sequence[GroupStats] = field(default_factory=list)  # the level's districts
    label: str | None = None  # in place of the level's name ("Toàn tỉnh")
    plain: bool = False  # no target applies: figures "là", never "đạt"


def _names(items: list[str], lang: str) -> str:
    listed = [shown(name) for name in items[:MAX_LISTED]]
    more = len(items) - len(listed)
    text = ", ".join(listed)
    return text + word(lang, "out.para.more", n=more) if more else text


def _rated(items: list[tuple[str, float]], lang: str) -> str:
    return _names([f"{n} ({format_rate(r, lang)})" for n, r in items], lang)


def _target_text(s: GroupStats, lang: str) -> str:
    """The level's target when one applies to every unit, "" when they differ."""
    return format_target(s.targets[0], lang) if len(s.targets) == 1 else ""


def _in_sentence(label: str) -> str:
    """ "Tỷ lệ hồ sơ…" -> "tỷ lệ hồ sơ…" inside a sentence; an abbreviation ("TL_Nội trú",
    "DVC…") keeps its capitals."""
    head = label.split(" ", 1)[0]
    return label if len(head) > 1 and head[:2].isupper() else label[:1].lower() + label[1:]


def change_text(points: float | None, lang: str, since: str) -> str:
    """ "tăng 8,51 điểm phần trăm so với tháng 7/2023"; "" when there is nothing to compare."""
    if points is None:
        return ""
    if round2(abs(points)) == 0:
        return word(lang, "out.para.same_since", period=since)
    key = "out.para.up_since" if points > 0 else "out.para.down_since"
    return word(lang, key, points=format_points(points, lang), period=since)


def _average_name(kind: str, lang: str) -> str:
    return word(lang, "out.para.pooled_name" if kind == POOLED else "out.para.mean_name")


def _lead(s: GroupStats, how: Phrasing) -> str:
    """ "Cấp tỉnh: tỷ lệ chung đạt 73,02 % (tỷ lệ trung bình 86,49 %)"; compared with an earlier
    period, each figure with its own change: "Cấp tỉnh: tỷ lệ chung đạt 73,02 % (tăng 8,51 điểm
    phần trăm so với tháng 7/2023), tỷ lệ trung bình 86,49 % (tăng 5,10 điểm phần trăm so với
    tháng 7/2023)"."""
    lang = how.lang
    kind = how.headline if s.average(how.headline) is not None else (POOLED if how.headline == MEAN else MEAN)
    other = MEAN if kind == POOLED else POOLED
    level = how.label or level_label(s.level, lang, how.names)
    value = s.average(kind)
    lead = "out.para.lead_plain" if how.plain else "out.para.lead"
    head = word(lang, lead, level=level, average=_average_name(kind, lang), value=format_rate(value, lang))
    since = None if how.since is None else how.since or word(lang, "out.para.before")
    if since is not None and (moved := change_text(s.change(kind), lang, since)):
        head += f" ({moved})"
    if (second := s.average(other)) is None:
        return head
    text = word(lang, "out.para.other", average=_average_name(other, lang), value=format_rate(second, lang))
    if since is None:
        return f"{head} ({text})"
    moved = change_text(s.change(other), lang, since)
    return f"{head}, {text}" + (f" ({moved})" if moved else "")


def _groups_text(groups: Sequence[GroupStats], lang: str, plain: bool = False) -> str:
    """ "cao nhất là Thành phố Từ Sơn đạt tỷ lệ trung bình 100,00 %, thấp nhất là Huyện Gia Bình
    đạt tỷ lệ trung bình 91,72 %": the groups by the mean of their units' rates."""
    rated = [(g.group or "", round2(g.mean_rate)) for g in groups if g.mean_rate is not None]
    if len(rated) < 2:
        return ""
    top, bottom = max(r for _, r in rated), min(r for _, r in rated)
    if top == bottom:
        return ""
    return word(
        lang,
        "out.para.groups_plain" if plain else "out.para.groups",
        high=_names([_place_in_sentence(g, lang) for g, r in rated if r == top], lang),
        high_rate=format_rate(top, lang),
        low=_names([_place_in_sentence(g, lang) for g, r in rated if r == bottom], lang),
        low_rate=format_rate(bottom, lang),
    )


def _place_in_sentence(group: str, lang: str) -> str:
    """ "Huyện Gia Bình" -> "huyện Gia Bình" after "các đơn vị thuộc"; other groups as written."""
    if (
        lang != "en"
        and level_from_name(group) == "district"
        and group[:1].isupper()
        and not group[:2].isupper()
    ):
        return group[:1].lower() + group[1:]
    return group


def level_sentence(s: GroupStats, how: Phrasing | None = None) -> str:
    """One level of one indicator: averages and change, units at 100 %, lowest, below target,
    too few to judge, no data, and the districts when the units are grouped."""
    how = how or Phrasing()
    lang = how.lang
    if s.mean_rate is None and s.pooled_rate is None:
        level = level_label(s.level, lang, how.names)
        return word(lang, "out.para.no_data", level=level, units=s.units)
    judged = s.units - s.no_data - s.few_data
    parts = [_lead(s, how)]
    plain = "_plain" if how.plain else ""
    if s.at_100:
        names = _names(s.at_100, lang)
        parts.append(word(lang, f"out.para.at_100{plain}", n=len(s.at_100), rated=judged, names=names))
    elif judged:
        parts.append(word(lang, f"out.para.none_at_100{plain}", rated=judged))
    if groups := _groups_text(how.groups, lang, how.plain):
        parts.append(groups)
    lowest = [x for x in s.lowest if round2(x[1]) < 100]
    if lowest:
        parts.append(word(lang, "out.para.lowest", items=_rated(lowest, lang)))
    target = _target_text(s, lang)
    if s.below:
        goal = word(lang, "out.para.goal", target=target) if target else word(lang, "out.para.goal_any")
        parts.append(word(lang, "out.para.below", n=s.below, goal=goal, items=_rated(s.below_units, lang)))
    elif s.met:
        parts.append(word(lang, "out.para.all_met", target=target).rstrip())
    if s.few_data:
        minimum = format_count(s.minimum, lang) if s.minimum is not None else ""
        parts.append(word(lang, "out.para.few_data", n=s.few_data, minimum=minimum, minimum_count=s.minimum))
    if s.no_data:
        parts.append(word(lang, "out.para.units_no_data", n=s.no_data))
    return "; ".join(parts) + "."


def ranking_sentence(summary: Summary, key: str, lang: str = "vi") -> str:
    """The first and last of a ranking of provinces: "Đứng đầu là Hà Nội
    (98,50 %, xếp thứ 1/63), cuối cùng là Bến Tre (67,53 %, xếp thứ 63/63)."."""
    ranked = [
        (u.name, a) for u, row in zip(summary.units, summary.assessments, strict=True) if (a := row.get(key))
    ]
    ranked = [(n, a) for n, a in ranked if a.rank is not None and a.rate is not None]
    if len(ranked) < 3 or not all(is_province_name(n) for n, _ in ranked):
        return ""  # a ranking of provinces; a province's own units are named by the lowest three
    last = max(a.rank or 0 for _, a in ranked)

    def at(rank: int) -> str:
        names = sorted((n for n, a in ranked if a.rank == rank), key=vietnamese_sort_key)
        rate = next(a.rate for _, a in ranked if a.rank == rank)
        return word(
            lang,
            "out.para.ranked",
            names=_names(names, lang),
            rate=format_rate(rate, lang),
            rank=rank,
            of=len(ranked),
        )

    return word(lang, "out.para.ranking", first=at(1), last=at(last))


def with_edits(summary: Summary, edits: dict[str, str], lang: str = "vi") -> str:
    """The report's paragraph as the outputs print it: each indicator's as the user edited it, or
    as the figures write it, in the report's order, then what follows them (units new this month)."""
    written = [paragraph(summary, lang, indicators=[info.key]) for info in summary.indicators]
    whole = paragraph(dataclasses.replace(summary, edits={}), lang)
    prefix = "\n\n".join(p for p in written if p)
    tail = whole[len(prefix) :] if whole.startswith(prefix) else ""
    parts = [edits.get(info.key, text) for info, text in zip(summary.indicators, written, strict=True)]
    return "\n\n".join(p for p in parts if p) + tail


def paragraph(
    summary: Summary,
    lang: str = "vi",
    indicators: Collection[str] | None = None,
    levels: Collection[str | None] | None = None,
) -> str:
    """The report text: per indicator, the whole province first, one sentence per level (those in
    ``levels``, all if None) in the order of the table, then what moved since the earlier period;
    each indicator's as the user edited it in the window, when they did (``summary.edits``)."""
    if indicators is None and levels is None and summary.edits:
        return with_edits(summary, summary.edits, lang)
    levels_kept = levels
    periods = sorted({s.period for s in summary.collection.sheets if s.period})
    when = word(lang, "out.para.when", period=period_text(periods[-1], lang)) if len(periods) == 1 else ""
    since = period_text(summary.previous_period, lang) if summary.previous is not None else None
    out = []
    for info in summary.indicators:
        if indicators is not None and info.key not in indicators:
            continue
        label = info.name(lang)
        if lang != "en":
            label = _in_sentence(label)
        sentences = [word(lang, "out.para.intro", label=label, when=when)]
        every = [s for s in summary.levels if s.indicator == info.key]
        kept = [s for s in every if levels_kept is None or s.level in levels_kept]
        plain = not any(s.targets for s in every)
        overall = summary.stats(info.key)
        if len(every) > 1 and overall is not None and overall.units:
            how = Phrasing(lang, summary.level_names, summary.headline(info.key, overall), since, plain=plain)
            how.label = word(lang, "out.para.whole_province" if in_province(every) else "out.para.whole_file")
            sentences.append(_lead(overall, how) + ".")
        for s in kept:
            how = Phrasing(lang, summary.level_names, summary.headline(info.key, s), since, plain=plain)
            how.groups = summary.groups_of(info.key, s.level)
            sentences.append(level_sentence(s, how))
        if len(every) == 1 and kept and (ends := ranking_sentence(summary, info.key, lang)):
            sentences.append(ends)
        if since is not None and (moved := moves_sentence(summary, info.key, since, lang, levels_kept)):
            sentences.append(moved)
        out.append(" ".join(sentences))
    if since is not None and summary.new_units and indicators is None:
        out.append(
            word(
                lang,
                "out.para.new_units",
                period=since or word(lang, "out.para.before"),
                names=_names(summary.new_units, lang),
            )
        )
    return printable("\n\n".join(out))


def split_by_indicator(text: str, summary: Summary, lang: str = "vi") -> dict[str, str]:
    """The window's paragraph, as the clerk edited it, cut back into its indicators: a block that
    begins "Về {label}" starts that indicator's text, any other block goes on with the one before
    it (blocks before the first indicator are dropped: nothing to put them under)."""
    intros = {}
    for info in summary.indicators:
        label = info.name(lang)
        label = label if lang == "en" else _in_sentence(label)
        intros[info.key] = word(lang, "out.para.intro", label=label, when="").rstrip(":")
    out: dict[str, list[str]] = {}
    current = None
    for block in (b.strip() for b in text.replace("\r\n", "\n").split("\n\n")):
        if not block:
            continue
        found = [k for k, intro in intros.items() if block.startswith(intro)]
        if found:
            current = max(found, key=lambda k: len(intros[k]))  # "Về tỷ lệ X" before "Về tỷ lệ"
        if current is not None:
            out.setdefault(current, []).append(block)
    return {key: "\n\n".join(blocks) for key, blocks in out.items()}

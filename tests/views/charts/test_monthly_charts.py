"""Last month on the bars and units by group, checked by the charts' data."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from desktop_app.views.charts.bar_marks import GROUP_COLORS
from desktop_app.views.charts.level_chart import COLORS, LevelBarChart
from desktop_app.views.charts.panel import ChartsPanel
from tests.fixtures.monthly_sheets import GIA_BINH, TU_SON, monthly_summary
from tests.views.charts.test_charts import make_summary

KEY = "online_dossier"


@pytest.fixture
def panel(qtbot) -> ChartsPanel:
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.resize(800, 900)
    return widget


def chart(panel: ChartsPanel, level: str) -> LevelBarChart:
    return next(c for c in panel.charts() if c.level == level)


def bar_names(panel: ChartsPanel, level: str) -> list[str]:
    summary = monthly_summary()
    return [summary.units[u].name for u in chart(panel, level).unit_rows]


def test_last_month_is_a_tick_on_each_bar_with_a_legend(panel):
    panel.set_data(monthly_summary(), KEY)
    province = chart(panel, "province")
    assert bar_names(panel, "province") == ["Sở Tài chính", "Sở Tư pháp", "Sở Y tế"]
    assert province.marks.ticks() == pytest.approx([2051 / 30, 70.0, 1600 / 30])
    assert "Tháng 7/2023" in province.legend.text()
    assert not province.legend.isHidden()
    commune = chart(panel, "commune")
    # 91,84 88,00 46,15 (new: no tick) then the one too few to judge, in its own colour
    assert commune.marks.ticks() == pytest.approx([78.14, 91.2, None, 100.0])
    assert commune.brushes()[-1] == QColor(COLORS["few_data"])
    tooltip = commune.tooltip(0).splitlines()
    assert tooltip[-2:] == ["Kỳ trước: 78,14 % (▲ 13,70)", f"Thuộc: {GIA_BINH}"]


def test_without_an_earlier_period_no_ticks_and_no_legend(panel):
    panel.set_data(monthly_summary(previous=False), KEY)
    province = chart(panel, "province")
    assert province.marks.ticks() == [None, None, None]
    assert province.legend.isHidden()


def test_by_group_orders_the_bars_and_colours_their_groups(panel):
    panel.set_data(monthly_summary(), KEY)
    assert not panel.by_group.isHidden()
    assert bar_names(panel, "commune") == ["Xã Đông Cứu", "Phường Đông Ngàn", "Xã Quế Tân", "Xã Lãng Ngâm"]
    panel.by_group.setChecked(True)
    assert bar_names(panel, "commune") == ["Xã Đông Cứu", "Xã Lãng Ngâm", "Phường Đông Ngàn", "Xã Quế Tân"]
    blue, orange = QColor(GROUP_COLORS[0]), QColor(GROUP_COLORS[1])
    assert chart(panel, "commune").marks.strips() == [blue, blue, orange, orange]
    assert TU_SON in chart(panel, "commune").legend.text()
    assert chart(panel, "province").marks.strips() == []  # no unit of the province has a group
    panel.by_group.setChecked(False)
    assert chart(panel, "commune").marks.strips() == []


def test_the_group_checkbox_only_with_groups(panel):
    panel.set_data(make_summary(), "signing")
    assert panel.by_group.isHidden()

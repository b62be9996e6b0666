"""The bar charts, checked by their data: bar lengths, order, colours, lines, clicks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QWheelEvent

from desktop_app.models.indicators.summary import Summary, assess, summarize
from desktop_app.models.indicators.targets import Targets, builtin_targets
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.views.charts import level_chart as charts
from desktop_app.views.charts.level_chart import COLORS, LevelBarChart
from desktop_app.views.charts.panel import ChartsPanel

# name, level, (sent, signed): the rates are worked out by hand below
UNITS = [
    ("Sở Nội vụ", "province", 391, 362),  # 92.58 %
    ("Sở Tư pháp", "province", 109, 109),  # 100 %
    ("Sở Tài chính", "province", 156, 127),  # 81.41 %, below 90
    ("Sở Y tế", "province", 148, 120),  # 81.08 %, below 90
    ("UBND huyện Gia Bình", "district", 186, 185),  # 99.46 %
    ("UBND huyện Bát Xát", "district", 110, 89),  # 80.91 %, meets 80
    ("UBND xã Y Tý", "commune", 0, 0),  # no data
]
RED, GREEN, DARK_GREEN = QColor(COLORS["below"]), QColor(COLORS["met"]), QColor(COLORS["full"])
# the offscreen platform warns when a shown window has a layout; nothing to do with the charts
shows_window = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def make_summary(units=UNITS, targets: Targets | None = None) -> Summary:
    records = []
    for row, (name, level, sent, signed) in enumerate(units, start=5):
        measure = Measure(signed, sent, signed / sent * 100 if sent else None)
        records.append(UnitRecord(name, level, {"signing": measure}, source="ky_so.xlsx", row=row))
    sheet = SheetImport("ky_so.xlsx", "Sheet1", "unit_table", "2024-10", "BÁO CÁO", "UBND TỈNH", records, {})
    return summarize([sheet], targets or builtin_targets())


@pytest.fixture
def panel(qtbot) -> ChartsPanel:
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.resize(800, 900)
    widget.set_data(make_summary(), "signing")
    return widget


def chart(panel: ChartsPanel, level: str) -> LevelBarChart:
    return next(c for c in panel.charts() if c.level == level)


def test_one_chart_per_level_present_in_level_order(panel):
    assert [c.level for c in panel.charts()] == ["province", "district", "commune"]
    assert chart(panel, "province").title.text() == "Cấp tỉnh – Tỷ lệ văn bản đi được ký số"


def test_bars_are_the_rates_highest_first(panel):
    province = chart(panel, "province")
    assert province.unit_rows == [1, 0, 2, 3]
    rates = [100, 362 / 391 * 100, 127 / 156 * 100, 120 / 148 * 100]
    assert list(province.bars.opts["width"]) == pytest.approx(rates)
    assert list(province.bars.opts["y"]) == [0, 1, 2, 3]
    assert chart(panel, "district").unit_rows == [4, 5]


def test_units_below_target_are_red_the_rest_green(panel):
    assert chart(panel, "province").brushes() == [DARK_GREEN, GREEN, RED, RED]
    # 80.91 % meets the district's 80 %
    assert chart(panel, "district").brushes() == [GREEN, GREEN]


def test_target_and_mean_lines_with_their_labels(panel):
    province = chart(panel, "province")
    assert province.target_line.value() == 90
    assert province.target_line.label.textItem.toPlainText() == "Chỉ tiêu 90 %"
    mean = (362 / 391 + 1 + 127 / 156 + 120 / 148) / 4 * 100  # 88.77 %
    assert province.mean_line.value() == pytest.approx(mean)
    assert province.mean_line.label.textItem.toPlainText() == "TB 88,77 %"
    assert chart(panel, "district").target_line.value() == 80


@pytest.mark.parametrize("target", [100, 5])
def test_target_and_mean_labels_stay_inside_the_plot_at_either_end(qtbot, target):
    """A target of 100 % (electronic results) and a mean near 0 % keep their words in the plot,
    however narrow the panel (a 1366×768 laptop's charts tab, or beside the table)."""
    units = [
        ("Sở Tư pháp", "province", 100, 100),
        ("Sở Y tế", "province", 100, 2),
        ("Sở Nội vụ", "province", 50, 1),
    ]
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    widget.set_data(make_summary(units, Targets({"signing": {"default": target}})), "signing")
    province = widget.charts()[0]

    def inside(line) -> bool:
        area, label = province.plot.getViewBox().sceneBoundingRect(), line.label.sceneBoundingRect()
        return (
            area.left() <= label.left() and label.right() <= area.right() and label.width() > label.height()
        )

    qtbot.waitUntil(lambda: inside(province.target_line))  # placed once the plot is laid out
    assert inside(province.mean_line)


def test_level_without_data_has_no_bars_and_names_its_units(panel):
    commune = chart(panel, "commune")
    assert commune.unit_rows == []
    assert len(commune.bars.opts["width"]) == 0
    assert commune.target_line is None
    assert commune.mean_line is None
    assert commune.plot.isHidden()
    assert commune.note.text() == "Không phát sinh (1): UBND xã Y Tý"


def test_new_targets_recolour_the_bars(panel):
    stricter = Targets({"signing": {"default": 95}})
    panel.set_data(assess(make_summary().collection, stricter), "signing")
    province = chart(panel, "province")
    assert province.brushes() == [DARK_GREEN, RED, RED, RED]
    assert province.target_line.value() == 95
    assert chart(panel, "district").brushes() == [GREEN, RED]


def test_rows_limit_the_bars_to_the_visible_units(panel):
    panel.set_data(make_summary(), "signing", rows=[0, 2, 5])
    assert [c.level for c in panel.charts()] == ["province", "district"]
    assert chart(panel, "province").unit_rows == [0, 2]
    assert chart(panel, "district").unit_rows == [5]
    # the lines keep the whole level's figures
    assert chart(panel, "province").mean_line.label.textItem.toPlainText() == "TB 88,77 %"


def test_unknown_indicator_shows_no_chart(panel):
    panel.set_data(make_summary(), "online_dossier")
    assert panel.charts() == []
    panel.set_data(None, None)
    assert panel.charts() == []


def test_names_are_axis_labels_long_ones_elided(qtbot):
    long_name = "Ủy ban nhân dân xã Quỳnh Phú thuộc huyện Lương Tài tỉnh Bắc Ninh"
    units = [(long_name, "commune", 100, 70), ("UBND xã Y Tý", "commune", 50, 50)]
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.set_data(make_summary(units), "signing")
    ticks = widget.charts()[0].plot.getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == ["UBND xã Y Tý", "Ủy ban nhân dân xã Quỳn…ài tỉnh Bắc Ninh"]
    assert len(ticks[1][1]) <= charts.NAME_CHARS  # cut in the middle: both ends tell units apart
    assert widget.charts()[0].tooltip(1).splitlines()[0] == long_name  # whole when pointed at


def test_chart_grows_with_the_number_of_units(qtbot):
    units = [(f"UBND xã Số {i}", "commune", 100, i) for i in range(1, 41)]
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.set_data(make_summary(units), "signing")
    assert widget.charts()[0].plot.height() >= 40 * charts.ROW_PX
    widget.set_data(make_summary(units[:2]), "signing")
    assert widget.charts()[0].plot.height() == charts.MIN_PLOT_PX


def test_rate_above_100_is_drawn_and_stretches_the_axis(qtbot):
    units = [("Sở Nội vụ", "province", 100, 120), ("Sở Tư pháp", "province", 100, 95)]
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.set_data(make_summary(units), "signing")
    province = widget.charts()[0]
    assert province.brushes()[0] == QColor(COLORS["over"])
    assert province.plot.getViewBox().viewRange()[0][1] >= 120
    assert "lỗi số liệu" in province.tooltip(0)


def test_tooltip_names_the_unit_rate_and_target(panel):
    province = chart(panel, "province")
    assert province.tooltip(2).splitlines() == [
        "Sở Tài chính",
        "Tỷ lệ: 81,41 % (127/156)",
        "Chỉ tiêu: 90 % – Chưa đạt",
    ]


def _bar_scene_pos(bar_chart: LevelBarChart, bar: int, dy: float = 0.0) -> QPointF:
    width = bar_chart.bars.opts["width"][bar]
    return bar_chart.plot.getViewBox().mapViewToScene(QPointF(width / 2, bar + dy))


@shows_window
def test_clicking_a_bar_emits_its_unit(panel, qtbot):
    panel.show()
    qtbot.waitExposed(panel)
    province = chart(panel, "province")
    view_pos = province.plot.mapFromScene(_bar_scene_pos(province, 2))
    with qtbot.waitSignal(panel.unitClicked) as blocker:
        qtbot.mouseClick(province.plot.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)
    assert blocker.args == [2, False]
    view_pos = province.plot.mapFromScene(_bar_scene_pos(province, 0))
    with qtbot.waitSignal(panel.unitClicked) as blocker:
        qtbot.mouseClick(
            province.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, view_pos
        )
    assert blocker.args == [1, True]


@shows_window
def test_click_between_bars_selects_nothing(panel, qtbot):
    panel.show()
    qtbot.waitExposed(panel)
    province = chart(panel, "province")
    with qtbot.assertNotEmitted(panel.unitClicked):
        assert province.click_at(_bar_scene_pos(province, 1, dy=0.5)) is None
    with qtbot.waitSignal(panel.unitClicked) as blocker:
        assert province.click_at(_bar_scene_pos(province, 3), ctrl=True) == 3
    assert blocker.args == [3, True]


def test_set_selected_outlines_those_bars(panel):
    province = chart(panel, "province")
    plain = province.bars.opts["pens"][0].color().alpha()
    panel.set_selected({0, 5})
    outlined = [pen.color().alpha() > 0 for pen in province.bars.opts["pens"]]
    assert plain == 0
    assert outlined == [False, True, False, False]  # unit 0 is the second bar
    assert [pen.color().alpha() > 0 for pen in chart(panel, "district").bars.opts["pens"]] == [False, True]
    # the selection survives a redraw
    panel.set_data(make_summary(), "signing")
    assert [p.color().alpha() > 0 for p in province.bars.opts["pens"]] == outlined


def test_english_labels(panel):
    panel.set_data(make_summary(), "signing", lang="en")
    province = chart(panel, "province")
    assert province.title.text() == "Province – Outgoing documents signed digitally"
    assert province.target_line.label.textItem.toPlainText() == "Target 90 %"
    assert province.mean_line.label.textItem.toPlainText() == "Mean 88.77 %"


def test_save_png_and_copy_image(panel, tmp_path):
    province = chart(panel, "province")
    path = tmp_path / "tinh.png"
    assert province.save_png(str(path))
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() > 100
    province.copy_image()
    assert not QGuiApplication.clipboard().pixmap().isNull()


def test_context_menu_saves_through_a_file_dialog(panel, tmp_path, monkeypatch):
    province = chart(panel, "province")
    target = tmp_path / "bieu_do"
    monkeypatch.setattr(charts.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    menu = province.build_menu()
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["Lưu ảnh PNG…", "Sao chép ảnh"]
    actions["Lưu ảnh PNG…"].trigger()
    assert not QImage(str(target) + ".png").isNull()
    assert province.plot.getViewBox().menuEnabled() is False
    assert province.plot.getViewBox().state["mouseEnabled"] == [False, False]


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform and tooltips
def test_hovering_a_bar_shows_its_tooltip(panel):
    province = chart(panel, "province")
    province.plot.scene().sigMouseMoved.emit(_bar_scene_pos(province, 3))
    assert province.plot.toolTip() == province.tooltip(3)
    assert province.plot.toolTip().startswith("Sở Y tế\nTỷ lệ: 81,08 %")
    province.plot.scene().sigMouseMoved.emit(_bar_scene_pos(province, 3, dy=0.5))
    assert province.plot.toolTip() == ""


def test_the_wheel_scrolls_the_panel_instead_of_zooming(panel):
    province = chart(panel, "province")
    before = province.plot.getViewBox().viewRange()
    wheel = QWheelEvent(
        QPointF(100, 50),
        QPointF(100, 50),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    province.plot.viewportEvent(wheel)
    assert not wheel.isAccepted()  # left to the scroll area around the charts
    assert province.plot.getViewBox().viewRange() == before


@shows_window
def test_a_long_chart_names_the_bars_in_view_and_follows_the_scroll(qtbot):
    """1,000 communes: every bar drawn, the axis names those in view, scrolling names the next ones."""
    units = [(f"UBND xã Số {i:04d}", "commune", 1000, i) for i in range(1000)]
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.resize(600, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_data(make_summary(units), "signing")
    long_chart = chart(widget, "commune")
    assert len(long_chart.unit_rows) == 1000

    def named() -> set[str]:
        return {label for _, label in long_chart.plot.getAxis("left")._tickLevels[0]}

    assert "UBND xã Số 0999" in named()  # the highest rate is at the top, in view
    assert "UBND xã Số 0000" not in named()
    bar = widget.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the layout has sized the scroll area
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: "UBND xã Số 0000" in named())

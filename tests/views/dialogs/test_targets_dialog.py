"""The targets editor: live edits, the "*" fallback, files in and out, cancel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop_app.models.indicators.catalog import known_indicators
from desktop_app.models.indicators.targets import (
    WILDCARD,
    Targets,
    builtin_targets,
    load_targets,
    parse_targets,
)
from desktop_app.views.dialogs import targets as targets_dialog
from desktop_app.views.dialogs.targets import TargetsDialog, format_target, parse_target

COLUMNS = {"default": 1, "province": 2, "district": 3, "commune": 4}


@pytest.fixture
def dialog(qtbot) -> TargetsDialog:
    info = known_indicators()
    widget = TargetsDialog(builtin_targets(), [info["signing"], info["online_dossier"]])
    qtbot.addWidget(widget)
    return widget


def cell(dialog: TargetsDialog, key: str, level: str):
    return dialog.table.item(dialog._rows.index(key), COLUMNS[level])


def test_rows_are_loaded_then_known_indicators_then_wildcard(dialog):
    assert dialog._rows[:2] == ["signing", "online_dossier"]
    assert set(dialog._rows) == {*known_indicators(), WILDCARD}
    assert dialog._rows[-1] == WILDCARD
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names[0] == "Tỷ lệ văn bản đi được ký số"
    assert names[-1] == "Các chỉ số khác (*)"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(1, 6)]
    assert headers == ["Mặc định", "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Nguồn"]


def test_shows_the_targets_and_their_sources(dialog):
    assert cell(dialog, "signing", "province").text() == "90"
    assert cell(dialog, "signing", "default").text() == ""
    assert cell(dialog, "online_dossier", "default").text() == "50"
    row = dialog._rows.index("online_dossier")
    assert dialog.table.item(row, 5).text() == "Nghị quyết 02/NQ-CP (05/01/2024)"
    assert dialog.targets().tables == builtin_targets().tables


def test_editing_a_cell_applies_at_once(dialog, qtbot):
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        cell(dialog, "online_dossier", "district").setText("65")
    edited = blocker.args[0]
    assert edited.target_for("online_dossier", "district") == 65
    assert edited.target_for("online_dossier", "province") == 50
    assert edited.target_for("online_dossier", "commune") == 50
    assert edited.target_for("signing", "province") == 90


def test_decimal_comma_is_accepted_and_shown(dialog, qtbot):
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        cell(dialog, "signing", "commune").setText("65,5")
    assert blocker.args[0].target_for("signing", "commune") == 65.5
    assert cell(dialog, "signing", "commune").text() == "65,5"


def test_a_bad_value_is_refused_and_the_cell_restored(dialog, qtbot):
    with qtbot.assertNotEmitted(dialog.targetsChanged):
        cell(dialog, "signing", "province").setText("120")
    assert cell(dialog, "signing", "province").text() == "90"
    assert "120" in dialog.message.text()
    assert dialog.targets().target_for("signing", "province") == 90


def test_an_emptied_row_falls_back_to_the_wildcard(dialog, qtbot):
    cell(dialog, WILDCARD, "default").setText("70")
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        cell(dialog, "online_dossier", "default").setText("")
    edited = blocker.args[0]
    assert "online_dossier" not in edited.tables
    assert edited.target_for("online_dossier", "district") == 70
    assert edited.tables[WILDCARD] == {"default": 70}


def test_the_editor_only_takes_rates(dialog):
    index = dialog.table.model().index(0, COLUMNS["district"])
    editor = dialog.table.itemDelegate().createEditor(dialog.table.viewport(), None, index)
    assert isinstance(editor, QLineEdit)
    validator = editor.validator()
    accepted = validator.State.Acceptable
    assert validator.validate("65,5", 0)[0] == accepted
    assert validator.validate("100", 0)[0] == accepted
    assert validator.validate("", 0)[0] == accepted
    assert validator.validate("101", 0)[0] != accepted
    assert validator.validate("abc", 0)[0] != accepted
    editor.deleteLater()


def test_parse_and_format_targets():
    assert parse_target("65") == 65
    assert parse_target(" 65,5 % ") == 65.5
    assert parse_target("65.25") == 65.25
    assert parse_target("") is None
    for bad in ("100,5", "-3", "6,555", "x"):
        with pytest.raises(ValueError, match=re.escape(bad)):
            parse_target(bad)
    assert format_target(65.0) == "65"
    assert format_target(65.5) == "65,5"
    assert format_target(65.5, "en") == "65.5"


def test_broken_file_warns_and_keeps_the_values(dialog, tmp_path, monkeypatch, qtbot):
    cell(dialog, "signing", "province").setText("95")
    broken = tmp_path / "chi_tieu.toml"
    broken.write_text("[targets.signing]\nprovince = 'chín mươi'\n", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(
        targets_dialog.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), "")
    )
    with qtbot.assertNotEmitted(dialog.targetsChanged):
        dialog.open_button.click()
    assert warnings == ["Tệp «chi_tieu.toml»: chỉ tiêu «signing.province» phải là một số phần trăm."]
    assert dialog.targets().target_for("signing", "province") == 95


def test_a_targets_file_replaces_the_builtin_tables_it_names(dialog, tmp_path, qtbot):
    path = tmp_path / "tinh.toml"
    path.write_text(
        '[targets.online_dossier]\ndefault = 60\ndistrict = 65\nsource = "CT 05"\n', encoding="utf-8"
    )
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        assert dialog.load_file(path)
    loaded = blocker.args[0]
    assert loaded.tables["online_dossier"] == {"default": 60, "district": 65}
    assert loaded.target_for("signing", "commune") == 60  # built-in, untouched
    assert dialog.table.item(dialog._rows.index("online_dossier"), 5).text() == "CT 05"


def test_save_then_load_round_trips(dialog, tmp_path, monkeypatch):
    cell(dialog, "online_dossier", "district").setText("65")
    cell(dialog, WILDCARD, "default").setText("70,25")
    path = tmp_path / "chi_tieu"
    monkeypatch.setattr(
        targets_dialog.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), "")
    )
    dialog.save_button.click()
    saved = load_targets(tmp_path / "chi_tieu.toml")
    assert saved.tables == dialog.targets().tables
    assert saved.tables[WILDCARD] == {"default": 70.25}
    assert not [p for p in tmp_path.iterdir() if p.name != "chi_tieu.toml"]  # no temp file left


def test_restore_defaults(dialog, qtbot):
    cell(dialog, "signing", "province").setText("95")
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        dialog.reset_button.click()
    assert blocker.args[0].tables == builtin_targets().tables
    assert cell(dialog, "signing", "province").text() == "90"


def test_cancel_applies_the_opening_targets_again(qtbot):
    opening = Targets(
        {"signing": {"default": 85}, "future": {"unknown": 40, "default": 50}}, {"signing": "Kế hoạch 12"}
    )
    widget = TargetsDialog(opening, [])
    qtbot.addWidget(widget)
    assert "future" in widget._rows  # a key only the targets name still gets a row
    widget.table.item(widget._rows.index("signing"), 1).setText("99")
    with qtbot.waitSignal(widget.targetsChanged) as blocker:
        widget.buttons.rejected.emit()
    assert blocker.args[0].tables == opening.tables
    assert blocker.args[0].sources == opening.sources


def test_levels_the_table_hides_are_kept(qtbot):
    opening = Targets({"signing": {"default": 85, "unknown": 40}})
    widget = TargetsDialog(opening, [])
    qtbot.addWidget(widget)
    widget.table.item(widget._rows.index("signing"), COLUMNS["province"]).setText("90")
    assert widget.targets().tables["signing"] == {"default": 85, "province": 90, "unknown": 40}
    for level in ("default", "province"):
        widget.table.item(widget._rows.index("signing"), COLUMNS[level]).setText("")
    assert "signing" not in widget.targets().tables


def test_a_key_with_only_hidden_levels_survives_other_edits(qtbot):
    widget = TargetsDialog(Targets({"signing": {"unknown": 40}}), [])
    qtbot.addWidget(widget)
    widget.table.item(widget._rows.index("reuse"), COLUMNS["default"]).setText("55")
    assert widget.targets().tables == {"signing": {"unknown": 40}, "reuse": {"default": 55}}


def test_english_headers(qtbot):
    widget = TargetsDialog(builtin_targets(), [], lang="en")
    qtbot.addWidget(widget)
    headers = [widget.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers == ["Indicator", "Default", "Province", "District", "Commune", "Source"]


# -- the fewest dossiers a unit must have to be judged ------------------------------------------


def minimum_cell(dialog: TargetsDialog, key: str):
    return dialog.table.item(dialog._rows.index(key), targets_dialog.MIN_COLUMN)


def test_the_minimum_column_shows_and_edits_min_denominator(dialog, qtbot):
    header = dialog.table.horizontalHeaderItem(targets_dialog.MIN_COLUMN).text()
    assert header == "Tối thiểu (hồ sơ)"
    assert minimum_cell(dialog, "online_payment").text() == ""  # none built in
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        minimum_cell(dialog, "online_payment").setText("5")
    edited = blocker.args[0]
    assert edited.min_denominator("online_payment") == 5
    assert edited.target_for("online_payment", "district") == 45  # the targets stay
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        minimum_cell(dialog, WILDCARD).setText("10")
    assert blocker.args[0].min_denominator("signing") == 10
    assert blocker.args[0].target_for("signing", "province") == 90
    with qtbot.waitSignal(dialog.targetsChanged) as blocker:
        minimum_cell(dialog, "online_payment").setText("")
    assert blocker.args[0].min_denominator("online_payment") == 10  # back to "*"'s


@pytest.mark.parametrize("bad", ["-1", "abc", "5 %", "1.000.000", "1234567890"])
def test_a_bad_minimum_is_refused_and_the_cell_restored(dialog, qtbot, bad):
    minimum_cell(dialog, "online_payment").setText("5")
    with qtbot.assertNotEmitted(dialog.targetsChanged):
        minimum_cell(dialog, "online_payment").setText(bad)
    assert minimum_cell(dialog, "online_payment").text() == "5"
    assert bad in dialog.message.text()
    assert "số hồ sơ tối thiểu" in dialog.message.text()
    assert dialog.targets().min_denominator("online_payment") == 5


def test_the_minimum_editor_takes_counts_only(dialog):
    index = dialog.table.model().index(0, targets_dialog.MIN_COLUMN)
    editor = dialog.table.itemDelegate().createEditor(dialog.table.viewport(), None, index)
    validator = editor.validator()
    accepted = validator.State.Acceptable
    assert validator.validate("5", 0)[0] == accepted
    assert validator.validate("2,5", 0)[0] == accepted
    assert validator.validate("", 0)[0] == accepted
    assert validator.validate("150", 0)[0] == accepted  # not a rate: above 100 is fine
    assert validator.validate("-1", 0)[0] != accepted
    editor.deleteLater()


def test_minimums_round_trip_through_the_saved_targets(dialog, qtbot):
    minimum_cell(dialog, "online_payment").setText("5")
    minimum_cell(dialog, "on_time").setText("3")  # a minimum on a key with no target at all
    minimum_cell(dialog, WILDCARD).setText("0")
    saved = dialog.targets()
    again = parse_targets(saved.to_toml())
    assert again == saved
    assert again.minimums == {"online_payment": 5, "on_time": 3, WILDCARD: 0}
    assert "on_time" not in again.tables  # a minimum alone does not take the key's targets away
    reopened = TargetsDialog(again, [])
    qtbot.addWidget(reopened)
    assert minimum_cell(reopened, "online_payment").text() == "5"
    assert minimum_cell(reopened, WILDCARD).text() == "0"
    assert reopened.targets() == saved


def test_cancel_puts_the_minimums_back(qtbot):
    opening = Targets({"online_payment": {"default": 45}}, minimums={"online_payment": 5})
    widget = TargetsDialog(opening, [])
    qtbot.addWidget(widget)
    minimum_cell(widget, "online_payment").setText("50")
    with qtbot.waitSignal(widget.targetsChanged) as blocker:
        widget.buttons.rejected.emit()
    assert blocker.args[0].minimums == {"online_payment": 5}

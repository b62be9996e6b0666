"""Targets as data: the built-in table of DOMAIN.md, a user's TOML file, and how they combine."""

from __future__ import annotations

import pytest

from desktop_app.models.errors import ReportError
from desktop_app.models.indicators.targets import (
    Targets,
    builtin_targets,
    effective_targets,
    load_targets,
    parse_targets,
)

USER = """
[targets.online_dossier]     # replaces the built-in table for this key entirely
default = 50
province = 70
district = 65
source = "Chỉ thị 05/CT-UBND"

[targets."*"]
default = 70
"""


def test_parse_default_per_level_wildcard_and_source():
    targets = parse_targets(USER)
    assert targets.tables == {
        "online_dossier": {"default": 50.0, "province": 70.0, "district": 65.0},
        "*": {"default": 70.0},
    }
    assert targets.sources == {"online_dossier": "Chỉ thị 05/CT-UBND"}


@pytest.mark.parametrize(
    ("key", "level", "target"),
    [
        ("online_dossier", "province", 70.0),
        ("online_dossier", "district", 65.0),
        ("online_dossier", "commune", 50.0),  # not named: the default
        ("online_dossier", "unknown", 50.0),
        ("signing", "commune", 70.0),  # no table of its own: "*"
        ("ty_le_dat", "province", 70.0),  # a custom indicator too
    ],
)
def test_target_for(key, level, target):
    assert parse_targets(USER).target_for(key, level) == target


def test_no_table_and_no_wildcard_means_no_target():
    targets = parse_targets("[targets.signing]\nprovince = 90\n")
    assert targets.target_for("online_dossier", "province") is None
    assert targets.target_for("signing", "district") is None  # no default, level not named
    assert targets.target_for("signing", "province") == 90.0


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("[targets.signing]\ncity = 5", ["signing", "city"]),
        ('[targets.signing]\nprovince = "chín mươi"', ["signing.province"]),
        ("[targets.signing]\ndefault = true", ["signing.default"]),
        ("[targets.signing]\ndefault = nan", ["signing.default"]),
        ("[targets.signing]\ndefault = 101", ["signing.default", "101"]),
        ("[targets.signing]\ndefault = -1", ["signing.default", "-1"]),
        ("[targets.signing]\ndefault = inf", ["signing.default"]),
        ("[targets]\nsigning = 90", ["signing"]),  # not a table
    ],
)
def test_bad_entries_are_report_errors_naming_the_key(text, names):
    with pytest.raises(ReportError) as caught:
        parse_targets(text, "chi_tieu.toml")
    message = str(caught.value)
    assert message.startswith("Tệp «chi_tieu.toml»: ")
    for name in names:
        assert name in message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "[targets.signin]\nprovince = 90",
            "Tệp «chi_tieu.toml»: [targets.signin]: không có chỉ số «signin»; có phải «signing»? (các "
            "chỉ số: signing, online_dossier, online_payment, digitized, e_result, reuse, dvc_with_online, "
            "tthc_with_payment, on_time)",
        ),
        (
            "[targets.online_dosier]\ndefault = 60",
            "Tệp «chi_tieu.toml»: [targets.online_dosier]: không có chỉ số «online_dosier»; có phải "
            "«online_dossier»? (các chỉ số: signing, online_dossier, online_payment, digitized, e_result, "
            "reuse, dvc_with_online, tthc_with_payment, on_time)",
        ),
        (
            "[targets.signing]\nprovice = 90",
            "Tệp «chi_tieu.toml»: chỉ tiêu «signing»: không có cấp «provice»; có phải «province»? (dùng: "
            "default, province, district, commune, unknown, min_denominator, label, source)",
        ),
        (
            "[targets.signing]\nmin_denominater = 5",
            "Tệp «chi_tieu.toml»: chỉ tiêu «signing»: không có cấp «min_denominater»; có phải "
            "«min_denominator»? (dùng: default, province, district, commune, unknown, min_denominator, "
            "label, source)",
        ),
    ],
)
def test_a_misspelt_key_or_level_is_named_with_the_nearest_known_one(text, line):
    """ "[targets.signin]" was ignored without a word: the office's target never applied."""
    with pytest.raises(ReportError) as caught:
        parse_targets(text, "chi_tieu.toml")
    assert str(caught.value) == line


def test_a_misspelt_key_in_english():
    from desktop_app.models.translation import using

    with using("en"), pytest.raises(ReportError, match="did you mean “signing”"):
        parse_targets("[targets.signin]\nprovince = 90", "chi_tieu.toml")


@pytest.mark.parametrize("key", ["ty_le_dat", "tl_su_dung_den_thang_tk", "tien_kham_pct", '"*"'])
def test_a_files_own_indicator_is_no_misspelling(key):
    """Keys a file's own rate columns get ("TL sử dụng (đến tháng TK)") are far from the built-in
    ones: they stay targets for those indicators."""
    assert parse_targets(f"[targets.{key}]\ndefault = 50").target_for(key.strip('"'), "province") == 50.0


@pytest.mark.parametrize("text", ["", "x = 1", "targets = 5"])
def test_a_file_without_targets_tables(text):
    with pytest.raises(ReportError, match=r"thiếu bảng \[targets"):
        parse_targets(text, "chi_tieu.toml")


def test_broken_toml():
    with pytest.raises(ReportError, match="không đúng định dạng TOML"):
        parse_targets("[targets.signing\ndefault = 90", "chi_tieu.toml")


def test_bounds_are_allowed():
    targets = parse_targets("[targets.signing]\ndefault = 0\nprovince = 100")
    assert targets.tables["signing"] == {"default": 0.0, "province": 100.0}


def test_builtin_targets_are_domain_md_table():
    targets = builtin_targets()
    assert targets.target_for("signing", "province") == 90
    assert targets.target_for("signing", "district") == 80
    assert targets.target_for("signing", "commune") == 60
    for level in ("province", "district", "commune", "unknown"):
        assert targets.target_for("online_dossier", level) == 50
        assert targets.target_for("online_payment", level) == 45
        assert targets.target_for("digitized", level) == 80
        assert targets.target_for("e_result", level) == 100
        assert targets.target_for("reuse", level) == 50
        assert targets.target_for("dvc_with_online", level) == 100
        assert targets.target_for("tthc_with_payment", level) == 100
        assert targets.target_for("on_time", level) is None  # none built in
        assert targets.target_for("ty_le_dat", level) is None  # no "*" built in
    assert targets.sources["signing"] == "Quyết định 942/QĐ-TTg (15/6/2021)"
    assert targets.sources["online_dossier"] == "Nghị quyết 02/NQ-CP (05/01/2024)"
    assert targets.sources["dvc_with_online"] == "Quyết định 766/QĐ-TTg (23/6/2022)"


def test_overlaid_replaces_a_key_table_entirely():
    user = parse_targets("[targets.signing]\ndistrict = 95\nsource = 'Chỉ thị tỉnh'\n")
    targets = builtin_targets().overlaid(user)
    assert targets.tables["signing"] == {"district": 95.0}
    assert targets.target_for("signing", "district") == 95
    assert targets.target_for("signing", "province") is None  # the built-in 90 is gone
    assert targets.sources["signing"] == "Chỉ thị tỉnh"
    assert targets.target_for("online_dossier", "commune") == 50  # other keys untouched


def test_overlaid_leaves_both_originals_alone():
    base, user = builtin_targets(), parse_targets(USER)
    combined = base.overlaid(user)
    combined.tables["online_dossier"]["province"] = 1.0
    assert base.target_for("online_dossier", "province") == 50
    assert user.target_for("online_dossier", "province") == 70


def test_a_wildcard_does_not_override_a_built_in_key():
    targets = builtin_targets().overlaid(parse_targets('[targets."*"]\ndefault = 70'))
    assert targets.target_for("signing", "province") == 90
    assert targets.target_for("on_time", "province") == 70


@pytest.mark.parametrize(
    "targets",
    [
        builtin_targets(),
        parse_targets(USER),
        Targets({"signing": {"default": 70.5, "province": 90.0}}, {"signing": 'Chỉ thị "số 1"'}),
    ],
    ids=["builtin", "user", "quoted-source"],
)
def test_to_toml_round_trip(targets):
    assert parse_targets(targets.to_toml()) == targets


def test_load_and_effective_targets(tmp_path):
    path = tmp_path / "chi_tieu.toml"
    path.write_text("\ufeff" + USER, encoding="utf-8")  # Notepad's byte order mark
    assert load_targets(path) == parse_targets(USER)
    targets = effective_targets(path)
    assert targets.target_for("online_dossier", "district") == 65
    assert targets.target_for("signing", "district") == 80  # built in, no user table
    assert effective_targets(None) == builtin_targets()


def test_missing_targets_file():
    with pytest.raises(ReportError, match="không tìm thấy tệp chỉ tiêu"):
        load_targets("/nonexistent/chi_tieu.toml")


def test_a_section_with_only_a_minimum_keeps_the_targets():
    text = '[targets.online_payment]\nmin_denominator = 5\n\n[targets."*"]\nmin_denominator = 2'
    user = parse_targets(text)
    assert user.tables == {}
    targets = builtin_targets().overlaid(user)
    assert targets.target_for("online_payment", "district") == 45  # the built-in target stays
    assert targets.min_denominator("online_payment") == 5
    assert targets.min_denominator("signing") == 2
    assert parse_targets(targets.to_toml()) == targets
    assert parse_targets("[targets.on_time]\n").tables == {"on_time": {}}  # an empty section: no target

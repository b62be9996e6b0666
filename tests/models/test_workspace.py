"""The reports open in the window: reports of different provinces or periods kept apart, sheets of
one report merged, the earlier period attached to the report it is compared with."""

from __future__ import annotations

from desktop_app.models.indicators.catalog import MEAN
from desktop_app.models.indicators.targets import builtin_targets
from desktop_app.models.tables.importer import ImportResult
from desktop_app.models.tables.measures import Measure, SheetImport, UnitRecord
from desktop_app.models.workspace import ReportSet
from tests.fixtures.monthly_sheets import month_sheet, monthly_targets


def signing_sheet(path: str, issuer: str, period: str, units: dict[str, tuple[str, int, int]]) -> SheetImport:
    """A signing report: unit -> (level, sent, signed)."""
    records = [
        UnitRecord(name, level, {"signing": Measure(signed, sent, signed / sent * 100)}, path, row)
        for row, (name, (level, sent, signed)) in enumerate(units.items(), start=6)
    ]
    return SheetImport(path, "Ky so", "unit_table", period, "BÁO CÁO KÝ SỐ", issuer, records, {})


# the same two bodies in two provinces: one report each, never one row or one average
LAO_CAI = {"Sở Tư pháp": ("province", 100, 100), "Thanh tra tỉnh": ("province", 100, 80)}
BAC_NINH = {"Sở Tư pháp": ("province", 200, 100), "Thanh tra tỉnh": ("province", 50, 50)}


def two_provinces() -> ReportSet:
    reports = ReportSet(builtin_targets())
    reports.merge(
        ImportResult(
            sheets={
                "/r/lao_cai.xlsx": [
                    signing_sheet("/r/lao_cai.xlsx", "UBND TỈNH LÀO CAI", "2024-10", LAO_CAI)
                ],
                "/r/bac_ninh.xlsx": [
                    signing_sheet("/r/bac_ninh.xlsx", "UBND TỈNH BẮC NINH", "2023-08", BAC_NINH)
                ],
            }
        )
    )
    return reports


def test_two_provinces_are_two_reports_never_averaged_together():
    reports = two_provinces()
    current = reports.current()
    assert [reports.label(r).render("vi") for r in current] == [
        "Lào Cai · Tháng 10/2024",
        "Bắc Ninh · Tháng 8/2023",
    ]
    lao_cai = reports.summary(current[0].key)
    assert [u.name for u in lao_cai.units] == ["Sở Tư pháp", "Thanh tra tỉnh"]
    assert lao_cai.stats("signing", "province").mean_rate == 90.0  # (100 + 80) / 2, Lào Cai's own
    bac_ninh = reports.summary(current[1].key)
    assert bac_ninh.stats("signing", "province").mean_rate == 75.0  # (50 + 100) / 2
    assert bac_ninh.stats("signing", "province").pooled_rate == 60.0  # 150 / 250
    assert lao_cai.previous is None
    assert bac_ninh.previous is None


def test_side_by_side_each_unit_keeps_its_report():
    reports = two_provinces()
    view = reports.view([r.key for r in reports.current()])
    assert view.side_by_side
    assert [u.name for u in view.units] == ["Sở Tư pháp", "Thanh tra tỉnh"] * 2
    assert [view.part(i).label.render("vi") for i in range(4)] == ["Lào Cai · Tháng 10/2024"] * 2 + [
        "Bắc Ninh · Tháng 8/2023"
    ] * 2
    assert [view.assessments[i]["signing"].rate for i in range(4)] == [100.0, 80.0, 50.0, 100.0]
    assert view.local(3)[1] == 1


def test_closing_a_report_leaves_the_other_whole():
    reports = two_provinces()
    lao_cai, _bac_ninh = reports.current()
    assert reports.close(lao_cai.key)
    assert reports.paths() == ["/r/bac_ninh.xlsx"]
    assert [reports.label(r).render("vi") for r in reports.current()] == ["Bắc Ninh · Tháng 8/2023"]
    assert not reports.close(lao_cai.key)


def test_sheets_of_one_province_and_month_make_one_report():
    """Signing and one-stop of the same month complete each other; a report split per level too."""
    reports = ReportSet(builtin_targets())
    districts = {"UBND huyện Bát Xát": ("district", 110, 89)}
    reports.merge(
        ImportResult(
            sheets={
                "/r/tinh.xlsx": [signing_sheet("/r/tinh.xlsx", "UBND TỈNH LÀO CAI", "2024-10", LAO_CAI)],
                "/r/huyen.xlsx": [signing_sheet("/r/huyen.xlsx", "UBND TỈNH LÀO CAI", "2024-10", districts)],
            }
        )
    )
    (report,) = reports.current()
    assert report.paths() == ["/r/tinh.xlsx", "/r/huyen.xlsx"]
    assert len(reports.summary().units) == 3


def test_a_second_copy_of_the_same_report_is_a_report_of_its_own():
    reports = ReportSet(builtin_targets())
    one = signing_sheet("/r/a.xlsx", "UBND TỈNH LÀO CAI", "2024-10", LAO_CAI)
    two = signing_sheet("/r/b.xlsx", "UBND TỈNH LÀO CAI", "2024-10", LAO_CAI)
    reports.merge(ImportResult(sheets={"/r/a.xlsx": [one], "/r/b.xlsx": [two]}))
    assert len(reports.current()) == 2
    assert [reports.label(r).render("vi") for r in reports.current()] == [
        "Lào Cai · Tháng 10/2024 (a.xlsx)",
        "Lào Cai · Tháng 10/2024 (b.xlsx)",
    ]


def test_files_chosen_as_the_earlier_period_are_compared_not_shown():
    reports = ReportSet(monthly_targets())
    reports.merge(ImportResult(sheets={"/r/8.xlsx": [month_sheet(8)]}))
    assert reports.summary().previous is None
    reports.merge(ImportResult(sheets={"/r/7.xlsx": [month_sheet(7)]}), compared={"/r/7.xlsx"})
    summary = reports.summary()
    assert len(summary.units) == 7  # July's units are no rows of their own
    assert summary.previous_period == "2023-07"
    assert reports.paths() == ["/r/8.xlsx"]
    assert reports.previous_paths() == ["/r/7.xlsx"]
    (august,) = reports.current()
    assert [e.paths() for e in august.previous] == [["/r/7.xlsx"]]
    # July read again (reloaded, changed on disk) stays the comparison
    reports.merge(ImportResult(sheets={"/r/7.xlsx": [month_sheet(7)]}))
    assert reports.previous_paths() == ["/r/7.xlsx"]
    assert reports.paths() == ["/r/8.xlsx"]
    # a new choice replaces the comparison
    reports.merge(ImportResult(sheets={"/r/7b.xlsx": [month_sheet(7)]}), compared={"/r/7b.xlsx"})
    assert reports.previous_paths() == ["/r/7b.xlsx"]
    assert reports.drop_previous()
    assert reports.summary().previous is None
    assert not reports.drop_previous()


def test_last_month_opened_with_this_month_becomes_its_earlier_period():
    reports = ReportSet(monthly_targets())
    reports.merge(ImportResult(sheets={"/r/7.xlsx": [month_sheet(7)], "/r/8.xlsx": [month_sheet(8)]}))
    assert reports.paths() == ["/r/8.xlsx"]
    assert reports.previous_paths() == ["/r/7.xlsx"]
    assert reports.summary().previous_period == "2023-07"
    # the user wants July on its own: it is shown, August compared with nothing
    july = next(r for r in reports.reports() if r.earlier)
    assert reports.show_alone(july.key)
    assert len(reports.current()) == 2
    assert reports.summary(reports.current()[0].key).previous is None
    # and back as August's earlier period
    july = next(r for r in reports.current() if r.period == "2023-07")
    assert reports.mark_earlier(july.key)
    assert reports.previous_paths() == ["/r/7.xlsx"]
    august = reports.current()[0]
    assert not reports.mark_earlier(august.key)  # nothing comes after August


def test_closing_a_report_closes_the_earlier_period_kept_for_it():
    reports = ReportSet(monthly_targets())
    reports.merge(ImportResult(sheets={"/r/7.xlsx": [month_sheet(7)], "/r/8.xlsx": [month_sheet(8)]}))
    (august,) = reports.current()
    reports.close(august.key)
    assert reports.all_paths() == []


def test_the_headline_chosen_leads_the_summary():
    reports = ReportSet(monthly_targets())
    reports.merge(ImportResult(sheets={"/r/8.xlsx": [month_sheet(8)]}))
    assert reports.summary().headline("online_dossier") == "pooled"  # the catalog's for dossiers
    reports.set_headline("online_dossier", MEAN)
    assert reports.summary().headline("online_dossier") == MEAN


def test_a_report_s_name_is_data_put_into_words_where_it_is_shown():
    """The name carries no language: the window shows it in the language on screen."""
    reports = two_provinces()
    names = [reports.label(r) for r in reports.current()]
    assert [n.render("vi") for n in names] == ["Lào Cai · Tháng 10/2024", "Bắc Ninh · Tháng 8/2023"]
    assert [n.render("en") for n in names] == ["Lào Cai · 2024-10", "Bắc Ninh · 2023-08"]

"""The reports open in the window: this period's files and the earlier period's kept apart."""

from __future__ import annotations

from desktop_app.models.indicators.catalog import MEAN
from desktop_app.models.tables.importer import ImportResult
from desktop_app.models.workspace import ReportSet
from tests.fixtures.monthly_sheets import month_sheet, monthly_targets


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


def test_the_headline_chosen_leads_the_summary():
    reports = ReportSet(monthly_targets())
    reports.merge(ImportResult(sheets={"/r/8.xlsx": [month_sheet(8)]}))
    assert reports.summary().headline("online_dossier") == "pooled"  # the catalog's for dossiers
    reports.headlines["online_dossier"] = MEAN
    assert reports.summary().headline("online_dossier") == MEAN

"""The main window's parts, each bound by the window to the session: menus, the filter bar with
the report switch, the reports panel, the start page, the work area (table, charts, summary) and
the status bar."""

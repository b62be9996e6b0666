"""Tables: a sheet's cell grid in, unit rows with their measures out (SheetImport).

Header rows, column meanings, group/totals/footer rows, levels and the groups inside them
(districts over communes), periods and dossier lists.
"""

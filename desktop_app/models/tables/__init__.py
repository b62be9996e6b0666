"""Tables: a sheet's cell grid in, unit rows with their measures out (SheetImport).

Header rows, column meanings, group/totals/footer rows, levels, periods and dossier lists.
"""

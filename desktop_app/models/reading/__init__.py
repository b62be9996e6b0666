"""Reading: a report file's bytes in, a guarded cell grid (values, merges, formats) out.

Formats are told by content (.xlsx, .xls, HTML or Excel 2003 XML); bad files raise ReportError.
"""

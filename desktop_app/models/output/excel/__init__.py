"""The Excel export: a Summary in, a formatted workbook out (indicator table, charts, summary).

export.py assembles the three sheets and writes the file through safe_write.
"""

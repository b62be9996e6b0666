"""Output: an assessed Summary in; the report paragraph, the JSON document and the Excel file out.

Every file is written whole or not at all (safe_write); the words of every output live in words.py.
"""

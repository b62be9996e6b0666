"""The summary tab: a view's figures per level and group (figures.py) over the report paragraph,
editable and ready to copy (paragraph.py), in one panel (panel.py)."""

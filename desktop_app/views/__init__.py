"""The window: widgets that show a Summary and take the user's actions; no domain rules here.

table/ (units table), charts/ (bars per level), dialogs/ (targets, warnings, about, errors).
"""

"""Indicators: unit rows of one or more files in, an assessed Summary out.

Units merged across files, targets applied, statuses, per-level statistics, last period's figures.
"""

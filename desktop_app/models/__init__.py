"""The domain, in the order a report file travels through it; no Qt widgets here.

reading/ (bytes -> cell grid) -> tables/ (grid -> unit rows) -> indicators/ (rows -> rates,
targets, statuses, statistics) -> output/ (narrative, JSON, Excel); workspace.py holds the open files.
"""

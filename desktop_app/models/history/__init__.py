"""History: the months kept. Read reports in, a local SQLite database of every unit's figures out;
from it the earlier period to compare with, trends over the months, and unit names carried across
renames and the 2025 mergers."""

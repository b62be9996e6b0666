"""The charts: a Summary and the units shown in, one bar chart per level out (pyqtgraph)."""

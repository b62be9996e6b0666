"""The printed report: a Summary in, A4 pages drawn with QPainter out (PDF, preview, printer).

Needs QtGui only; the print dialogs import QtPrintSupport when used.
"""

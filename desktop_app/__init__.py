"""Chỉ số Một cửa: one-stop and digital-signing indicators from the Excel reports offices receive."""

__version__ = "0.1.0"
PRODUCT = "Chỉ số Một cửa"  # the product's name, in every language (document properties, About)

"""The app's data files (vocabulary, indicators, targets, provinces, samples), installed as the
package ``desktop_app.resources``; read them through ``desktop_app.models.resources``."""

"""Dialogs: targets editor, warnings list, About box, and the one way an error is shown."""

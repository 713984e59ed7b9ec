"""The settings dialog and its key capture."""

"""Poise: a quiet companion window for the meeting with an upset client."""

__version__ = "0.1.0"
APP_NAME = "Poise"

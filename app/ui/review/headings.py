"""The review's section headings: bold, a little larger than the text under them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui.common.bold_label import bold_label


def bold_title(text: str) -> QLabel:
    """A front-page panel's title (Open follow-ups, Trends): it wraps rather than being cut
    off when a long client name or a language's longer words need more than the panel."""
    title = bold_label(text, scale=1.1)
    title.setWordWrap(True)
    return title


def section_title(text: str) -> QLabel:
    """A meeting page section's heading (Timeline, Notes, ...), named for the style sheet."""
    return bold_label(text, scale=1.15, name="sectionTitle")

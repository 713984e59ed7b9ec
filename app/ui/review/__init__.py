"""The review after the meeting: find any meeting, see what happened, follow up, export.

``open_review_window`` is what the composition root (``app.ui.app_controller``) calls,
for the home window's entry and for ``poise review`` alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.review.window import ReviewWindow
    from app.ui.store_client import StoreClient


def open_review_window(client: StoreClient) -> ReviewWindow:
    """A review window over the app's open store; the caller keeps it alive and shows it."""
    from app.ui.review.window import ReviewWindow

    return ReviewWindow(client)

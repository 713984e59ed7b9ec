"""The review after the meeting: find any meeting, see what happened, follow up, export.

``open_review_window`` is what the composition root (``app.ui.app_controller``) calls,
for the home window's entry and for ``poise review`` alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.common.store_client import StoreClient
    from app.ui.review.window import ReviewWindow


def open_review_window(
    client: StoreClient, playbook_titles: Mapping[str, str] | None = None
) -> ReviewWindow:
    """A review window over the app's open store; the caller keeps it alive and shows it.

    ``playbook_titles`` (``PlaybookLibrary.titles()``) lets the review name playbooks as
    the user knows them; without it the shipped and the user's playbooks are read here.
    """
    from app.settings import shared_settings
    from app.ui.review.window import ReviewWindow

    if playbook_titles is None:
        from app.playbooks import load_all_playbooks

        playbook_titles = load_all_playbooks().titles()
    settings = shared_settings().current
    return ReviewWindow(
        client,
        playbook_titles=playbook_titles,
        cue_fade_seconds=settings.cue_fade_seconds,
        export_folder=settings.last_export_folder,
    )

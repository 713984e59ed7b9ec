"""Exports of the user's meetings: Markdown, PDF, iCalendar and CSV.

Every export of one meeting starts from ``MeetingReport`` (``app.export.report``), the
same display-ready view the review's meeting page shows, so a file holds exactly what
the user saw on screen and nothing of other meetings.
"""

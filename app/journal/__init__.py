"""The meeting journal: what the user types is on disk before the database has it.

A meeting starts before the store may have it (the database still opening, locked, full
or unreachable), and a crash may come at any keystroke. The journal closes that gap in
one round trip:

1. Keystroke. The live meeting's session (``app.ui.live.session``) hands each write of a
   meeting that the store does not hold yet (note text, stamped lines, steps, cues,
   action items, follow-up, end) to the meeting's ``MeetingJournal``
   (``app.journal.writer``); the GUI thread only hands over a record.
2. Journal file. A thread of the journal's own appends it to
   ``<data dir>/journal/<uuid>.jsonl`` and fsyncs every batch, within milliseconds. The
   file is the user's alone; when the data folder cannot be written (a full disk), the
   whole journal is written again to a private folder in the temporary directory.
3. Store write. When the store has the meeting, the session sends it the same writes,
   in order, through the store's writer.
4. Journal removed. Once the store holds everything the journal held, the session
   discards it; a write the store refused keeps the file.
5. After a kill. The next ``open_store`` replays every journal no running Poise is
   writing (``app.journal.replay``): each is applied in one transaction, idempotently
   (nothing already stored is added twice), then removed. One that cannot be read or
   applied is kept, never deleted, and named for the user on the home window.

Two modules, in layers: ``writer`` is plain Python, free of the store, so the live window
imports it at once; ``replay`` reads the writer's files into the store and imports both
(only the store's opening imports it). ``app.ui.common.journal_words`` says in plain
words where the notes are meanwhile.
"""

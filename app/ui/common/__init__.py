"""What every room uses: the store client, theme, crash handling, export folders and dialogs,
system-wide shortcuts, the screen probe and its fit checks, the journal's words."""

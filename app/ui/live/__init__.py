"""The live meeting: prepare, the live window and its parts, the session, the summary."""

"""The meeting itself: the live window, its session and notes, the flow from prepare to summary."""

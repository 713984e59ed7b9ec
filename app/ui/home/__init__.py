"""The home window: New meeting, the recent meetings, what start-up has to say (a store that will
not open, meetings left open, reminders due).
"""

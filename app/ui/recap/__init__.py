"""The message to the client after a meeting: the recap dialog and its hand-off to the mail
program.
"""

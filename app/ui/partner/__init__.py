"""The partner: pairing, the partner link's wiring to a meeting, the relay's status line, the
partner window.
"""

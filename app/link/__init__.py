"""The partner link: a small page and WebSocket channel a colleague uses to send a cue.

Qt networking only (no widgets, no database). ``server`` listens during a live
meeting, ``client`` is the partner side of a second Poise. When the two cannot reach
each other, ``relay`` carries the same messages through the team's MQTT broker,
sealed by ``relay_crypto``, for the partners kept in ``pairing``.
"""

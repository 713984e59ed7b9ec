"""Before the meeting: the prepare dialog (client, title, playbook, partner and cues, the
checklist).
"""

"""Qt windows and widgets of Poise.

Widgets stay thin: they call the service layer and react to signals.
"""

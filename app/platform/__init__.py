"""Operating-system integrations that Qt does not offer, each behind one small interface."""

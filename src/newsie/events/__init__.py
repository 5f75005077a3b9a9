"""Event typing, participants and places."""

"""Finding and normalizing dates."""

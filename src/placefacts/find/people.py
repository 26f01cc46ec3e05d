"""people finder (in progress)."""

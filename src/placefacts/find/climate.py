"""climate finder (in progress)."""

"""twins finder (in progress)."""

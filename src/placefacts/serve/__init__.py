"""`placefacts serve`: look at a knowledge base in a browser, or query it as JSON."""

from __future__ import annotations

from placefacts.serve.app import create_app

__all__ = ["create_app"]

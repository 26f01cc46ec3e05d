"""Numbered, one-line, actionable errors (the same shape on the CLI and the API).

Every error names the input it is about and what to do. Codes are stable:
add new ones, never reuse a number.
"""

from __future__ import annotations

from typing import Any

CODES: dict[str, str] = {
    "E001": "cannot read file",
    "E002": "cannot decode text",
    "E003": "not a place article input",
    "E004": "malformed dump",
    "E005": "invalid gold file",
    "E006": "database error",
    "E007": "invalid query",
    "E008": "not found",
    "E009": "invalid option",
}


class PlacefactsError(Exception):
    """An error about one input, reported as `placefacts: E00N <path>: <message>`."""

    code = "E000"

    def __init__(self, message: str, path: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.code} {where}{self.message}{hint}"

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape shared by CLI (--format json) and web API."""
        return {"error": {"code": self.code, "message": self.message, "path": self.path, "hint": self.hint}}


class ReadError(PlacefactsError):
    code = "E001"


class DecodeError(PlacefactsError):
    code = "E002"


class InputFormError(PlacefactsError):
    code = "E003"


class DumpError(PlacefactsError):
    code = "E004"


class GoldError(PlacefactsError):
    code = "E005"


class StoreError(PlacefactsError):
    code = "E006"


class QueryError(PlacefactsError):
    code = "E007"


class NotFoundError(PlacefactsError):
    code = "E008"


class OptionError(PlacefactsError):
    code = "E009"

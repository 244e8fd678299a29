"""The one error the extractors raise for a file they cannot read.

Extractors never let a library exception escape: random bytes, an empty file, a ZIP that is
not a Word document or a PDF without a text layer all end up as ``ReportReadError`` with a
message a clerk can act on.
"""

from __future__ import annotations


class ReportReadError(ValueError):
    """The file is not a readable report in the claimed format."""

    def __init__(self, fmt: str, message: str) -> None:
        super().__init__(f"cannot read {fmt} report: {message}")
        self.fmt = fmt


class CJKFontNotFoundError(RuntimeError):
    """No font with Chinese glyphs is installed, so a PDF cannot be rendered."""

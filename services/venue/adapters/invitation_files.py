"""Reading an uploaded guest list: CSV (UTF-8, with or without BOM) or XLSX (its first sheet, openpyxl).

Rows come back as column name -> text, the header lower-cased; what the rows mean is the domain's
(``domain/invitations.py``). A file that cannot be read at all is refused with the reason, never its content.
"""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from collections.abc import Generator
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = (CSV, XLSX)
COLUMNS = ("email", "name", "locale")


class UnreadableFile(Exception):
    """The file is not what its media type says (``field`` names the part at fault)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


def guest_rows(content: bytes, media_type: str, limit: int) -> list[dict[str, str]]:
    """The file's rows after the header (at most ``limit`` + 1, so the caller can tell it was too long)."""
    with contextlib.closing(_csv(content) if media_type == CSV else _xlsx(content)) as table:
        return _rows(table, limit)


def _rows(table: Generator[list[Any], None, None], limit: int) -> list[dict[str, str]]:
    header = [str(name or "").strip().lower() for name in next(table, [])]
    if "email" not in header:
        raise UnreadableFile(
            "columns", "the first row must name the columns: email, and optionally name, locale"
        )
    unknown = sorted({name for name in header if name and name not in COLUMNS})
    if unknown:
        raise UnreadableFile("columns", f"unknown columns {', '.join(unknown)}: only {', '.join(COLUMNS)}")
    rows = []
    for cells in table:
        rows.append({name: _text(cell) for name, cell in zip(header, cells, strict=False) if name})
        if len(rows) > limit:
            break
    return rows


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime | date):
        return cell.isoformat()
    return str(cell)


def _csv(content: bytes) -> Generator[list[Any], None, None]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("file", "is not UTF-8 text: save the CSV as UTF-8") from None
    try:
        yield from csv.reader(io.StringIO(text, newline=""))
    except csv.Error:
        raise UnreadableFile("file", "is not a well-formed CSV file") from None


def _xlsx(content: bytes) -> Generator[list[Any], None, None]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise UnreadableFile("file", "is not an XLSX workbook") from None
    if not book.worksheets:
        raise UnreadableFile("file", "the workbook has no sheet")
    return _sheet_rows(book)


def _sheet_rows(book: Any) -> Generator[list[object], None, None]:
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()

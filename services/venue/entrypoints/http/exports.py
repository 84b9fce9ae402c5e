"""Tables as the person asked for them (``Accept``): JSON, CSV or an Excel workbook.

CSV is UTF-8 *with* a byte order mark: Excel, which the venue's staff open exports with, reads a CSV
without one in the machine's ANSI code page (GBK on a Chinese Windows), garbling every Chinese
title; with the mark it reads UTF-8. Other tools (Python's ``utf-8-sig``, LibreOffice, pandas) skip
the mark. Rows follow RFC 4180 (quoted where needed, CRLF). Text a spreadsheet would run as a
formula (=, +, -, @ first) is written with a leading apostrophe, the OWASP advice against CSV
injection; workbook cells hold such text as text, never as a formula.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from litestar import Request, Response
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, Operation, Schema
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from shared.http.problems import ApiError

JSON = "application/json"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Sheet:
    """One table: its title, the column labels and the rows (plain values)."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


def wanted_format(request: Request[Any, Any, Any], offered: Sequence[str]) -> str:
    """The media type to answer in (JSON when the caller does not say); 406 when none suits."""
    if "accept" not in request.headers:
        return JSON
    chosen = request.accept.best_match(list(offered))
    if chosen is None:
        raise ApiError(406, "Not acceptable", f"this answers {', '.join(offered)}")
    return chosen


def cell(value: Any, zone: tzinfo) -> Any:
    """A value as a table shows it: times in the venue's zone (ISO 8601 with the offset), ids as text."""
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat()
    if isinstance(value, date | uuid.UUID):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_body(sheet: Sheet) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_safe(label) for label in sheet.columns])
    writer.writerows([_safe(value) for value in row] for row in sheet.rows)
    return (BOM + buffer.getvalue()).encode()


def xlsx_body(sheets: Iterable[Sheet]) -> bytes:
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.title[:31])  # Excel's limit on a sheet's name
        worksheet.append([_text_cell(worksheet, label) for label in sheet.columns])
        for row in sheet.rows:
            worksheet.append([_text_cell(worksheet, v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(worksheet: Any, value: str) -> WriteOnlyCell:
    """A string cell that stays a string (openpyxl would take '=…' for a formula)."""
    written = WriteOnlyCell(worksheet, value=value)
    written.data_type = "s"
    return written


def table_response(
    media_type: str, sheets: Sequence[Sheet], filename: str, headers: dict[str, str] | None = None
) -> Response[Any]:
    """The sheets as CSV (the first one only) or as a workbook, to be saved as ``filename``."""
    if media_type == CSV:
        body, extension, content_type = csv_body(sheets[0]), "csv", "text/csv; charset=utf-8; header=present"
    else:
        body, extension, content_type = xlsx_body(sheets), "xlsx", XLSX
    disposition = {"Content-Disposition": f'attachment; filename="{filename}.{extension}"'}
    return Response(body, media_type=content_type, headers={**(headers or {}), **disposition})


def also_as(*media_types: str) -> type[Operation]:
    """An OpenAPI operation whose 200 answer is documented in ``media_types`` too (by Accept)."""

    @dataclass
    class Alternatives(Operation):
        def __post_init__(self) -> None:
            answer = (self.responses or {}).get("200")
            if isinstance(answer, OpenAPIResponse):
                answer.content = {
                    **(answer.content or {}),
                    **{
                        media: OpenAPIMediaType(
                            schema=Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
                        )
                        for media in media_types
                    },
                }

    return Alternatives

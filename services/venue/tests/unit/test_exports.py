"""Exported tables: CSV for Excel (a BOM, RFC 4180 quoting, no formulas), workbooks with text as text."""

import csv
import io
import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from services.venue.entrypoints.http.exports import Sheet, cell, csv_body, xlsx_body
from services.venue.entrypoints.http.labels import labels

pytestmark = pytest.mark.unit

SHEET = Sheet(
    "Bookings",
    ["title", "organizer"],
    [['Forum, "Belt and Road"\nday 2', "王伟"], ['=HYPERLINK("http://x")', "+86 23"], ["-1", "@home"]],
)


def test_csv_has_a_bom_quotes_as_rfc_4180_and_defuses_formulas():
    body = csv_body(SHEET)
    assert body.startswith("\ufeff".encode())
    assert b"\r\n" in body
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["title", "organizer"]
    assert rows[1] == ['Forum, "Belt and Road"\nday 2', "王伟"]
    assert rows[2] == ['\'=HYPERLINK("http://x")', "'+86 23"]
    assert rows[3] == ["'-1", "'@home"]


def test_a_workbook_keeps_formula_looking_text_as_text():
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_body([SHEET, Sheet("Numbers", ["n"], [[1], [2.5]])])))
    assert workbook.sheetnames == ["Bookings", "Numbers"]
    sheet = workbook["Bookings"]
    assert sheet["A3"].value == '=HYPERLINK("http://x")' and sheet["A3"].data_type == "s"
    assert sheet["B2"].value == "王伟"
    assert [row[0].value for row in workbook["Numbers"].iter_rows(min_row=2)] == [1, 2.5]


def test_cells_show_times_in_the_venue_zone_and_ids_as_text():
    zone = ZoneInfo("Asia/Shanghai")
    assert cell(datetime(2027, 3, 2, 6, tzinfo=UTC), zone) == "2027-03-02T14:00:00+08:00"
    booking = uuid.uuid4()
    assert cell(booking, zone) == str(booking)
    assert (cell(True, zone), cell(None, zone), cell(3, zone)) == ("true", "", 3)


def test_headers_are_in_the_callers_language():
    assert labels(["title", "starts_at"], "zh-CN") == ["活动名称", "开始时间"]
    assert labels(["title", "starts_at"], "en") == ["Title", "Starts"]

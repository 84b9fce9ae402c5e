"""The invitation letter's PDF: rendered with the CJK font, read back by an independent reader (poppler's
pdftotext), every character of the Chinese and English text present (no missing glyphs), the font embedded,
and a name the font cannot print refused by field before anything is drawn."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from services.venue.adapters.letter_pdf import LetterContent, Letterhead, Unprintable, letter_lines, render
from services.venue.tests.letter_tools import letter_tools  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.unit, pytest.mark.usefixtures("letter_tools")]

HEAD = Letterhead(
    name_zh="WICT国际文化旅游交流中心",
    name_en="WICT International Culture & Tourism Exchange Venue",
    address_zh="中国重庆市两江新区寸滩国际新城",
    address_en="Cuntan International New Town, Liangjiang New Area, Chongqing, China",
    signatory_zh="WICT国际文化旅游交流中心 主任",
    signatory_en="Director, WICT International Culture & Tourism Exchange Venue",
    verify_url="https://venue.example/verify",
)
LETTER = LetterContent(
    number="WICT-2027-000123",
    code="7KQ2M-9XW3D",
    issued_on=date(2027, 5, 1),
    guest_name="Nguyễn Văn An",
    nationality="VN",
    passport_number="PA1234567",
    date_of_birth=date(1988, 2, 29),
    event="2027东盟文化旅游论坛 ASEAN Culture & Tourism Forum",
    starts_on=date(2027, 5, 20),
    ends_on=date(2027, 5, 22),
    place="一号展厅 Hall 1",
    inviting_organization="重庆市旅游协会 Chongqing Tourism Association",
)


def text_of(pdf: bytes) -> str:
    reader = shutil.which("pdftotext")
    assert reader, "pdftotext (Debian poppler-utils) is needed to read the letter back"
    return subprocess.run(
        [reader, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def squeezed(text: str) -> str:
    return "".join(text.split())  # line wrapping may break anywhere; the characters must all be there


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render(HEAD, LETTER)


def test_the_letter_reads_back_character_for_character_in_chinese_and_english(pdf):
    assert pdf.startswith(b"%PDF-")
    expected = "".join(text for _, text in letter_lines(HEAD, LETTER))
    assert squeezed(text_of(pdf)) == squeezed(expected)


def test_the_letter_says_what_a_consulate_needs_in_both_languages():
    lines = [text for _, text in letter_lines(HEAD, LETTER)]
    assert "姓名：Nguyễn Văn An    国籍：越南" in lines
    assert "Name: Nguyễn Văn An    Nationality: Vietnam" in lines
    assert "护照号码：PA1234567    出生日期：1988年2月29日" in lines
    assert "Passport No.: PA1234567    Date of birth: 29 February 1988" in lines
    assert "活动日期：2027年5月20日至2027年5月22日" in lines
    assert "Dates: 20 May 2027 to 22 May 2027" in lines
    assert "编号：WICT-2027-000123    签发日期：2027年5月1日" in lines


def test_the_font_is_embedded_so_no_reader_substitutes_another(pdf):
    reader = shutil.which("pdffonts")
    assert reader
    listing = subprocess.run([reader, "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    fonts = listing.splitlines()[2:]
    assert fonts and all(" yes yes " in line and "NotoSansCJK" in line for line in fonts)


def test_a_name_the_font_cannot_print_is_refused_by_field_without_its_text():
    with pytest.raises(Unprintable) as refused:
        render(HEAD, replace(LETTER, guest_name="ທອງ ສີ"))  # Lao: not in the CJK font
    assert refused.value.field == "guest.full_name"
    assert "ທ" not in str(refused.value)

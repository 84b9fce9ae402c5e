"""Visa invitation letters as PDF, in Chinese and English, with fpdf2 and Noto Sans CJK SC (docs/guests.md).

The font is a file on this machine (Debian's fonts-noto-cjk; SIL Open Font License): nothing is fetched at
run time. Every character is checked against the font before anything is drawn, so a name the font cannot
print is refused by field instead of printed as an empty box (and fpdf2 never logs the characters it
misses: they would be a guest's name). Loading the font takes seconds: callers run ``render`` in a thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import segno
from babel import Locale
from fpdf import FPDF
from fpdf.fonts import TTFFont

NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
SIMPLIFIED_CHINESE = (
    2  # the SC face of the Noto Sans CJK collection (JP, KR, SC, TC, HK, then the Mono faces)
)
_ZH, _EN = Locale.parse("zh_Hans_CN"), Locale.parse("en")


class Unprintable(Exception):
    """Some of the letter's text has characters the font lacks; ``field`` names where (never the text)."""

    def __init__(self, field: str) -> None:
        super().__init__(f"{field}: has characters the letter's font cannot print")
        self.field = field


@dataclass(frozen=True)
class LetterFont:
    regular: Path = NOTO_CJK / "NotoSansCJK-Regular.ttc"
    bold: Path = NOTO_CJK / "NotoSansCJK-Bold.ttc"
    face: int = SIMPLIFIED_CHINESE


@dataclass(frozen=True)
class Letterhead:
    """The venue as the letter's host and signatory (from configuration)."""

    name_zh: str
    name_en: str
    address_zh: str
    address_en: str
    signatory_zh: str
    signatory_en: str
    verify_url: str  # the public verification page; the code is typed there (or read from the QR code)


@dataclass(frozen=True)
class LetterContent:
    number: str
    code: str  # printed form, e.g. ABCDE-FGHJK
    issued_on: date
    guest_name: str
    nationality: str  # ISO 3166-1 alpha-2
    passport_number: str
    date_of_birth: date
    event: str
    starts_on: date
    ends_on: date
    place: str  # the spaces, as the venue names them
    inviting_organization: str


def _zh_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _en_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _span(starts: date, ends: date, zh: bool) -> str:
    form = _zh_date if zh else _en_date
    if starts == ends:
        return form(starts)
    return f"{form(starts)}至{form(ends)}" if zh else f"{form(starts)} to {form(ends)}"


def letter_lines(head: Letterhead, letter: LetterContent) -> list[tuple[str, str]]:
    """The letter's text, line by line, as (style, text): ``title``, ``body`` or ``small``."""
    zh_country = _ZH.territories.get(letter.nationality, letter.nationality)
    en_country = _EN.territories.get(letter.nationality, letter.nationality)
    url = f"{head.verify_url}?number={letter.number}"
    return [
        ("small", f"{head.name_zh}  {head.name_en}"),
        ("small", f"{head.address_zh}  {head.address_en}"),
        ("title", "邀请函"),
        ("body", f"编号：{letter.number}    签发日期：{_zh_date(letter.issued_on)}"),
        ("body", "致中华人民共和国驻外使领馆及出入境管理部门："),
        ("body", f"兹邀请下列人员来华参加{letter.event}。"),
        ("body", f"姓名：{letter.guest_name}    国籍：{zh_country}"),
        ("body", f"护照号码：{letter.passport_number}    出生日期：{_zh_date(letter.date_of_birth)}"),
        ("body", f"活动日期：{_span(letter.starts_on, letter.ends_on, zh=True)}"),
        ("body", f"活动地点：{head.name_zh}，{letter.place}"),
        ("body", f"邀请单位：{letter.inviting_organization}    接待单位：{head.name_zh}"),
        ("body", f"本函可在 {url} 凭核验码 {letter.code} 核验。"),
        ("body", head.signatory_zh),
        ("title", "INVITATION LETTER"),
        ("body", f"No.: {letter.number}    Date of issue: {_en_date(letter.issued_on)}"),
        ("body", "To the consular officers and border authorities concerned:"),
        ("body", f"We hereby invite the person below to China to attend {letter.event}."),
        ("body", f"Name: {letter.guest_name}    Nationality: {en_country}"),
        (
            "body",
            f"Passport No.: {letter.passport_number}    Date of birth: {_en_date(letter.date_of_birth)}",
        ),
        ("body", f"Dates: {_span(letter.starts_on, letter.ends_on, zh=False)}"),
        ("body", f"Venue: {head.name_en}, {letter.place}"),
        ("body", f"Inviting organization: {letter.inviting_organization}    Host: {head.name_en}"),
        ("body", f"This letter can be verified at {url} with the code {letter.code}."),
        ("body", head.signatory_en),
    ]


_FIELDS = (
    ("guest_name", "guest.full_name"),
    ("event", "event.title"),
    ("place", "event.spaces"),
    ("inviting_organization", "event.organization"),
)


def _check_printable(
    covered: set[int], head: Letterhead, letter: LetterContent, lines: Iterable[str]
) -> None:
    for attribute, field in _FIELDS:
        if any(ord(character) not in covered for character in getattr(letter, attribute)):
            raise Unprintable(field)
    if any(ord(character) not in covered for line in lines for character in line if not character.isspace()):
        raise Unprintable("letterhead")


def _draw_qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """The QR code as vector squares (no image library): segno's matrix, quiet zone included."""
    qr = segno.make(text, error="m")
    rows = list(qr.matrix_iter(border=4))
    module = size / len(rows)
    pdf.set_fill_color(0, 0, 0)
    for row_index, row in enumerate(rows):
        for column_index, dark in enumerate(row):
            if dark:
                pdf.rect(x + column_index * module, y + row_index * module, module, module, style="F")


def _covered(pdf: FPDF, key: str) -> set[int]:
    font = pdf.fonts[key]
    if not isinstance(font, TTFFont):
        raise TypeError(f"{key} is not an embedded font")
    return set(font.ttfont.getBestCmap())


def render(head: Letterhead, letter: LetterContent, font: LetterFont = LetterFont()) -> bytes:
    """The letter as PDF bytes (A4); raises ``Unprintable`` naming the field the font cannot print."""
    pdf = FPDF(format="A4")
    pdf.set_creator("WICT venue")
    pdf.set_title(f"Invitation letter {letter.number}")
    pdf.add_font("letter", "", str(font.regular), collection_font_number=font.face)
    pdf.add_font("letter", "B", str(font.bold), collection_font_number=font.face)
    lines = letter_lines(head, letter)
    covered = _covered(pdf, "letter") & _covered(pdf, "letterB")
    _check_printable(covered, head, letter, (text for _, text in lines))
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    sizes = {"title": ("B", 16, 11), "body": ("", 10.5, 6.5), "small": ("", 8.5, 4.5)}
    for style, text in lines:
        weight, size, height = sizes[style]
        if style == "title":
            pdf.ln(4)
        pdf.set_font("letter", weight, size)
        pdf.multi_cell(0, height, text, align="C" if style == "title" else "L", new_x="LMARGIN", new_y="NEXT")
    side = 28.0  # mm: scannable from paper at arm's length
    if pdf.get_y() + side + 4 > pdf.h - 18:
        pdf.add_page()
    link = f"{head.verify_url}?number={letter.number}&code={letter.code}"
    _draw_qr(pdf, link, pdf.w - 20 - side, pdf.get_y() + 4, side)
    return bytes(pdf.output())

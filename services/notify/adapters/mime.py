"""The bytes of one notice e-mail, written directly: multipart/alternative (text, HTML), in a
multipart/mixed with the calendar file when there is one.

The standard library's ``EmailMessage`` builds the same message through its header registry and
generator: about 10 ms per e-mail here, the largest part of notify's CPU per booking. This writes the
same structure with base64 bodies and RFC 2047 subjects; the parsed result is what ``EmailMessage``
made (``services/notify/tests/unit/test_mailer.py`` reads it back with the standard parser).
"""

from __future__ import annotations

import base64
import uuid
from email.header import Header
from email.utils import formataddr, parseaddr

CRLF = "\r\n"


def header_value(name: str, value: str) -> str:
    """A header's value, folded; RFC 2047 encoded when not ASCII; never a line break of the caller's."""
    value = " ".join(value.splitlines())  # a title with a line break must not start a header of its own
    charset = "us-ascii" if value.isascii() else "utf-8"
    return Header(value, charset, header_name=name).encode(linesep=CRLF)


def address(value: str) -> str:
    """``Name <addr>`` with the name encoded if it needs to be; ``ValueError`` for a non-ASCII address."""
    name, addr = parseaddr(" ".join(value.splitlines()))
    if not addr.isascii():
        raise ValueError("a non-ASCII address needs SMTPUTF8")
    return formataddr((name, addr), charset="utf-8")


def _base64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii").replace("\n", CRLF)


def _part(content_type: str, body: bytes, disposition: str = "") -> str:
    headers = [f"Content-Type: {content_type}", "Content-Transfer-Encoding: base64"]
    if disposition:
        headers.append(f"Content-Disposition: {disposition}")
    return CRLF.join(headers) + CRLF + CRLF + _base64(body)


def _multipart(subtype: str, parts: list[str]) -> str:
    boundary = f"=_wict_{uuid.uuid4().hex}"
    body = "".join(f"--{boundary}{CRLF}{part}{CRLF}" for part in parts) + f"--{boundary}--{CRLF}"
    return f'Content-Type: multipart/{subtype}; boundary="{boundary}"{CRLF}{CRLF}{body}'


def message_bytes(headers: list[tuple[str, str]], text: str, html: str, ics: str) -> bytes:
    """The whole message: ``headers`` (already encoded), then the text, the HTML and the calendar file."""
    parts = [_part('text/plain; charset="utf-8"', text.encode())]
    if html:
        parts.append(_part('text/html; charset="utf-8"', html.encode()))
    content = parts[0] if len(parts) == 1 else _multipart("alternative", parts)
    if ics:  # bytes, so the CRLF line ends reach the calendar unchanged (base64)
        calendar = _part(
            'text/calendar; method="PUBLISH"; charset="utf-8"',
            ics.encode(),
            'attachment; filename="booking.ics"',
        )
        content = _multipart("mixed", [content, calendar])
    lines = [f"{name}: {value}" for name, value in headers] + ["MIME-Version: 1.0"]
    return (CRLF.join(lines) + CRLF + content).encode("ascii")

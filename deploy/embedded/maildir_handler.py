"""The SMTP sink's handler: each received message goes into the maildir as the bytes it came as.

aiosmtpd's own ``Mailbox`` handler parses every message into an ``email.message.Message`` and writes it
back out, about 5 ms of CPU per e-mail here, for a sink that only stores. The envelope lines it added
(``X-Peer``, ``X-MailFrom``, ``X-RcptTo``) are kept, at the top of the headers.
"""

from __future__ import annotations

import mailbox
from argparse import ArgumentParser
from typing import Any


class RawMaildir:
    def __init__(self, mail_dir: str) -> None:
        self.mailbox = mailbox.Maildir(mail_dir)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content or b""
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        envelope_lines = (
            f"X-Peer: {session.peer}\r\nX-MailFrom: {envelope.mail_from}\r\n"
            f"X-RcptTo: {', '.join(envelope.rcpt_tos)}\r\n"
        )
        self.mailbox.add(envelope_lines.encode("utf-8", "surrogateescape") + content)
        return "250 OK"

    @classmethod
    def from_cli(cls, parser: ArgumentParser, *args: str) -> RawMaildir:
        if len(args) != 1:
            parser.error("the maildir is the one argument")
        return cls(args[0])

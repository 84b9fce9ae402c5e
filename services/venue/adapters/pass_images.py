"""The check-in pass as a QR code image (segno, error level M): SVG for pages, PNG for e-mails (mail
clients do not show SVG; segno writes PNG without Pillow). The code holds ``WICT1:<code>`` only."""

from __future__ import annotations

import io

import segno

from services.venue.domain.checkin import qr_payload


def pass_image(code: str, kind: str) -> bytes:
    """The pass's QR code as ``svg`` or ``png``."""
    out = io.BytesIO()
    segno.make(qr_payload(code), error="m", micro=False).save(out, kind=kind, scale=8, border=4)
    return out.getvalue()

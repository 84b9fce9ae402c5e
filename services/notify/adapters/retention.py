"""SQL of notify's retention: what a delivered notification carried only to be sent goes once sent.

The feed keeps a notification's subject and body (what the recipient reads in the app); its e-mail HTML,
SMS text, calendar file, webhook data and trace context were needed only by the dispatchers. A notice whose
text carries a link's secret (a guest's personal link) is in no feed: its body goes too.
"""

from __future__ import annotations

from datetime import datetime

import asyncpg

from services.notify.domain.notices import SECRET_IN_TEXT

# a notification is past its use when it is older than the window and none of its deliveries is pending
# (a pending retry still needs the payload)
_CLEAR_PAYLOADS = """
UPDATE notifications SET html = '', sms = '', ics = '', data = '{}', trace_context = '{}',
    body = CASE WHEN event = ANY($3::text[]) THEN '' ELSE body END
WHERE id = ANY(ARRAY(
    SELECT n.id FROM notifications n
    WHERE n.created_at < $1
      AND (n.html <> '' OR n.sms <> '' OR n.ics <> '' OR n.data <> '{}' OR n.trace_context <> '{}')
      AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = n.id AND d.state = 'pending')
    ORDER BY n.created_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
))
"""


async def clear_payloads(pool: asyncpg.Pool, created_before: datetime, batch: int) -> int:
    """Clear the payloads of up to ``batch`` delivered notifications made before ``created_before``."""
    status = await pool.execute(_CLEAR_PAYLOADS, created_before, batch, sorted(SECRET_IN_TEXT))
    return int(status.split()[-1])

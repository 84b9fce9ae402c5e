"""The public verification of an invitation letter: its facts and state for a number and code that belong
together, one answer (not found) for anything else, and an audit row for each successful check."""

from __future__ import annotations

import hashlib

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.letters import LetterFacts, facts_shown, read_number, read_verification_code
from services.venue.handlers.errors import NotFound

PUBLIC = "public:letter-verification"


async def verify_letter(
    database: VenueDatabase, number: str, code: str, network: str, trace_id: str
) -> LetterFacts:
    """The letter's facts (issued or revoked); NotFound for a malformed or unmatched number and code.

    ``network`` is the client's /24 (or /48) network, enough to see a burst of checks, not who checked."""
    wanted, typed = read_number(number), read_verification_code(code)
    if wanted is None or typed is None:
        raise NotFound()
    async with database.transaction() as unit:
        row = await unit.letters.verify(wanted, hashlib.sha256(typed.encode()).digest())
        if row is None:
            raise NotFound()
        detail = {"number": row["number"], "status": row["status"], "network": network}
        await unit.audit.record(row["booking_id"], PUBLIC, "letter verified", detail, trace_id)
    return facts_shown(row["facts"], row["status"], row["revoked_at"])

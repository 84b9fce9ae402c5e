"""Dietary counts of an order: known needs only, and never more guests with a need than guests."""

from __future__ import annotations

from collections.abc import Mapping

DIETARY_KEYS = ("vegetarian", "vegan", "halal", "gluten_free")
MAX_ALLERGY_NOTES = 500


def dietary_reasons(dietary: Mapping[str, int], headcount: int, allergy_notes: str = "") -> list[str]:
    """Why the dietary counts cannot be taken (empty if they can); each reason names the problem."""
    reasons = []
    unknown = sorted(key for key in dietary if key not in DIETARY_KEYS)
    if unknown:
        reasons.append(f"unknown dietary need(s) {', '.join(unknown)}; use {', '.join(DIETARY_KEYS)}")
    negative = sorted(key for key, count in dietary.items() if count < 0)
    if negative:
        reasons.append(f"dietary count(s) {', '.join(negative)} below zero")
    total = sum(dietary.values())
    if total > headcount:
        counts = ", ".join(f"{key} {count}" for key, count in dietary.items())
        reasons.append(
            f"dietary counts add up to {total} ({counts}), more than the headcount {headcount}; "
            "count each guest once"
        )
    if len(allergy_notes) > MAX_ALLERGY_NOTES:
        reasons.append(f"allergy notes are {len(allergy_notes)} characters; keep them to {MAX_ALLERGY_NOTES}")
    return reasons

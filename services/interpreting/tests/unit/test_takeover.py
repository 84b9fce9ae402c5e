"""Who may take over a leaving agency's seats, and how a gap is told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting.domain.roster import Pair, load_roster
from services.interpreting.domain.takeover import Uncovered, stand_ins, uncovered_reason

pytestmark = pytest.mark.unit

ROSTER = load_roster()
START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)


def test_stand_ins_come_from_other_agencies_and_are_not_seated_already():
    en_zh = Pair("en", "zh")
    assert stand_ins(ROSTER, en_zh, "simultaneous", {"agency-yangtze"}, set()) == [
        "sr-01",
        "sr-02",
        "sr-03",
        "sr-05",
    ]
    assert stand_ins(ROSTER, en_zh, "simultaneous", {"agency-yangtze"}, {"sr-01"}) == [
        "sr-02",
        "sr-03",
        "sr-05",
    ]
    assert stand_ins(ROSTER, Pair("ko", "zh"), "simultaneous", {"agency-yangtze"}, set()) == []
    everyone = {agency.vendor_id for agency in ROSTER.agencies}
    assert stand_ins(ROSTER, en_zh, "consecutive", everyone, set()) == []


def test_the_reason_names_each_pair_left_without_interpreters_in_local_time():
    gaps = [Uncovered(Pair("ar", "zh"), 2, 0), Uncovered(Pair("en", "zh"), 2, 1)]
    assert uncovered_reason(gaps, START, START + timedelta(hours=4), ROSTER.zone) == (
        "no interpreter for ar→zh on 2027-03-02 14:00–18:00 (Asia/Shanghai): 2 needed, 0 free at other agencies;"
        " no interpreter for en→zh on 2027-03-02 14:00–18:00 (Asia/Shanghai): 2 needed, 1 free at other agencies"
    )

"""The web reads the APIs' RFC 9457 problems: standard members, the fields at fault, and extension members
at the top level (``conflicts``), as every service now answers them."""

import pytest

from services.web.domain.problems import ApiProblem

pytestmark = pytest.mark.unit


def test_extension_members_are_read_from_the_top_level():
    problem = ApiProblem(
        409,
        {
            "type": "/problems/conflict",
            "title": "The space is taken",
            "status": 409,
            "detail": "room-a is held then",
            "errors": [{"field": "starts_at", "reason": "overlaps"}],
            "conflicts": [{"space_id": "room-a"}],
            "trace_id": "ab" * 16,
        },
    )
    assert problem.type == "/problems/conflict"
    assert problem.conflicts == [{"space_id": "room-a"}]
    assert problem.field_errors() == {"starts_at": "overlaps"}
    assert problem.extra["trace_id"] == "ab" * 16
    assert "title" not in problem.extra and "status" not in problem.extra


def test_a_problem_without_type_or_extensions_is_about_blank_with_none():
    problem = ApiProblem(404, {"title": "Not Found", "status": 404})
    assert problem.type == "about:blank"
    assert problem.conflicts == [] and problem.field_errors() == {}

"""Finding bookings over HTTP: GET /bookings, filtered, sorted and paged, as JSON or CSV."""

from __future__ import annotations

import uuid
from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Request, Response, get
from litestar.datastructures import ResponseHeader
from litestar.params import Parameter, QueryParameter

from services.venue.domain.access import Principal
from services.venue.domain.catalog import VenueInfo
from services.venue.domain.listing import (
    MAX_PAGE,
    STATUSES,
    BookingFilter,
    Position,
    Sort,
    cursor_after,
    position_of,
    search_problem,
)
from services.venue.domain.schedule import parse_moment
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.documented import refusals
from services.venue.entrypoints.http.exports import (
    CSV,
    JSON,
    Sheet,
    also_as,
    cell,
    table_response,
    wanted_format,
)
from services.venue.entrypoints.http.labels import label, labels
from services.venue.entrypoints.schemas.listing import BookingSummary
from services.venue.handlers import listing
from services.venue.handlers.errors import NotPermitted
from shared.http.problems import ApiError, FieldError

NEXT_PAGE = ResponseHeader(
    name="Link",
    documentation_only=True,
    description='`</bookings?…&cursor=…>; rel="next"` when more may follow',
)
FROM = "the event starts at or after: a date (the venue's midnight) or a date-time with an offset"
TO = "the event starts before: a date (through the end of that day, venue time) or a date-time with an offset"
Query = Annotated[str | None, Parameter(required=False)]


def _bad(field: str, reason: str) -> ApiError:
    return ApiError(400, "Invalid query parameter", f"{field}: {reason}", [FieldError(field, reason)])


def _given(value: str | None) -> str | None:
    """Empty parameters (a form's unset fields) filter nothing."""
    return value.strip() or None if value is not None else None


def _statuses(values: list[str] | None) -> tuple[str, ...]:
    wanted = tuple(part for value in values or [] for part in value.split(",") if part.strip())
    for status in wanted:
        if status not in STATUSES:
            raise _bad("status", f"{status!r} is none of {', '.join(STATUSES)}")
    return wanted


def _moment(name: str, value: str | None, venue: VenueInfo, end_of_day: bool) -> Any:
    if (text := _given(value)) is None:
        return None
    moment = parse_moment(text, venue, end_of_day=end_of_day)
    if moment is None:
        raise _bad(name, "a date (2027-03-02) or a date-time with an offset (2027-03-02T14:00:00+08:00)")
    return moment


def _text(value: str | None) -> str | None:
    text = _given(value)
    if text is not None and (problem := search_problem(text)):
        raise _bad("q", problem)
    return text


def _after(cursor: str | None, sort: Sort) -> Position | None:
    if (text := _given(cursor)) is None:
        return None
    try:
        return position_of(text, sort)
    except ValueError as error:
        raise _bad("cursor", str(error)) from None


def _summary(row: Any) -> BookingSummary:
    return BookingSummary(
        booking_id=row["id"],
        title=row["title"],
        status=row["status"],
        space_id=row["space_id"],
        layout=row["layout"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        attendees=row["attendees"],
        organizer_id=row["organizer_id"],
        organizer_name=row["organizer_name"] or "",
        series_id=row["series_id"],
        approval_pending=row["approval_pending"],
        created_at=row["created_at"],
    )


def _next_link(request: Request[Any, Any, Any], page: list[BookingSummary], wanted: BookingFilter) -> str:
    last = page[-1]
    value = last.starts_at if wanted.sort.column == "starts_at" else last.created_at
    cursor = cursor_after(Position(wanted.sort, value, last.booking_id))
    kept = [(name, value) for name, value in request.query_params.multi_items() if name != "cursor"]
    return f'</bookings?{urlencode([*kept, ("cursor", cursor)])}>; rel="next"'


# BookingsController (path /bookings) takes this handler as its own: two controllers on one path collide
@get(
    "/",
    operation_id="ListBookings",
    response_headers=[NEXT_PAGE],
    operation_class=also_as(CSV),
    responses=refusals(
        e400="a filter, the sort or the cursor is not understood (the field is named)",
        e403="an organizer asked for another organizer's bookings (organizer_id)",
        e406="neither JSON nor CSV is acceptable to the caller",
    ),
)
async def list_bookings(
    self: Any,
    request: Request[Any, Any, Any],
    deps: VenueDependencies,
    principal: Principal,
    status: Annotated[
        list[str] | None, Parameter(description=f"one or more of {', '.join(STATUSES)}")
    ] = None,
    space_id: Query = None,
    starts_from: Annotated[str | None, QueryParameter(name="from", description=FROM)] = None,
    starts_before: Annotated[str | None, QueryParameter(name="to", description=TO)] = None,
    q: Annotated[
        str | None,
        Parameter(max_length=100, description="in the title or the organizer's name, any case (3+ chars)"),
    ] = None,
    approval_pending: bool | None = None,
    series_id: uuid.UUID | None = None,
    organizer_id: Annotated[uuid.UUID | None, Parameter(description="staff and ops only")] = None,
    sort: Sort = Sort.STARTS_AT,
    limit: Annotated[int, Parameter(ge=1, le=MAX_PAGE)] = 50,
    cursor: Annotated[str | None, Parameter(description="from the previous page's Link header")] = None,
) -> Response[list[BookingSummary]]:
    """The caller's bookings (staff and ops: everyone's), filtered and sorted; `Accept: text/csv` for CSV."""
    media_type = wanted_format(request, [JSON, CSV])
    venue = deps.catalog.venue
    wanted = BookingFilter(
        statuses=_statuses(status),
        space_id=_given(space_id),
        starts_from=_moment("from", starts_from, venue, end_of_day=False),
        starts_before=_moment("to", starts_before, venue, end_of_day=True),
        text=_text(q),
        approval_pending=approval_pending,
        series_id=series_id,
        organizer_id=organizer_id,
        sort=sort,
        after=_after(cursor, sort),
        limit=limit,
    )
    try:
        page = [_summary(row) for row in await listing.list_bookings(deps.database, principal, wanted)]
    except NotPermitted as refused:
        raise ApiError(
            403, "Not allowed for your role", refused.reason, [FieldError(refused.field, refused.reason)]
        ) from None
    headers = {"Link": _next_link(request, page, wanted)} if len(page) == limit else {}
    if media_type == JSON:
        return Response(page, headers=headers)
    names = list(BookingSummary.__struct_fields__)
    rows = [[cell(getattr(summary, name), venue.zone) for name in names] for summary in page]
    sheet = Sheet(label("bookings_sheet", principal.locale), labels(names, principal.locale), rows)
    return table_response(media_type, [sheet], "bookings", headers)

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.booking_summary import BookingSummary
from ...models.problem import Problem
from ...models.sort import Sort
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    status: list[str] | None | Unset = UNSET,
    space_id: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    approval_pending: bool | None | Unset = UNSET,
    series_id: None | Unset | UUID = UNSET,
    organizer_id: None | Unset | UUID = UNSET,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = status


    else:
        json_status = status
    params["status"] = json_status

    json_space_id: None | str | Unset
    if isinstance(space_id, Unset):
        json_space_id = UNSET
    else:
        json_space_id = space_id
    params["space_id"] = json_space_id

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_approval_pending: bool | None | Unset
    if isinstance(approval_pending, Unset):
        json_approval_pending = UNSET
    else:
        json_approval_pending = approval_pending
    params["approval_pending"] = json_approval_pending

    json_series_id: None | str | Unset
    if isinstance(series_id, Unset):
        json_series_id = UNSET
    elif isinstance(series_id, UUID):
        json_series_id = str(series_id)
    else:
        json_series_id = series_id
    params["series_id"] = json_series_id

    json_organizer_id: None | str | Unset
    if isinstance(organizer_id, Unset):
        json_organizer_id = UNSET
    elif isinstance(organizer_id, UUID):
        json_organizer_id = str(organizer_id)
    else:
        json_organizer_id = organizer_id
    params["organizer_id"] = json_organizer_id

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/bookings",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[BookingSummary]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = BookingSummary.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())



        return response_406

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[BookingSummary]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: list[str] | None | Unset = UNSET,
    space_id: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    approval_pending: bool | None | Unset = UNSET,
    series_id: None | Unset | UUID = UNSET,
    organizer_id: None | Unset | UUID = UNSET,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | list[BookingSummary]]:
    """ ListBookings

     The caller's bookings (staff and ops: everyone's), filtered and sorted; `Accept: text/csv` for CSV.

    Args:
        status (list[str] | None | Unset): one or more of option, pending, confirmed, rejected,
            cancelled, expired
        space_id (None | str | Unset):
        from_ (None | str | Unset): the event starts at or after: a date (the venue's midnight) or
            a date-time with an offset
        to (None | str | Unset): the event starts before: a date (through the end of that day,
            venue time) or a date-time with an offset
        q (None | str | Unset): in the title or the organizer's name, any case (3+ chars)
        approval_pending (bool | None | Unset):
        series_id (None | Unset | UUID):
        organizer_id (None | Unset | UUID): staff and ops only
        sort (Sort | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): from the previous page's Link header

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[BookingSummary]]
     """


    kwargs = _get_kwargs(
        status=status,
space_id=space_id,
from_=from_,
to=to,
q=q,
approval_pending=approval_pending,
series_id=series_id,
organizer_id=organizer_id,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    status: list[str] | None | Unset = UNSET,
    space_id: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    approval_pending: bool | None | Unset = UNSET,
    series_id: None | Unset | UUID = UNSET,
    organizer_id: None | Unset | UUID = UNSET,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Problem | list[BookingSummary] | None:
    """ ListBookings

     The caller's bookings (staff and ops: everyone's), filtered and sorted; `Accept: text/csv` for CSV.

    Args:
        status (list[str] | None | Unset): one or more of option, pending, confirmed, rejected,
            cancelled, expired
        space_id (None | str | Unset):
        from_ (None | str | Unset): the event starts at or after: a date (the venue's midnight) or
            a date-time with an offset
        to (None | str | Unset): the event starts before: a date (through the end of that day,
            venue time) or a date-time with an offset
        q (None | str | Unset): in the title or the organizer's name, any case (3+ chars)
        approval_pending (bool | None | Unset):
        series_id (None | Unset | UUID):
        organizer_id (None | Unset | UUID): staff and ops only
        sort (Sort | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): from the previous page's Link header

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[BookingSummary]
     """


    return sync_detailed(
        client=client,
status=status,
space_id=space_id,
from_=from_,
to=to,
q=q,
approval_pending=approval_pending,
series_id=series_id,
organizer_id=organizer_id,
sort=sort,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: list[str] | None | Unset = UNSET,
    space_id: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    approval_pending: bool | None | Unset = UNSET,
    series_id: None | Unset | UUID = UNSET,
    organizer_id: None | Unset | UUID = UNSET,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | list[BookingSummary]]:
    """ ListBookings

     The caller's bookings (staff and ops: everyone's), filtered and sorted; `Accept: text/csv` for CSV.

    Args:
        status (list[str] | None | Unset): one or more of option, pending, confirmed, rejected,
            cancelled, expired
        space_id (None | str | Unset):
        from_ (None | str | Unset): the event starts at or after: a date (the venue's midnight) or
            a date-time with an offset
        to (None | str | Unset): the event starts before: a date (through the end of that day,
            venue time) or a date-time with an offset
        q (None | str | Unset): in the title or the organizer's name, any case (3+ chars)
        approval_pending (bool | None | Unset):
        series_id (None | Unset | UUID):
        organizer_id (None | Unset | UUID): staff and ops only
        sort (Sort | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): from the previous page's Link header

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[BookingSummary]]
     """


    kwargs = _get_kwargs(
        status=status,
space_id=space_id,
from_=from_,
to=to,
q=q,
approval_pending=approval_pending,
series_id=series_id,
organizer_id=organizer_id,
sort=sort,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: list[str] | None | Unset = UNSET,
    space_id: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    approval_pending: bool | None | Unset = UNSET,
    series_id: None | Unset | UUID = UNSET,
    organizer_id: None | Unset | UUID = UNSET,
    sort: Sort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Problem | list[BookingSummary] | None:
    """ ListBookings

     The caller's bookings (staff and ops: everyone's), filtered and sorted; `Accept: text/csv` for CSV.

    Args:
        status (list[str] | None | Unset): one or more of option, pending, confirmed, rejected,
            cancelled, expired
        space_id (None | str | Unset):
        from_ (None | str | Unset): the event starts at or after: a date (the venue's midnight) or
            a date-time with an offset
        to (None | str | Unset): the event starts before: a date (through the end of that day,
            venue time) or a date-time with an offset
        q (None | str | Unset): in the title or the organizer's name, any case (3+ chars)
        approval_pending (bool | None | Unset):
        series_id (None | Unset | UUID):
        organizer_id (None | Unset | UUID): staff and ops only
        sort (Sort | Unset):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset): from the previous page's Link header

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[BookingSummary]
     """


    return (await asyncio_detailed(
        client=client,
status=status,
space_id=space_id,
from_=from_,
to=to,
q=q,
approval_pending=approval_pending,
series_id=series_id,
organizer_id=organizer_id,
sort=sort,
limit=limit,
cursor=cursor,

    )).parsed

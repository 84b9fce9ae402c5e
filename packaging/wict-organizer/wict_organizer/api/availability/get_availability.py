from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.availability import Availability
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    from_: str,
    to: str,
    attendees: int,
    layout: str,
    duration: str,
    languages: int | Unset = 0,
    buffet_guests: int | Unset = 0,
    space_id: None | str | Unset = UNSET,
    time_zone: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["attendees"] = attendees

    params["layout"] = layout

    params["duration"] = duration

    params["languages"] = languages

    params["buffet_guests"] = buffet_guests

    json_space_id: None | str | Unset
    if isinstance(space_id, Unset):
        json_space_id = UNSET
    else:
        json_space_id = space_id
    params["space_id"] = json_space_id

    json_time_zone: None | str | Unset
    if isinstance(time_zone, Unset):
        json_time_zone = UNSET
    else:
        json_time_zone = time_zone
    params["time_zone"] = json_time_zone


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/availability",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Availability | Problem:
    if response.status_code == 200:
        response_200 = Availability.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Availability | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    attendees: int,
    layout: str,
    duration: str,
    languages: int | Unset = 0,
    buffet_guests: int | Unset = 0,
    space_id: None | str | Unset = UNSET,
    time_zone: None | str | Unset = UNSET,

) -> Response[Availability | Problem]:
    """ Availability

     Free windows of every space seating ``attendees`` net (mobile booths and a buffet take floor),
    within opening hours, on the 30-minute grid, outside holds (with their setup, teardown and layout
    changeover) and closures. A multi-day event is one interval: the space stays blocked overnight;
    the opening hours apply to its start and its end.

    Args:
        from_ (str): ISO date (venue day) or datetime
        to (str): ISO date (included) or datetime; ≤ 92 days on
        attendees (int):
        layout (str):
        duration (str): ISO 8601 (PT4H, P2DT4H) or minutes
        languages (int | Unset): target languages: a booth each Default: 0.
        buffet_guests (int | Unset):  Default: 0.
        space_id (None | str | Unset):
        time_zone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Availability | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
attendees=attendees,
layout=layout,
duration=duration,
languages=languages,
buffet_guests=buffet_guests,
space_id=space_id,
time_zone=time_zone,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    attendees: int,
    layout: str,
    duration: str,
    languages: int | Unset = 0,
    buffet_guests: int | Unset = 0,
    space_id: None | str | Unset = UNSET,
    time_zone: None | str | Unset = UNSET,

) -> Availability | Problem | None:
    """ Availability

     Free windows of every space seating ``attendees`` net (mobile booths and a buffet take floor),
    within opening hours, on the 30-minute grid, outside holds (with their setup, teardown and layout
    changeover) and closures. A multi-day event is one interval: the space stays blocked overnight;
    the opening hours apply to its start and its end.

    Args:
        from_ (str): ISO date (venue day) or datetime
        to (str): ISO date (included) or datetime; ≤ 92 days on
        attendees (int):
        layout (str):
        duration (str): ISO 8601 (PT4H, P2DT4H) or minutes
        languages (int | Unset): target languages: a booth each Default: 0.
        buffet_guests (int | Unset):  Default: 0.
        space_id (None | str | Unset):
        time_zone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Availability | Problem
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
attendees=attendees,
layout=layout,
duration=duration,
languages=languages,
buffet_guests=buffet_guests,
space_id=space_id,
time_zone=time_zone,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    attendees: int,
    layout: str,
    duration: str,
    languages: int | Unset = 0,
    buffet_guests: int | Unset = 0,
    space_id: None | str | Unset = UNSET,
    time_zone: None | str | Unset = UNSET,

) -> Response[Availability | Problem]:
    """ Availability

     Free windows of every space seating ``attendees`` net (mobile booths and a buffet take floor),
    within opening hours, on the 30-minute grid, outside holds (with their setup, teardown and layout
    changeover) and closures. A multi-day event is one interval: the space stays blocked overnight;
    the opening hours apply to its start and its end.

    Args:
        from_ (str): ISO date (venue day) or datetime
        to (str): ISO date (included) or datetime; ≤ 92 days on
        attendees (int):
        layout (str):
        duration (str): ISO 8601 (PT4H, P2DT4H) or minutes
        languages (int | Unset): target languages: a booth each Default: 0.
        buffet_guests (int | Unset):  Default: 0.
        space_id (None | str | Unset):
        time_zone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Availability | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
attendees=attendees,
layout=layout,
duration=duration,
languages=languages,
buffet_guests=buffet_guests,
space_id=space_id,
time_zone=time_zone,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    attendees: int,
    layout: str,
    duration: str,
    languages: int | Unset = 0,
    buffet_guests: int | Unset = 0,
    space_id: None | str | Unset = UNSET,
    time_zone: None | str | Unset = UNSET,

) -> Availability | Problem | None:
    """ Availability

     Free windows of every space seating ``attendees`` net (mobile booths and a buffet take floor),
    within opening hours, on the 30-minute grid, outside holds (with their setup, teardown and layout
    changeover) and closures. A multi-day event is one interval: the space stays blocked overnight;
    the opening hours apply to its start and its end.

    Args:
        from_ (str): ISO date (venue day) or datetime
        to (str): ISO date (included) or datetime; ≤ 92 days on
        attendees (int):
        layout (str):
        duration (str): ISO 8601 (PT4H, P2DT4H) or minutes
        languages (int | Unset): target languages: a booth each Default: 0.
        buffet_guests (int | Unset):  Default: 0.
        space_id (None | str | Unset):
        time_zone (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Availability | Problem
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
attendees=attendees,
layout=layout,
duration=duration,
languages=languages,
buffet_guests=buffet_guests,
space_id=space_id,
time_zone=time_zone,

    )).parsed

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.booking_publicity import BookingPublicity
from ...models.problem import Problem
from ...models.publicity import Publicity
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    *,
    body: BookingPublicity,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/bookings/{booking_id}/public".format(booking_id=quote(str(booking_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Publicity:
    if response.status_code == 200:
        response_200 = Publicity.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Publicity]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BookingPublicity,

) -> Response[Problem | Publicity]:
    """ SetPublic

     Show a booking in the public "what's on" list (title, space and times, once confirmed) or
    hide it again; bookings are private unless their organizer (or staff) says so.

    Args:
        booking_id (UUID):
        body (BookingPublicity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Publicity]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BookingPublicity,

) -> Problem | Publicity | None:
    """ SetPublic

     Show a booking in the public "what's on" list (title, space and times, once confirmed) or
    hide it again; bookings are private unless their organizer (or staff) says so.

    Args:
        booking_id (UUID):
        body (BookingPublicity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Publicity
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BookingPublicity,

) -> Response[Problem | Publicity]:
    """ SetPublic

     Show a booking in the public "what's on" list (title, space and times, once confirmed) or
    hide it again; bookings are private unless their organizer (or staff) says so.

    Args:
        booking_id (UUID):
        body (BookingPublicity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Publicity]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BookingPublicity,

) -> Problem | Publicity | None:
    """ SetPublic

     Show a booking in the public "what's on" list (title, space and times, once confirmed) or
    hide it again; bookings are private unless their organizer (or staff) says so.

    Args:
        booking_id (UUID):
        body (BookingPublicity):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Publicity
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,

    )).parsed

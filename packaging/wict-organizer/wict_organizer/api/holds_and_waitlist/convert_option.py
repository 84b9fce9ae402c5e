from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.booking_accepted import BookingAccepted
from ...models.option_convert import OptionConvert
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    *,
    body: OptionConvert,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/{booking_id}/convert".format(booking_id=quote(str(booking_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BookingAccepted | Problem:
    if response.status_code == 202:
        response_202 = BookingAccepted.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BookingAccepted | Problem]:
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
    body: OptionConvert,

) -> Response[BookingAccepted | Problem]:
    """ Convert

     Turn a live option into a booking; the services are arranged as for a new booking.

    Args:
        booking_id (UUID):
        body (OptionConvert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingAccepted | Problem]
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
    body: OptionConvert,

) -> BookingAccepted | Problem | None:
    """ Convert

     Turn a live option into a booking; the services are arranged as for a new booking.

    Args:
        booking_id (UUID):
        body (OptionConvert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingAccepted | Problem
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
    body: OptionConvert,

) -> Response[BookingAccepted | Problem]:
    """ Convert

     Turn a live option into a booking; the services are arranged as for a new booking.

    Args:
        booking_id (UUID):
        body (OptionConvert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingAccepted | Problem]
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
    body: OptionConvert,

) -> BookingAccepted | Problem | None:
    """ Convert

     Turn a live option into a booking; the services are arranged as for a new booking.

    Args:
        booking_id (UUID):
        body (OptionConvert):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingAccepted | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,

    )).parsed

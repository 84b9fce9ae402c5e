from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invitation import Invitation
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/bookings/{booking_id}/invitations".format(booking_id=quote(str(booking_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[Invitation]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = Invitation.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[Invitation]]:
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

) -> Response[Problem | list[Invitation]]:
    """ ListInvitations

     The booking's invited guests: state, registered, checked in, letter (no passport data).

    Args:
        booking_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[Invitation]]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | list[Invitation] | None:
    """ ListInvitations

     The booking's invited guests: state, registered, checked in, letter (no passport data).

    Args:
        booking_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[Invitation]
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,

    ).parsed

async def asyncio_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | list[Invitation]]:
    """ ListInvitations

     The booking's invited guests: state, registered, checked in, letter (no passport data).

    Args:
        booking_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[Invitation]]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Problem | list[Invitation] | None:
    """ ListInvitations

     The booking's invited guests: state, registered, checked in, letter (no passport data).

    Args:
        booking_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[Invitation]
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,

    )).parsed

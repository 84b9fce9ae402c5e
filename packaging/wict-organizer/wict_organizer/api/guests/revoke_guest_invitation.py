from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    invitation_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/bookings/{booking_id}/invitations/{invitation_id}".format(booking_id=quote(str(booking_id), safe=""),invitation_id=quote(str(invitation_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    booking_id: UUID,
    invitation_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Problem]:
    """ RevokeInvitation

     End the guest's link; their registration is deleted and a live letter revoked (audited).

    Args:
        booking_id (UUID):
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
invitation_id=invitation_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: UUID,
    invitation_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | None:
    """ RevokeInvitation

     End the guest's link; their registration is deleted and a live letter revoked (audited).

    Args:
        booking_id (UUID):
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
invitation_id=invitation_id,
client=client,

    ).parsed

async def asyncio_detailed(
    booking_id: UUID,
    invitation_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Problem]:
    """ RevokeInvitation

     End the guest's link; their registration is deleted and a live letter revoked (audited).

    Args:
        booking_id (UUID):
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
invitation_id=invitation_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: UUID,
    invitation_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Problem | None:
    """ RevokeInvitation

     End the guest's link; their registration is deleted and a live letter revoked (audited).

    Args:
        booking_id (UUID):
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
invitation_id=invitation_id,
client=client,

    )).parsed

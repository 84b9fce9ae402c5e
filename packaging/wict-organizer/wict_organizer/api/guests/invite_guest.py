from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invitation_create import InvitationCreate
from ...models.invitation_sent import InvitationSent
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    *,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/{booking_id}/invitations".format(booking_id=quote(str(booking_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InvitationSent | Problem:
    if response.status_code == 201:
        response_201 = InvitationSent.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InvitationSent | Problem]:
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
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[InvitationSent | Problem]:
    """ InviteGuest

     Invite one guest: notify e-mails them a personal link to register (409 when already invited).

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationSent | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> InvitationSent | Problem | None:
    """ InviteGuest

     Invite one guest: notify e-mails them a personal link to register (409 when already invited).

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationSent | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[InvitationSent | Problem]:
    """ InviteGuest

     Invite one guest: notify e-mails them a personal link to register (409 when already invited).

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationSent | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InvitationCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> InvitationSent | Problem | None:
    """ InviteGuest

     Invite one guest: notify e-mails them a personal link to register (409 when already invited).

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (InvitationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationSent | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed

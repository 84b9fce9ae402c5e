from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invitations_sent import InvitationsSent
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    *,
    body:    File  |     File  | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/{booking_id}/invitations/import".format(booking_id=quote(str(booking_id), safe=""),),
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InvitationsSent | Problem:
    if response.status_code == 201:
        response_201 = InvitationsSent.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InvitationsSent | Problem]:
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
    body:    File  |     File  | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[InvitationsSent | Problem]:
    """ ImportInvitations

     Invite every guest of a CSV or XLSX list, all or nothing: 422 names each fault as `rows[n].field`.

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationsSent | Problem]
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
    body:    File  |     File  | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> InvitationsSent | Problem | None:
    """ ImportInvitations

     Invite every guest of a CSV or XLSX list, all or nothing: 422 names each fault as `rows[n].field`.

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationsSent | Problem
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
    body:    File  |     File  | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[InvitationsSent | Problem]:
    """ ImportInvitations

     Invite every guest of a CSV or XLSX list, all or nothing: 422 names each fault as `rows[n].field`.

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationsSent | Problem]
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
    body:    File  |     File  | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> InvitationsSent | Problem | None:
    """ ImportInvitations

     Invite every guest of a CSV or XLSX list, all or nothing: 422 names each fault as `rows[n].field`.

    Args:
        booking_id (UUID):
        idempotency_key (None | str | Unset):
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationsSent | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.booking_cancel import BookingCancel
from ...models.cancellation import Cancellation
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    booking_id: UUID,
    *,
    body: BookingCancel,
    dry_run: bool | Unset = False,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/{booking_id}/cancel".format(booking_id=quote(str(booking_id), safe=""),),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Cancellation | Problem:
    if response.status_code == 200:
        response_200 = Cancellation.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Cancellation | Problem]:
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
    body: BookingCancel,
    dry_run: bool | Unset = False,

) -> Response[Cancellation | Problem]:
    """ Cancel

     Cancel a booking or option: the fee follows the policy; asking again answers the same.
    ``?dry_run=true`` answers the fee cancelling now would charge and the rule, and changes nothing.

    Args:
        booking_id (UUID):
        dry_run (bool | Unset):  Default: False.
        body (BookingCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cancellation | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,
dry_run=dry_run,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BookingCancel,
    dry_run: bool | Unset = False,

) -> Cancellation | Problem | None:
    """ Cancel

     Cancel a booking or option: the fee follows the policy; asking again answers the same.
    ``?dry_run=true`` answers the fee cancelling now would charge and the rule, and changes nothing.

    Args:
        booking_id (UUID):
        dry_run (bool | Unset):  Default: False.
        body (BookingCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cancellation | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
body=body,
dry_run=dry_run,

    ).parsed

async def asyncio_detailed(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BookingCancel,
    dry_run: bool | Unset = False,

) -> Response[Cancellation | Problem]:
    """ Cancel

     Cancel a booking or option: the fee follows the policy; asking again answers the same.
    ``?dry_run=true`` answers the fee cancelling now would charge and the rule, and changes nothing.

    Args:
        booking_id (UUID):
        dry_run (bool | Unset):  Default: False.
        body (BookingCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cancellation | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,
dry_run=dry_run,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BookingCancel,
    dry_run: bool | Unset = False,

) -> Cancellation | Problem | None:
    """ Cancel

     Cancel a booking or option: the fee follows the policy; asking again answers the same.
    ``?dry_run=true`` answers the fee cancelling now would charge and the rule, and changes nothing.

    Args:
        booking_id (UUID):
        dry_run (bool | Unset):  Default: False.
        body (BookingCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cancellation | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,
dry_run=dry_run,

    )).parsed

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.booking_accepted import BookingAccepted
from ...models.booking_create import BookingCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: BookingCreate,
    days: int | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    params: dict[str, Any] = {}

    json_days: int | None | Unset
    if isinstance(days, Unset):
        json_days = UNSET
    else:
        json_days = days
    params["days"] = json_days


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/holds",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BookingAccepted | Problem:
    if response.status_code == 201:
        response_201 = BookingAccepted.from_dict(response.json())



        return response_201

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
    *,
    client: AuthenticatedClient | Client,
    body: BookingCreate,
    days: int | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[BookingAccepted | Problem]:
    """ PlaceOption

     Hold a space for some days (default 7) without services; convert it or let it expire.

    Args:
        days (int | None | Unset):
        idempotency_key (None | str | Unset):
        body (BookingCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingAccepted | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
days=days,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BookingCreate,
    days: int | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> BookingAccepted | Problem | None:
    """ PlaceOption

     Hold a space for some days (default 7) without services; convert it or let it expire.

    Args:
        days (int | None | Unset):
        idempotency_key (None | str | Unset):
        body (BookingCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingAccepted | Problem
     """


    return sync_detailed(
        client=client,
body=body,
days=days,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BookingCreate,
    days: int | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[BookingAccepted | Problem]:
    """ PlaceOption

     Hold a space for some days (default 7) without services; convert it or let it expire.

    Args:
        days (int | None | Unset):
        idempotency_key (None | str | Unset):
        body (BookingCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingAccepted | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
days=days,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BookingCreate,
    days: int | None | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> BookingAccepted | Problem | None:
    """ PlaceOption

     Hold a space for some days (default 7) without services; convert it or let it expire.

    Args:
        days (int | None | Unset):
        idempotency_key (None | str | Unset):
        body (BookingCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingAccepted | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
days=days,
idempotency_key=idempotency_key,

    )).parsed

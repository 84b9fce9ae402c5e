from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.series_create import SeriesCreate
from ...models.series_preview import SeriesPreview
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: SeriesCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/series",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | SeriesPreview:
    if response.status_code == 200:
        response_200 = SeriesPreview.from_dict(response.json())



        return response_200

    if response.status_code == 202:
        response_202 = response.json()
        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | SeriesPreview]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Any | Problem | SeriesPreview]:
    """ Create

     A booking on every occurrence of an RRULE, each with its own saga; `dry_run` only lists them.
    With an `Idempotency-Key` a repeat (also a concurrent one) answers the first answer and books
    nothing more; a refusal is kept too, so try again with a new key.

    Args:
        idempotency_key (None | str | Unset):
        body (SeriesCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SeriesPreview]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Any | Problem | SeriesPreview | None:
    """ Create

     A booking on every occurrence of an RRULE, each with its own saga; `dry_run` only lists them.
    With an `Idempotency-Key` a repeat (also a concurrent one) answers the first answer and books
    nothing more; a refusal is kept too, so try again with a new key.

    Args:
        idempotency_key (None | str | Unset):
        body (SeriesCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SeriesPreview
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Any | Problem | SeriesPreview]:
    """ Create

     A booking on every occurrence of an RRULE, each with its own saga; `dry_run` only lists them.
    With an `Idempotency-Key` a repeat (also a concurrent one) answers the first answer and books
    nothing more; a refusal is kept too, so try again with a new key.

    Args:
        idempotency_key (None | str | Unset):
        body (SeriesCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SeriesPreview]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Any | Problem | SeriesPreview | None:
    """ Create

     A booking on every occurrence of an RRULE, each with its own saga; `dry_run` only lists them.
    With an `Idempotency-Key` a repeat (also a concurrent one) answers the first answer and books
    nothing more; a refusal is kept too, so try again with a new key.

    Args:
        idempotency_key (None | str | Unset):
        body (SeriesCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SeriesPreview
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.closure_answer import ClosureAnswer
from ...models.closure_create import ClosureCreate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ClosureCreate,
    dry_run: bool | Unset = False,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/closures",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClosureAnswer | Problem:
    if response.status_code == 200:
        response_200 = ClosureAnswer.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = ClosureAnswer.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClosureAnswer | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClosureCreate,
    dry_run: bool | Unset = False,

) -> Response[ClosureAnswer | Problem]:
    """ Create

     Close a space or the whole venue (staff); new bookings meeting it are refused, and the
    bookings already held then are listed (not cancelled). ``?dry_run=true`` only lists them.

    Args:
        dry_run (bool | Unset):  Default: False.
        body (ClosureCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClosureAnswer | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
dry_run=dry_run,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ClosureCreate,
    dry_run: bool | Unset = False,

) -> ClosureAnswer | Problem | None:
    """ Create

     Close a space or the whole venue (staff); new bookings meeting it are refused, and the
    bookings already held then are listed (not cancelled). ``?dry_run=true`` only lists them.

    Args:
        dry_run (bool | Unset):  Default: False.
        body (ClosureCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClosureAnswer | Problem
     """


    return sync_detailed(
        client=client,
body=body,
dry_run=dry_run,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClosureCreate,
    dry_run: bool | Unset = False,

) -> Response[ClosureAnswer | Problem]:
    """ Create

     Close a space or the whole venue (staff); new bookings meeting it are refused, and the
    bookings already held then are listed (not cancelled). ``?dry_run=true`` only lists them.

    Args:
        dry_run (bool | Unset):  Default: False.
        body (ClosureCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClosureAnswer | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
dry_run=dry_run,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClosureCreate,
    dry_run: bool | Unset = False,

) -> ClosureAnswer | Problem | None:
    """ Create

     Close a space or the whole venue (staff); new bookings meeting it are refused, and the
    bookings already held then are listed (not cancelled). ``?dry_run=true`` only lists them.

    Args:
        dry_run (bool | Unset):  Default: False.
        body (ClosureCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClosureAnswer | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
dry_run=dry_run,

    )).parsed

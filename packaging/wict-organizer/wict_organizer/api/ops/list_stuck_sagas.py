from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.stuck_sagas import StuckSagas
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    grace_seconds: float | Unset = 30.0,
    in_flight_seconds: float | None | Unset = UNSET,
    limit: int | Unset = 100,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["grace_seconds"] = grace_seconds

    json_in_flight_seconds: float | None | Unset
    if isinstance(in_flight_seconds, Unset):
        json_in_flight_seconds = UNSET
    else:
        json_in_flight_seconds = in_flight_seconds
    params["in_flight_seconds"] = json_in_flight_seconds

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ops/sagas/stuck",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StuckSagas:
    if response.status_code == 200:
        response_200 = StuckSagas.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StuckSagas]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: float | Unset = 30.0,
    in_flight_seconds: float | None | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | StuckSagas]:
    """ ListStuck

     Sagas with a step past its deadline by more than the grace, or in flight too long (ops).

    Args:
        grace_seconds (float | Unset): a step this long past its deadline is stuck Default: 30.0.
        in_flight_seconds (float | None | Unset): a saga in flight this long is stuck [2 × step
            timeout + grace]
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StuckSagas]
     """


    kwargs = _get_kwargs(
        grace_seconds=grace_seconds,
in_flight_seconds=in_flight_seconds,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: float | Unset = 30.0,
    in_flight_seconds: float | None | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | StuckSagas | None:
    """ ListStuck

     Sagas with a step past its deadline by more than the grace, or in flight too long (ops).

    Args:
        grace_seconds (float | Unset): a step this long past its deadline is stuck Default: 30.0.
        in_flight_seconds (float | None | Unset): a saga in flight this long is stuck [2 × step
            timeout + grace]
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StuckSagas
     """


    return sync_detailed(
        client=client,
grace_seconds=grace_seconds,
in_flight_seconds=in_flight_seconds,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: float | Unset = 30.0,
    in_flight_seconds: float | None | Unset = UNSET,
    limit: int | Unset = 100,

) -> Response[Problem | StuckSagas]:
    """ ListStuck

     Sagas with a step past its deadline by more than the grace, or in flight too long (ops).

    Args:
        grace_seconds (float | Unset): a step this long past its deadline is stuck Default: 30.0.
        in_flight_seconds (float | None | Unset): a saga in flight this long is stuck [2 × step
            timeout + grace]
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StuckSagas]
     """


    kwargs = _get_kwargs(
        grace_seconds=grace_seconds,
in_flight_seconds=in_flight_seconds,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    grace_seconds: float | Unset = 30.0,
    in_flight_seconds: float | None | Unset = UNSET,
    limit: int | Unset = 100,

) -> Problem | StuckSagas | None:
    """ ListStuck

     Sagas with a step past its deadline by more than the grace, or in flight too long (ops).

    Args:
        grace_seconds (float | Unset): a step this long past its deadline is stuck Default: 30.0.
        in_flight_seconds (float | None | Unset): a saga in flight this long is stuck [2 × step
            timeout + grace]
        limit (int | Unset): at most this many Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StuckSagas
     """


    return (await asyncio_detailed(
        client=client,
grace_seconds=grace_seconds,
in_flight_seconds=in_flight_seconds,
limit=limit,

    )).parsed

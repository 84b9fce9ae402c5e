from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.dead_letter_replay import DeadLetterReplay
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    letter_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ops/dead-letters/{letter_id}/replay".format(letter_id=quote(str(letter_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeadLetterReplay | Problem:
    if response.status_code == 200:
        response_200 = DeadLetterReplay.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeadLetterReplay | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[DeadLetterReplay | Problem]:
    """ Replay

     Publish the original again (message id `<first>:replay:<id>`) for its consumer, drop the dead letter
    (ops; audited).

    Args:
        letter_id (int): the dead letter's id (its sequence in DEAD_LETTERS)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterReplay | Problem]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> DeadLetterReplay | Problem | None:
    """ Replay

     Publish the original again (message id `<first>:replay:<id>`) for its consumer, drop the dead letter
    (ops; audited).

    Args:
        letter_id (int): the dead letter's id (its sequence in DEAD_LETTERS)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterReplay | Problem
     """


    return sync_detailed(
        letter_id=letter_id,
client=client,

    ).parsed

async def asyncio_detailed(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[DeadLetterReplay | Problem]:
    """ Replay

     Publish the original again (message id `<first>:replay:<id>`) for its consumer, drop the dead letter
    (ops; audited).

    Args:
        letter_id (int): the dead letter's id (its sequence in DEAD_LETTERS)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterReplay | Problem]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    letter_id: int,
    *,
    client: AuthenticatedClient | Client,

) -> DeadLetterReplay | Problem | None:
    """ Replay

     Publish the original again (message id `<first>:replay:<id>`) for its consumer, drop the dead letter
    (ops; audited).

    Args:
        letter_id (int): the dead letter's id (its sequence in DEAD_LETTERS)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterReplay | Problem
     """


    return (await asyncio_detailed(
        letter_id=letter_id,
client=client,

    )).parsed

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.letter_issued import LetterIssued
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    letter_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/staff/letters/{letter_id}/approve".format(letter_id=quote(str(letter_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LetterIssued | Problem:
    if response.status_code == 200:
        response_200 = LetterIssued.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LetterIssued | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[LetterIssued | Problem]:
    """ Approve

     Issue a requested letter: number, verification code, the bilingual PDF (sealed).

    Args:
        letter_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LetterIssued | Problem]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> LetterIssued | Problem | None:
    """ Approve

     Issue a requested letter: number, verification code, the bilingual PDF (sealed).

    Args:
        letter_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LetterIssued | Problem
     """


    return sync_detailed(
        letter_id=letter_id,
client=client,

    ).parsed

async def asyncio_detailed(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> Response[LetterIssued | Problem]:
    """ Approve

     Issue a requested letter: number, verification code, the bilingual PDF (sealed).

    Args:
        letter_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LetterIssued | Problem]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,

) -> LetterIssued | Problem | None:
    """ Approve

     Issue a requested letter: number, verification code, the bilingual PDF (sealed).

    Args:
        letter_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LetterIssued | Problem
     """


    return (await asyncio_detailed(
        letter_id=letter_id,
client=client,

    )).parsed

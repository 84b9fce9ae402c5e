from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.letter_decision import LetterDecision
from ...models.letter_revocation import LetterRevocation
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    letter_id: UUID,
    *,
    body: LetterRevocation,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/staff/letters/{letter_id}/revoke".format(letter_id=quote(str(letter_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LetterDecision | Problem:
    if response.status_code == 200:
        response_200 = LetterDecision.from_dict(response.json())



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

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LetterDecision | Problem]:
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
    body: LetterRevocation,

) -> Response[LetterDecision | Problem]:
    """ Revoke

     Revoke a letter: its PDF is deleted, and verification answers it as revoked from now on.

    Args:
        letter_id (UUID):
        body (LetterRevocation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LetterDecision | Problem]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: LetterRevocation,

) -> LetterDecision | Problem | None:
    """ Revoke

     Revoke a letter: its PDF is deleted, and verification answers it as revoked from now on.

    Args:
        letter_id (UUID):
        body (LetterRevocation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LetterDecision | Problem
     """


    return sync_detailed(
        letter_id=letter_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: LetterRevocation,

) -> Response[LetterDecision | Problem]:
    """ Revoke

     Revoke a letter: its PDF is deleted, and verification answers it as revoked from now on.

    Args:
        letter_id (UUID):
        body (LetterRevocation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LetterDecision | Problem]
     """


    kwargs = _get_kwargs(
        letter_id=letter_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    letter_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: LetterRevocation,

) -> LetterDecision | Problem | None:
    """ Revoke

     Revoke a letter: its PDF is deleted, and verification answers it as revoked from now on.

    Args:
        letter_id (UUID):
        body (LetterRevocation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LetterDecision | Problem
     """


    return (await asyncio_detailed(
        letter_id=letter_id,
client=client,
body=body,

    )).parsed

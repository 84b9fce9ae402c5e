from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.letter_verification import LetterVerification
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    number: str,
    code: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["number"] = number

    params["code"] = code


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/letters/verify",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LetterVerification | Problem:
    if response.status_code == 200:
        response_200 = LetterVerification.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LetterVerification | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    number: str,
    code: str,

) -> Response[LetterVerification | Problem]:
    """ Verify

     A letter's facts and state for its number and code (no sign-in; 20 checks a minute per address).

    Args:
        number (str): WICT-2026-000123
        code (str): XXXXX-XXXXX, as printed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LetterVerification | Problem]
     """


    kwargs = _get_kwargs(
        number=number,
code=code,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    number: str,
    code: str,

) -> LetterVerification | Problem | None:
    """ Verify

     A letter's facts and state for its number and code (no sign-in; 20 checks a minute per address).

    Args:
        number (str): WICT-2026-000123
        code (str): XXXXX-XXXXX, as printed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LetterVerification | Problem
     """


    return sync_detailed(
        client=client,
number=number,
code=code,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    number: str,
    code: str,

) -> Response[LetterVerification | Problem]:
    """ Verify

     A letter's facts and state for its number and code (no sign-in; 20 checks a minute per address).

    Args:
        number (str): WICT-2026-000123
        code (str): XXXXX-XXXXX, as printed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LetterVerification | Problem]
     """


    kwargs = _get_kwargs(
        number=number,
code=code,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    number: str,
    code: str,

) -> LetterVerification | Problem | None:
    """ Verify

     A letter's facts and state for its number and code (no sign-in; 20 checks a minute per address).

    Args:
        number (str): WICT-2026-000123
        code (str): XXXXX-XXXXX, as printed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LetterVerification | Problem
     """


    return (await asyncio_detailed(
        client=client,
number=number,
code=code,

    )).parsed

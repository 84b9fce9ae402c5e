from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.consent_text import ConsentText
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    locale: str | Unset = 'en',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["locale"] = locale


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/guest/consent",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConsentText | Problem:
    if response.status_code == 200:
        response_200 = ConsentText.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConsentText | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = 'en',

) -> Response[ConsentText | Problem]:
    """ Consent

     The current consent text in the guest's language (PIPL: purpose, kept, retention, recipients,
    rights).

    Args:
        locale (str | Unset): a guest locale; en where none Default: 'en'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentText | Problem]
     """


    kwargs = _get_kwargs(
        locale=locale,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = 'en',

) -> ConsentText | Problem | None:
    """ Consent

     The current consent text in the guest's language (PIPL: purpose, kept, retention, recipients,
    rights).

    Args:
        locale (str | Unset): a guest locale; en where none Default: 'en'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentText | Problem
     """


    return sync_detailed(
        client=client,
locale=locale,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = 'en',

) -> Response[ConsentText | Problem]:
    """ Consent

     The current consent text in the guest's language (PIPL: purpose, kept, retention, recipients,
    rights).

    Args:
        locale (str | Unset): a guest locale; en where none Default: 'en'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentText | Problem]
     """


    kwargs = _get_kwargs(
        locale=locale,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = 'en',

) -> ConsentText | Problem | None:
    """ Consent

     The current consent text in the guest's language (PIPL: purpose, kept, retention, recipients,
    rights).

    Args:
        locale (str | Unset): a guest locale; en where none Default: 'en'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentText | Problem
     """


    return (await asyncio_detailed(
        client=client,
locale=locale,

    )).parsed

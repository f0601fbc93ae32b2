"""Trying a card's code or link under the sign-in limits (accounts/limits.py).

A code is eight letters from 25, so guessing is limited. On a class's own sign-in page
the wrong codes count per (class, address) and only that class's cards can match; on
the generic code page they count per address, with a limit high enough for a school
that shares one address. A card's link (its QR code) carries a 256-bit token that
cannot be guessed: a right one always signs in, even from a paused address.
"""

from __future__ import annotations

from partnerup.accounts.limits import CLASS_ADDRESS, CODE_ADDRESS, Try, give_back, reserve
from partnerup.clientaddress import client_address

from .models import CLASS_KEY_LENGTH, CODE_ALPHABET, CODE_LENGTH, ClassSignIn, SignInCard


class Paused(Exception):
    """Too many wrong tries from here: nothing was checked."""


def code_tries(request, page: ClassSignIn | None) -> tuple[Try, ...]:
    address = client_address(request)
    if page is None:
        return (Try(CODE_ADDRESS, address),)
    return (Try(CLASS_ADDRESS, f"{page.classroom_id}:{address}", page.classroom_id),)


def card_with_code(code: str, page: ClassSignIn | None) -> SignInCard | None:
    """The card a typed code opens (on a class's page, only that class's cards). Only a
    code that could exist is looked up: no odd characters reach the database."""
    if len(code) != CODE_LENGTH or not set(code) <= set(CODE_ALPHABET):
        return None
    cards = SignInCard.objects.filter(code=code, is_revoked=False)
    if page is not None:
        cards = cards.filter(student__classroom_id=page.classroom_id)
    return cards.first()


def try_code(request, code: str, page: ClassSignIn | None) -> SignInCard | None:
    """The card, or None for a wrong code (counted); Paused when the limit is full. The
    try is counted before the code is looked up, so parallel guesses stay in the limit."""
    tries = code_tries(request, page)
    if reserve(*tries) is not None:
        raise Paused
    card = card_with_code(code, page)
    if card is not None:
        give_back(*tries)
    return card


def try_token(request, token: str) -> SignInCard | None:
    """The card of a scanned link, or None (a wrong link counts on the code page's
    limit); Paused when that limit is full and the link is wrong."""
    card = SignInCard.objects.filter(token=token, is_revoked=False).first()
    if card is None and reserve(*code_tries(request, None)) is not None:
        raise Paused
    return card


def page_with_key(key: str) -> ClassSignIn | None:
    """A class's sign-in page from its address as typed (small letters are fine)."""
    key = key.strip().upper()
    if len(key) != CLASS_KEY_LENGTH or not set(key) <= set(CODE_ALPHABET):
        return None
    return ClassSignIn.objects.filter(key=key).first()


def page_for(classroom) -> ClassSignIn:
    """The class's sign-in page, made on first need."""
    return ClassSignIn.objects.get_or_create(classroom=classroom)[0]

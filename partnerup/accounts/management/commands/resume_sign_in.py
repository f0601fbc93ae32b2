"""Let a teacher (or an address) sign in again before the pause ends by itself:
`python -m django resume_sign_in alice` or `… resume_sign_in --address 203.0.113.7`."""

from __future__ import annotations

import ipaddress

from django.core.management.base import BaseCommand, CommandError

from partnerup.accounts.limits import (
    CODE_ADDRESS,
    TEACHER_ACCOUNT,
    TEACHER_ADDRESS,
    account_key,
    forget,
)


class Command(BaseCommand):
    help = "End the sign-in pause of teachers' accounts or of a network address."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="*", help="teachers' usernames")
        parser.add_argument("--address", action="append", default=[], help="an IP address")

    def handle(self, *args, usernames, address, **options):
        if not usernames and not address:
            raise CommandError("name a teacher's username or an --address")
        try:
            addresses = [str(ipaddress.ip_address(typed.strip())) for typed in address]
        except ValueError as error:
            raise CommandError(str(error)) from None
        for username in usernames:
            forget(TEACHER_ACCOUNT, account_key(username))
            self.stdout.write(f"{username} can sign in again.")
        for one in addresses:
            forget(TEACHER_ADDRESS, one)
            forget(CODE_ADDRESS, one)
            self.stdout.write(f"{one} can sign in again.")

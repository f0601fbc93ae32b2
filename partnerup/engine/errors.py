"""The engine's errors: one small hierarchy, each message written for a teacher."""

from __future__ import annotations


class PartnerUpError(Exception):
    """Base of every error the engine raises on purpose."""


class InputError(PartnerUpError):
    """Bad input, located by file, row and column where known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self.located())

    def located(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class RosterError(InputError):
    """A class roster that cannot be read as it is."""


class RulesError(InputError):
    """Teacher rules that cannot be read or that contradict themselves."""


class InfeasibleError(PartnerUpError):
    """No arrangement keeps every hard rule; `conflicts` names the clashing rules."""

    def __init__(self, conflicts: list[str]) -> None:
        self.conflicts = conflicts
        super().__init__("; ".join(conflicts))

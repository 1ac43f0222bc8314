"""The error type services raise for bad input, with a translatable message.

Services run without Flask, so they cannot translate. They raise ``ServiceError``
with an Indonesian message marked by ``N_`` (extracted into the catalogues) and its
parameters; the web layer translates with ``gettext(exc.message, **exc.params)``
and the CLI prints ``str(exc)``.
"""
from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for extraction without translating it here."""
    return message


class ServiceError(ValueError):
    def __init__(self, message: str, **params):
        self.message = message
        self.params = params
        super().__init__(message % params if params else message)

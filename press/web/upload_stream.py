"""Where the files of an upload are written while its body is parsed.

Werkzeug spools each file of a form to a temporary file of its own (in ``/tmp`` above
500 KB), which a view then reads back, hashes and writes to the blob store: the bytes of
a photo written twice and hashed twice before the upload is answered. The files of a view
marked :func:`into_store` are instead written into the blob store's ``tmp/`` as they
arrive, hashed on the way (``press.storage.incoming.Incoming``), and the photo upload keeps that
file as the original (``Store.keep``). Every such file not kept is removed when
the request ends; one left by a killed process is a temporary file like any other
(``Store.cleanup_temp``).
"""
from __future__ import annotations

from flask import Flask, Request, current_app

from press.storage import StorageError, store_from_config
from press.storage.incoming import Incoming
from press.web.params import NulFreeParams

VIEW_FLAG = "files_into_store"


def into_store(view):
    """Mark a view whose uploaded files are received into the blob store."""
    setattr(view, VIEW_FLAG, True)
    return view


class StoreReceivingRequest(Request):
    """Flask's request, writing the files of an :func:`into_store` view into the store; its
    query string and form values hold no NUL (:class:`press.web.params.NulFreeParams`)."""

    parameter_storage_class = NulFreeParams

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        view = current_app.view_functions.get(self.endpoint) if self.endpoint else None
        if getattr(view, VIEW_FLAG, False):
            try:
                incoming = store_from_config(current_app.config).receive()
            except StorageError:  # the view stores the file the ordinary way and says what failed
                pass
            else:
                self.__dict__.setdefault("_received", []).append(incoming)
                return incoming
        return super()._get_file_stream(total_content_length, content_type, filename, content_length)

    def close(self) -> None:
        super().close()
        for incoming in self.__dict__.pop("_received", ()):
            incoming.close()


def received(stream) -> Incoming | None:
    """The file an upload was received into, or None (an ordinary spooled file)."""
    return stream if isinstance(stream, Incoming) else None


def init_app(app: Flask) -> None:
    app.request_class = StoreReceivingRequest

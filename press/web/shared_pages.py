"""Public pages rendered once and shared by every visitor who reaches Flask.

The page cache (``page_cache``) answers visitors who carry none of Siaran's cookies before
Flask. A visitor with a session (a chosen language, a signed-in journalist or staff
member) reaches the view, yet a public page shows nothing of the visitor but the
language. So the view still decides on every request what may be seen (the release is
looked up through ``public``'s rule, a retracted or withdrawn one answered as such) and
only then takes the page from here, keyed by everything it shows: the release and its
version, the site's last change (``public.last_change``, which moves with every release,
photo, activity, unit and person edit), the language and the address the request came to.
An entry is kept ``PAGE_CACHE_MAX_AGE`` seconds at most, like the page cache's, for edits
no timestamp records.

A view may also remember its whole answer for a visitor with a session
(:func:`remembered`, :func:`remember`) under the page cache's fingerprint of what the
public can see (``page_cache.generation``, read at most once a second): while it holds,
the same address is answered without looking the release up again — what the page cache
does for anonymous visitors — and any change, or an embargo falling due, starts afresh.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app, request

from . import page_cache
from .i18n import current_locale

MAX_PAGES = 500


class SharedPages:
    def __init__(self, size: int = MAX_PAGES):
        self.size = size
        self._lock = threading.Lock()
        self._pages: OrderedDict[Hashable, tuple[float, str]] = OrderedDict()

    def get(self, key: Hashable, max_age: float):
        with self._lock:
            found = self._pages.get(key)
        if found is not None and time.monotonic() - found[0] < max_age:
            return found[1]
        return None

    def put(self, key: Hashable, page) -> None:
        with self._lock:
            self._pages[key] = (time.monotonic(), page)
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def get_or_render(self, key: Hashable, max_age: float, render: Callable[[], str]) -> str:
        page = self.get(key, max_age)
        if page is None:
            page = render()
            self.put(key, page)
        return page


def _pages(app) -> SharedPages:
    return app.extensions.setdefault("shared_pages", SharedPages())


def _full_key(app, key: tuple) -> tuple:
    return (*key, current_locale(), request.host_url, request.script_root,
            app.config.get("SITE_URL"), app.config.get("SITE_STATIC_EXPORT", False))


def shared_page(key: tuple, render: Callable[[], str]) -> str:
    """The page ``render()`` makes for what ``key`` names, rendered once per language and
    address for every visitor; call it only after the view checked the page may be seen."""
    app = current_app._get_current_object()
    return _pages(app).get_or_render(_full_key(app, key), app.config.get("PAGE_CACHE_MAX_AGE", 60), render)


def _answer_key(app, key: tuple) -> tuple | None:
    generation = page_cache.generation(app)
    return None if generation is None else ("answer", *_full_key(app, key), generation)


def remembered(key: tuple):
    """What :func:`remember` kept for ``key`` (an address) while nothing public changed, or None."""
    app = current_app._get_current_object()
    full = _answer_key(app, key)
    return None if full is None else _pages(app).get(full, app.config.get("PAGE_CACHE_MAX_AGE", 60))


def remember(key: tuple, answer) -> None:
    """Keep a view's public answer for ``key`` until something public changes."""
    app = current_app._get_current_object()
    full = _answer_key(app, key)
    if full is not None:
        _pages(app).put(full, answer)

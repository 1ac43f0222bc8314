"""A tiny HTTP session for the load script and the fault tests (standard library only).

Lives in ``bench/support/`` so that ``make bench`` (which runs ``bench/*.py``) leaves it alone.
``Session`` keeps cookies, logs in through the staff login form with its CSRF token,
posts forms and multipart uploads (the CSRF token also in ``X-CSRFToken``), and returns
``Reply(status, headers, body, seconds)``; a refused connection is ``status = 0``.
"""
from __future__ import annotations

import http.client
import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass

CSRF_RE = re.compile(r'name="csrf-token" content="([^"]+)"')


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes
    seconds: float
    error: str = ""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Session:
    def __init__(self, base_url: str, timeout: float = 120):
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())
        self.token = ""

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Reply:
        url = path if path.startswith("http") else self.base + path
        req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        start = time.perf_counter()
        try:
            with self.opener.open(req, timeout=self.timeout) as response:
                data = response.read()
                return Reply(response.status, dict(response.headers), data, time.perf_counter() - start)
        except urllib.error.HTTPError as exc:
            data = exc.read()
            return Reply(exc.code, dict(exc.headers or {}), data, time.perf_counter() - start)
        except (OSError, http.client.HTTPException) as exc:
            return Reply(0, {}, b"", time.perf_counter() - start, error=f"{type(exc).__name__}: {exc}")

    def get(self, path: str, **params) -> Reply:
        if params:
            path += ("&" if "?" in path else "?") + urllib.parse.urlencode(params)
        return self.request("GET", path)

    def refresh_token(self, path: str = "/staf/login") -> str:
        reply = self.get(path)
        match = CSRF_RE.search(reply.text)
        if match:
            self.token = match.group(1)
        return self.token

    def post_form(self, path: str, fields: dict) -> Reply:
        data = {"csrf_token": self.token, **fields}
        body = urllib.parse.urlencode(data).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                                 "X-CSRFToken": self.token})

    def login(self, email: str, password: str) -> Reply:
        self.refresh_token("/staf/login")
        reply = self.post_form("/staf/login", {"email": email, "password": password})
        if reply.status not in (302, 303):
            raise RuntimeError(f"login as {email} failed: {reply.status}")
        self.refresh_token("/staf/")
        return reply

    def upload(self, path: str, field: str, filename: str, data: bytes, fields: dict | None = None,
               content_type: str = "image/jpeg") -> Reply:
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {"csrf_token": self.token, **(fields or {})}.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "X-CSRFToken": self.token,
                   "Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
        return self.request("POST", path, b"".join(parts), headers)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


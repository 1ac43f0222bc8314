"""A real server (gunicorn, 2 workers, and the job worker) on 127.0.0.1 and Debian's Chromium driven by Playwright,
one of each for the whole session (pytest-xdist keeps these tests on one worker).

Playwright's own browser download cannot work here, so the tests drive
``/usr/bin/chromium``; where it is missing they fail and name the package to install
(``make test`` installs it first, through ``tools/system-packages``). Each step's
screenshot is written under ``test-output/browser/<test name>/``.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.support.smtp_sink import SmtpServer
from tests import databases
from tests.conftest import REPO_ROOT

OUTPUT = REPO_ROOT / "test-output" / "browser"
TEST_PROCESSES = REPO_ROOT / "tests" / "processes"
"""On the started processes' ``PYTHONPATH``: their password hashes cost what the tests' do."""
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("PRESS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is missing: install Debian's `chromium` package (apt-get install chromium); make test does it")
    return path


def listening_socket() -> socket.socket:
    """A socket listening on a free loopback port, for gunicorn to take over (``fd://``):
    the port is held from the moment it is chosen, so no other server of the machine can
    take it before gunicorn binds it (and gunicorn never answers on someone else's port)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


class LiveServer:
    """``flask setup``, then gunicorn and ``flask worker`` on a fresh instance folder, as in
    production but for the password hashes' cost (``tests/processes/sitecustomize.py``);
    stopped at the end."""

    def __init__(self, root: Path, workers: int = 2, gunicorn_args: tuple[str, ...] = (),
                 worker_args: tuple[str, ...] = (), env: dict[str, str] | None = None, site_url: bool = False,
                 with_job_worker: bool = True):
        """``env``: more ``PRESS_…`` settings; ``site_url``: ``PRESS_SITE_URL`` is the server's
        own address, as production names its site (the links the job worker's e-mails carry);
        ``with_job_worker=False``: gunicorn only, the jobs run by a worker started elsewhere."""
        self.root = root
        self.site_url = site_url
        self.port = 0
        self.url = ""
        self.env = {
            **os.environ,
            "PRESS_ENV": "development",
            "PRESS_SECRET_KEY": "browser-test-secret",
            "PRESS_DATABASE_URL": databases.database_url(root),
            "PRESS_MEDIA_ROOT": str(root / "media"),
            "PRESS_INDEX_ROOT": str(root / "search"),
            "PRESS_JOBS_URL": f"sqlite:///{root / 'jobs.db'}",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(TEST_PROCESSES), os.environ.get("PYTHONPATH")])),
            **(env or {}),
        }
        self.workers = workers
        self.gunicorn_args = tuple(gunicorn_args)
        self.worker_args = tuple(worker_args)
        self.with_job_worker = with_job_worker
        self.process: subprocess.Popen | None = None
        self.job_worker: subprocess.Popen | None = None

    def flask(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "flask", "--app", "wsgi", *args],
            cwd=REPO_ROOT, env=self.env, capture_output=True, text=True, check=check, timeout=600,
        )

    def start(self) -> "LiveServer":
        self.flask("setup")
        return self.serve()

    def serve(self) -> "LiveServer":
        """Start gunicorn and the job worker on the instance as it is (no ``flask setup``)
        and wait for an answer.

        Each start takes a newly free port: the one a killed server held may be taken
        by another test's server in the meantime (pytest-xdist runs two at once). The
        port is listening before gunicorn starts (:func:`listening_socket`), so what
        answers on it is this server, and a request sent while the application loads
        waits in the socket's queue for gunicorn's first worker.
        """
        listener = listening_socket()
        self.port = listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        if self.site_url:
            self.env["PRESS_SITE_URL"] = self.url
        with listener, open(self.root / "server.log", "ab") as log:  # the children keep their own copies
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-w", str(self.workers), "-b", f"fd://{listener.fileno()}",
                 "--timeout", "120", *self.gunicorn_args, "wsgi:app"],
                cwd=REPO_ROOT, env=self.env, stdout=log, stderr=log, pass_fds=(listener.fileno(),),
            )
            if self.with_job_worker:
                self.job_worker = subprocess.Popen(
                    [sys.executable, "-m", "flask", "--app", "wsgi", "worker", *self.worker_args],
                    cwd=REPO_ROOT, env=self.env, stdout=log, stderr=log,
                )
        # One request, answered once a worker has loaded the application (four processes
        # loading it take over a minute at load 14), or refused once gunicorn has ended and
        # the socket with it. The deadline only guards against a hang.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=max(1.0, deadline - time.monotonic()))
            except OSError:
                if self.process.poll() is None:
                    time.sleep(0.2)
                    continue
            if self.process.poll() is not None or (self.job_worker is not None and self.job_worker.poll() is not None):
                raise RuntimeError((self.root / "server.log").read_text(errors="replace"))
            return self
        raise RuntimeError("the server did not answer within 300 s:\n" + (self.root / "server.log").read_text(errors="replace"))

    def stop(self) -> None:
        for process in (self.process, self.job_worker):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()


@pytest.fixture(scope="session")
def mail_server():
    """The SMTP server (aiosmtpd on loopback) the session's live server sends through:
    ``mail_server.sink.accepted`` holds every message it took, parsed."""
    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, mail_server):
    """One server for every browser test of the session: a test leaves its changes to the
    demo data, so each finds its way by what it made rather than by counting from a fresh
    instance. Its job worker sends the outbox to ``mail_server``, with links on the
    server's own address (``PRESS_SITE_URL``) as in production."""
    server = LiveServer(tmp_path_factory.mktemp("live"), site_url=True,
                        env={"PRESS_SMTP_URL": mail_server.url, "PRESS_MAIL_RATE_PER_MINUTE": "0"}).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


CSP_MARK = "CSP violation:"
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
  "CSP violation: " + event.effectiveDirective + " refused " + (event.blockedURI || "inline")
  + " on " + event.documentURI + (event.lineNumber ? ":" + event.lineNumber : "")
  + (event.sample ? " (" + event.sample + ")" : "")));
"""


@pytest.fixture(autouse=True)
def csp_violations(request, monkeypatch):
    """Fails a browser test when a page it opened reports a Content-Security-Policy violation.

    Every page and context the test makes through ``browser`` gets a listener for the
    document's ``securitypolicyviolation`` events, which it writes to the console; the
    test may look at (and clear) the list this fixture yields.
    """
    if "browser" not in request.fixturenames:
        yield []
        return
    browser = request.getfixturevalue("browser")
    seen: list[str] = []
    watched = []

    def watch(target):
        target.add_init_script(CSP_LISTENER)
        target.on("console", lambda message: message.text.startswith(CSP_MARK) and seen.append(message.text))
        watched.append(target)
        return target

    new_context, new_page = browser.new_context, browser.new_page
    monkeypatch.setattr(browser, "new_context", lambda **options: watch(new_context(**options)))
    monkeypatch.setattr(browser, "new_page", lambda **options: watch(new_page(**options)))
    yield seen
    for target in watched:  # a round trip to each open page delivers its pending console events
        for page in getattr(target, "pages", [target]):
            if not page.is_closed():
                page.evaluate("() => new Promise((done) => setTimeout(done))")
    assert seen == [], "the pages reported Content-Security-Policy violations"


class Steps:
    """Numbered screenshots of one test, kept under ``test-output/browser/<test>/``."""

    def __init__(self, name: str):
        self.folder = OUTPUT / re.sub(r"[^\w.-]+", "_", name)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.count = 0

    def shot(self, page, label: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{label}.png"
        # A full-page shot does not scroll, so lazy images below the fold would stay blank.
        page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
        page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=10_000)
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def steps(request) -> Steps:
    return Steps(request.node.name)


def login(page, server: LiveServer, email: str, password: str) -> None:
    page.goto(server.url + "/staf/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form [type=submit]")

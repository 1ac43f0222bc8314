"""Benchmark of the public site: gunicorn (2 workers) against nginx serving the static export.

Sets up a throw-away instance with the demo data, serves it with gunicorn on 127.0.0.1,
exports it with ``flask site export`` and serves the export with Debian's nginx (no
keep-alive, like the load generator's connections to gunicorn). A bounded load
generator (CONCURRENCY processes, each one request at a time on a new connection,
for DURATION seconds per case) measures requests per second and latency percentiles
for the home page, a release page (from the page cache; for a visitor carrying a cookie
Siaran never reads, which the page cache answers too; and through Flask for a visitor with
a session, here one who chose the language; and for the demo's approved journalist,
signed in, whose page carries their own bar), a conditional GET answered 304, and the RSS feed.

Run: python bench/site.py [--duration 5] [--concurrency 4]
Needs nginx (``apt-get install nginx-light``); without it only gunicorn is measured.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
SLUG = "pemerintah-kota-bekasi-terima-kunker-ppid-utama-kabupaten-subang"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def request(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One HTTP/1.1 request on a new connection (Connection: close); the whole answer."""
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", "Accept-Language: id"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    data = ("\r\n".join(lines) + "\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    raw = b"".join(chunks)
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parsed = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        parsed[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), parsed, body


def _worker(port, path, headers, expect, duration, queue):
    latencies, errors = [], 0
    end = time.perf_counter() + duration
    while True:
        start = time.perf_counter()
        if start >= end:
            break
        try:
            status, _h, _b = request(port, path, headers)
            if status != expect:
                errors += 1
        except OSError:
            errors += 1
        latencies.append(time.perf_counter() - start)
    queue.put((latencies, errors))


def load(port: int, path: str, *, headers=None, expect=200, duration=5.0, concurrency=4) -> dict:
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_worker, args=(port, path, headers, expect, duration, queue))
             for _ in range(concurrency)]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    latencies = sorted(l for r in results for l in r[0])
    errors = sum(r[1] for r in results)

    def pct(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return {"rps": len(latencies) / duration, "p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99),
            "n": len(latencies), "errors": errors}


def journalist_session(port: int) -> str:
    """The session cookie of the demo's approved journalist, signed in through the form."""
    import http.client
    import re
    from urllib.parse import urlencode

    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/wartawan/masuk", headers={"Accept-Language": "id"})
    answer = connection.getresponse()
    cookie = session_cookie(answer)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', answer.read().decode()).group(1)
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", port)
    form = urlencode({"email": "wartawan@siaran.test", "password": "demo-wartawan-2021", "csrf_token": token})
    connection.request("POST", "/wartawan/masuk", body=form, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "id"})
    answer = connection.getresponse()
    answer.read()
    assert answer.status == 302, answer.status
    return session_cookie(answer) or cookie


def session_cookie(answer) -> str:
    """``session=…`` of an answer's Set-Cookie headers (another clears the remember-me cookie)."""
    return next((c.split(";")[0] for c in answer.headers.get_all("Set-Cookie") or () if c.startswith("session=")), "")


def setup_instance(root: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "PRESS_ENV": "production", "PRESS_SECRET_KEY": "bench-" + "x" * 40,
        "PRESS_DATABASE_URL": f"sqlite:///{root / 'siaran.db'}", "PRESS_MEDIA_ROOT": str(root / "media"),
        "PRESS_INDEX_ROOT": str(root / "search"), "FLASK_APP": "wsgi",
    })
    flask = str(VENV_BIN / "flask")
    subprocess.run([flask, "setup"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def nginx_config(root: Path, site: Path, port: int) -> Path:
    conf = root / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  keepalive_timeout 0;
  etag on;
  client_body_temp_path {root}/tmp; proxy_temp_path {root}/tmp; fastcgi_temp_path {root}/tmp;
  uwsgi_temp_path {root}/tmp; scgi_temp_path {root}/tmp;
  types {{ application/rss+xml xml; }}
  server {{
    listen 127.0.0.1:{port};
    root {site};
    index index.html;
    location / {{ try_files $uri $uri/index.html =404; }}
  }}
}}
""")
    (root / "tmp").mkdir(exist_ok=True)
    return conf


CASES = (
    ("home", "/", "/index.html"),
    ("release page", f"/siaran/{SLUG}", f"/siaran/{SLUG}/index.html"),
    ("release, with cookie", f"/siaran/{SLUG}", f"/siaran/{SLUG}/index.html"),
    ("release, with session", f"/siaran/{SLUG}", f"/siaran/{SLUG}/index.html"),
    ("release, journalist", f"/siaran/{SLUG}", f"/siaran/{SLUG}/index.html"),
    ("304 (If-None-Match)", f"/siaran/{SLUG}", f"/siaran/{SLUG}/index.html"),
    ("RSS feed", "/feed.xml", "/feed.xml"),
)


def measure(port: int, case: tuple, path: str, args) -> dict:
    name = case[0]
    headers, expect = None, 200
    if name.startswith("304"):
        _s, answer_headers, _b = request(port, path)
        headers, expect = {"If-None-Match": answer_headers["etag"]}, 304
    elif "cookie" in name:
        headers = {"Cookie": "visited=1"}  # a cookie Siaran never reads: the page cache answers
    elif "session" in name:  # Flask's session cookie, as /bahasa/id sets it: answered by Flask
        session = request(port, "/bahasa/id")[1].get("set-cookie", "").split(";")[0]
        headers = {"Cookie": session or "visited=1"}
    elif "journalist" in name:  # the demo's approved journalist, signed in: Flask, with their bar
        headers = {"Cookie": journalist_session(port)} if path.startswith("/siaran/") and "index.html" not in path else None
    size = len(request(port, path)[2])
    result = load(port, path, headers=headers, expect=expect, duration=args.duration, concurrency=args.concurrency)
    result["bytes"] = 0 if expect == 304 else size
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="siaran-bench-"))
    root.chmod(0o755)
    gunicorn = nginx = None
    try:
        env = setup_instance(root)
        app_port, static_port = free_port(), free_port()
        gunicorn = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{app_port}", "--keep-alive", "0", "wsgi:app"],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        wait_for(app_port)
        site = root / "export"
        subprocess.run([str(VENV_BIN / "flask"), "site", "export", str(site)], cwd=REPO, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        if shutil.which("nginx"):
            conf = nginx_config(root, site, static_port)
            nginx = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
            wait_for(static_port)
        print(f"load: {args.concurrency} processes, one request at a time on a new connection, {args.duration:g} s per case")
        print(f"{'case':<22} {'server':<9} {'bytes':>7} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'errors':>6} {'ratio':>7}")
        for case in CASES:
            app = measure(app_port, case, case[1], args)
            rows = [("gunicorn", app)]
            if nginx:
                rows.append(("nginx", measure(static_port, case, case[2], args)))
            for server, r in rows:
                ratio = f"1/{rows[1][1]['rps'] / app['rps']:.1f}" if nginx and server == "gunicorn" else ""
                print(f"{case[0]:<22} {server:<9} {r['bytes']:>7} {r['rps']:>8.0f} {r['p50']:>7.2f} {r['p90']:>7.2f} "
                      f"{r['p99']:>7.2f} {r['errors']:>6} {ratio:>7}")
    finally:
        for proc in (gunicorn, nginx):
            if proc is not None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark of proof of publication: 500 proofs checked against a local outlet (pages in
five site layouts around articles modelled on real releases, ``tests/proofs/sites.py``),
proofs per second (wall clock, and per CPU second of this process: the machine is shared)
and the share of the CPU time in each stage (fetch with the outlet's own work, extraction,
comparison); extraction quality (the share of the article's own sentences recovered,
and of the extracted sentences that are the article's) beside two yardsticks run in the
same process: the standard library's ``html.parser`` dumping every text node (what a
proof check without extraction would compare against), and lxml's parse alone (the
floor under any lxml extraction).

Run: python bench/proofs.py [--proofs 500]
"""
from __future__ import annotations

import argparse
import http.server
import os
import platform
import statistics
import sys
import threading
import time
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import lxml.html  # noqa: E402

from press.proofs import compare, extract, fetch  # noqa: E402
from press.proofs.sentences import normalise, split  # noqa: E402
from tests.proofs.sites import pages, sentence_quality  # noqa: E402

DUE = date(2026, 11, 30)
HEAD = ('<meta property="article:published_time" content="2026-11-30T10:00:00+07:00">'
        '<meta property="article:section" content="Advertorial"></head>')


class TextDump(HTMLParser):
    """Every text node of the page but scripts and styles, one per line."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append(" ".join(data.split()))


def text_dump(html: str) -> list[str]:
    parser = TextDump()
    parser.feed(html)
    return parser.parts


def serve(routes: dict[str, bytes]):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            body = routes.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body or b"")

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def quality(extractor, corpus) -> tuple[float, float, float]:
    """Recall, precision and median milliseconds per page of ``extractor`` (html -> paragraphs)."""
    totals, times = [0, 0, 0, 0], []
    for _layout, _title, paragraphs, html in corpus:
        start = time.process_time()
        found = extractor(html)
        times.append((time.process_time() - start) * 1000)
        totals = [a + b for a, b in zip(totals, sentence_quality(found, paragraphs, split, normalise))]
    precision = totals[2] / totals[3] if totals[3] else None
    return totals[0] / totals[1], precision, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proofs", type=int, default=500)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    corpus = list(pages())
    routes, proofs = {}, []
    for n in range(args.proofs):
        layout, title, paragraphs, html = corpus[n % len(corpus)]
        path = f"/{layout}/{n}"
        routes[path] = html.replace("</head>", HEAD, 1).encode("utf-8")
        proofs.append((path, title, paragraphs))
    httpd = serve(routes)
    allow = f"127.0.0.1:{httpd.server_address[1]}"
    spent = Counter()
    verdicts = Counter()
    started, cpu_started = time.perf_counter(), time.process_time()
    for path, title, paragraphs in proofs:
        t0 = time.process_time()
        fetched = fetch(f"http://{allow}{path}", allow=allow)
        t1 = time.process_time()
        article = extract(fetched.pages)
        t2 = time.process_time()
        result = compare(article, title, paragraphs, due=DUE)
        t3 = time.process_time()
        spent.update({"fetch": t1 - t0, "extraction": t2 - t1, "comparison": t3 - t2})
        verdicts[str(result.verdict)] += 1
    wall, total = time.perf_counter() - started, time.process_time() - cpu_started
    httpd.shutdown()
    print(f"\n{args.proofs} proofs in {wall:.1f} s wall, {total:.1f} s CPU: {args.proofs / wall:.1f} proofs/s, "
          f"{args.proofs / total:.1f} per CPU second (one after another, the outlet in the same process)")
    print(f"{'stage (CPU)':<12} {'s':>7} {'share':>7} {'ms/proof':>9}")
    for stage in ("fetch", "extraction", "comparison"):
        print(f"{stage:<12} {spent[stage]:>7.2f} {spent[stage] / total:>7.1%} {spent[stage] / args.proofs * 1000:>9.2f}")
    print("verdicts:", dict(verdicts))

    print(f"\nextraction quality over {len(corpus)} pages (5 layouts)")
    print(f"{'extractor':<34} {'recall':>7} {'precision':>10} {'CPU ms/page':>12}")
    rows = [("press.proofs.extract", lambda html: extract([html]).paragraphs),
            ("yardstick: html.parser text dump", text_dump),
            ("yardstick: lxml parse alone", lambda html: (lxml.html.document_fromstring(html.encode()), [])[1])]
    for name, extractor in rows:
        recall, precision, ms = quality(extractor, corpus)
        shown = f"{precision:>10.1%}" if precision is not None else f"{'—':>10}"
        print(f"{name:<34} {recall:>7.1%} {shown} {ms:>12.2f}")


if __name__ == "__main__":
    main()

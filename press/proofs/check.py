"""One proof checked: fetched, extracted, compared, and the snapshot to keep.

The stage stores nothing: ``Snapshot.archive()`` gives the bytes the service puts in
the blob store (a ZIP of the pages as received, the extracted text and a manifest with
the URLs, statuses, fetch time and SHA-256 of each page), written the same way for the
same pages."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from press.dates import wall_time

from .comparison import Comparison, compare, unreachable
from .extraction import Article, extract
from .fetching import Fetched, fetch


@dataclass(frozen=True)
class Snapshot:
    fetched: Fetched
    text: str

    @property
    def sha256(self) -> str:
        """Of the pages' bytes as received, in order: what the archive's manifest lists."""
        digest = hashlib.sha256()
        for page in self.fetched.pages:
            digest.update(page.body)
        return digest.hexdigest()

    @property
    def fetched_at(self) -> datetime:
        return self.fetched.fetched_at

    def manifest(self) -> dict:
        return {
            "url": self.fetched.url,
            "fetched_at": self.fetched_at.isoformat(),
            "sha256": self.sha256,
            "refusal": self.fetched.refusal.as_dict() if self.fetched.refusal else None,
            "pages": [{"file": f"halaman-{n}.html", "url": p.url, "final_url": p.final_url, "status": p.status,
                       "content_type": p.content_type, "bytes": len(p.body),
                       "sha256": hashlib.sha256(p.body).hexdigest()}
                      for n, p in enumerate(self.fetched.pages, 1)],
        }

    def archive(self) -> bytes:
        stamp = wall_time(self.fetched_at).timetuple()[:6] if self.fetched_at.year >= 1980 else (1980, 1, 1, 0, 0, 0)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            def add(name: str, data: bytes):
                info = zipfile.ZipInfo(name, stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
            add("manifest.json", json.dumps(self.manifest(), ensure_ascii=False, indent=1).encode("utf-8"))
            add("teks.txt", self.text.encode("utf-8"))
            for n, page in enumerate(self.fetched.pages, 1):
                add(f"halaman-{n}.html", page.body)
        return buffer.getvalue()


@dataclass(frozen=True)
class ProofCheck:
    fetched: Fetched
    article: Article | None
    comparison: Comparison
    snapshot: Snapshot

    def as_dict(self) -> dict:
        return {**self.comparison.as_dict(), "url": self.fetched.url,
                "final_url": self.fetched.pages[-1].final_url if self.fetched.pages else None,
                "pages": len(self.fetched.pages), "fetched_at": self.fetched.fetched_at.isoformat(),
                "sha256": self.snapshot.sha256}


def check(url: str, release_title: str, release_paragraphs, *, due: date, tolerance_days: int = 3,
          allow=(), timeout: float = 10, max_bytes: int = 5_000_000, max_pages: int = 5) -> ProofCheck:
    fetched = fetch(url, allow=allow, timeout=timeout, max_bytes=max_bytes, max_pages=max_pages)
    if not fetched.ok:
        return ProofCheck(fetched, None, unreachable(fetched.refusal, due=due), Snapshot(fetched, ""))
    article = extract(fetched.pages)
    comparison = compare(article, release_title, release_paragraphs, due=due, tolerance_days=tolerance_days,
                         fetched_on=wall_time(fetched.fetched_at).date())
    return ProofCheck(fetched, article, comparison, Snapshot(fetched, f"{article.title}\n\n{article.text}"))

"""Copying every blob of one store into another for ``flask migrate-to``.

Originals (photos, consent forms, proof snapshots and files: whatever the source store
holds under a key) and each one's renditions and crops. Nothing is copied twice: an
original already in the target is skipped (the store is content-addressed, and a write
is whole or absent, so its presence means it arrived whole), and so is a rendition the
target already lists. So a second run after a kill copies only what the first did not.

The hash is checked at arrival: an original is received into the target and hashed as
it is written, and kept only when it hashes to its key; a rendition's bytes are hashed
as read and compared with the hash the database recorded (``Rendition.sha256``), and
the object store refuses bytes damaged on the way (``Content-MD5``). Derived files (a
release's PDF) are not copied: they are remade on first request. No Flask.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from press.storage import StorageError, Store
from press.storage.files import CHUNK, content_key


@dataclass
class BlobReport:
    originals: int = 0          # copied now
    renditions: int = 0
    skipped: int = 0            # already in the target (originals and renditions)
    bytes: int = 0
    refused: list[dict] = field(default_factory=list)   # {"key", "variant", "reason"}
    seconds: float = 0.0

    @property
    def copied(self) -> int:
        return self.originals + self.renditions

    def as_dict(self) -> dict:
        rate = self.copied / self.seconds if self.seconds else 0.0
        return {"originals": self.originals, "renditions": self.renditions, "skipped": self.skipped,
                "bytes": self.bytes, "refused": self.refused, "seconds": round(self.seconds, 3),
                "blobs_per_second": round(rate, 1)}


def copy_blobs(source: Store, target: Store, rendition_hashes: Mapping[str, str], *,
               keys: Iterable[str] | None = None, progress: Callable[[BlobReport], None] | None = None,
               every: int = 1) -> BlobReport:
    """Copy what ``target`` lacks of ``source`` (``keys``: the originals to look at, by
    default every one the source holds); ``rendition_hashes`` maps a rendition's name in
    the store (``Rendition.path``) to its recorded SHA-256. ``progress`` is called every
    ``every`` blobs copied or skipped. A blob whose hash does not match is not stored in
    the target and is listed in ``refused``."""
    report = BlobReport()
    started = time.monotonic()
    present = set(target.iter_keys())
    seen = 0
    for key in sorted(source.iter_keys() if keys is None else keys):
        if key in present:
            report.skipped += 1
            have = set(target.rendition_variants(key))
        else:
            if not _copy_original(source, target, key, report):
                continue
            have = set()
        for variant in source.rendition_variants(key):
            if variant in have:
                report.skipped += 1
            else:
                _copy_rendition(source, target, key, variant, rendition_hashes, report)
        seen += 1
        if progress and seen % every == 0:
            report.seconds = time.monotonic() - started
            progress(report)
    report.seconds = time.monotonic() - started
    return report


def _copy_original(source: Store, target: Store, key: str, report: BlobReport) -> bool:
    incoming = target.receive()
    try:
        with source.open(key) as stream:
            while chunk := stream.read(CHUNK):
                incoming.write(chunk)
        incoming.finish()
        if incoming.key != key:
            report.refused.append({"key": key, "variant": None, "reason": f"content hashes to {incoming.key}"})
            return False
        size = incoming.size
        target.keep(incoming)
    except StorageError as exc:
        report.refused.append({"key": key, "variant": None, "reason": str(exc)})
        return False
    finally:
        incoming.close()
    report.originals += 1
    report.bytes += size
    return True


def _copy_rendition(source: Store, target: Store, key: str, variant: str, hashes: Mapping[str, str],
                    report: BlobReport) -> None:
    try:
        with source.open_rendition(key, variant) as stream:
            data = stream.read()
    except StorageError as exc:
        report.refused.append({"key": key, "variant": variant, "reason": str(exc)})
        return
    expected = hashes.get(source.rendition_relpath(key, variant))
    actual = content_key(data)
    if expected is not None and actual != expected:
        report.refused.append({"key": key, "variant": variant, "reason": f"content hashes to {actual}"})
        return
    target.put_rendition(key, variant, data)
    report.renditions += 1
    report.bytes += len(data)

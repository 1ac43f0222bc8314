"""The content-addressed blob store in S3-compatible object storage (``s3://bucket/prefix``).

The same methods and guarantees as :class:`press.storage.local.FileStorage`, the names of
:mod:`press.storage.layout` under the bucket's prefix:

- a write is complete or absent: an object appears only when its PUT completed, and every
  PUT carries ``Content-MD5``, so the store refuses bytes damaged on the way (``BadDigest``)
  and keeps nothing; an original is first received into a local spool file, hashed as it
  arrives, and hashed again as it is read for the upload, so a spool file changed on this
  node is refused before it leaves;
- the hash is checked: ``open`` re-hashes an original as it downloads it and refuses one
  that no longer matches its key, ``verify`` re-hashes every one.

boto3 is imported here only, so a photo worker on the filesystem backend never loads it.
Its default checksums (since 1.36) are turned off (``when_required``): older S3 gateways,
Swift's ``s3api`` among them, do not understand them; ``Content-MD5`` is the check they do.
Every failure surfaces as ``StorageError``.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import BinaryIO, Iterator

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from .files import CHUNK, KEY_RE, VARIANT_RE, StorageError, as_stream, new_digest
from .incoming import Incoming
from .layout import (ORIGINALS, PRIVATE, RENDITIONS, StoreProblem, derived_name, original_name, private_folder, private_name,
                     rendition_name, renditions_folder)

SERVE_MODES = ("siaran", "presigned", "public")
_NOT_FOUND = {"404", "NoSuchKey", "NotFound"}


@dataclass(frozen=True)
class S3Spec:
    """Everything needed to open the store, picklable (a photo worker process opens it again).

    ``access_key``/``secret_key``/``region`` left empty: boto3's own chain (``AWS_*``
    variables, ``~/.aws``, an instance role). ``serve``: how browsers get public renditions
    (``siaran``: through Siaran; ``presigned``: redirected to a URL valid ``url_seconds``;
    ``public``: redirected to ``public_base_url`` + the object's name)."""

    bucket: str
    prefix: str = ""
    endpoint: str | None = None
    region: str | None = None
    access_key: str | None = None
    secret_key: str | None = None
    addressing_style: str = "path"
    spool_dir: str | None = None
    serve: str = "siaran"
    public_base_url: str | None = None
    url_seconds: int = 300


def _md5(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data).digest()).decode()


class S3Storage:
    """A content-addressed store in a bucket (created if absent) under a prefix."""

    def __init__(self, spec: S3Spec):
        if spec.serve not in SERVE_MODES:
            raise StorageError(f"PRESS_MEDIA_SERVE must be one of {', '.join(SERVE_MODES)}, not {spec.serve!r}")
        if spec.serve == "public" and not spec.public_base_url:
            raise StorageError("PRESS_MEDIA_SERVE=public needs PRESS_MEDIA_PUBLIC_BASE_URL (the bucket's public address)")
        self.spec = spec
        self.bucket = spec.bucket
        self.prefix = spec.prefix.strip("/") + "/" if spec.prefix.strip("/") else ""
        self.spool = spec.spool_dir or os.path.join(tempfile.gettempdir(), "siaran-spool")
        try:
            os.makedirs(self.spool, exist_ok=True)
            self.client = boto3.session.Session().client(
                "s3", endpoint_url=spec.endpoint or None, region_name=spec.region or None,
                aws_access_key_id=spec.access_key or None, aws_secret_access_key=spec.secret_key or None,
                config=Config(request_checksum_calculation="when_required",
                              response_checksum_validation="when_required", signature_version="s3v4",
                              s3={"addressing_style": spec.addressing_style}, connect_timeout=10, read_timeout=60,
                              retries={"max_attempts": 3, "mode": "standard"}))
        except (OSError, BotoCoreError, ValueError) as exc:
            raise StorageError(f"cannot open the store {self.describe()}: {exc}") from exc
        self._ensure_bucket()

    def describe(self) -> str:
        where = f" at {self.spec.endpoint}" if self.spec.endpoint else ""
        return f"s3://{self.bucket}/{self.prefix}{where}"

    def _call(self, what: str, operation, **params):
        try:
            return operation(Bucket=self.bucket, **params)
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in _NOT_FOUND:
                raise FileNotFoundError(what) from exc
            raise StorageError(f"{what}: {code} {exc.response.get('Error', {}).get('Message', '')}".strip()) from exc
        except BotoCoreError as exc:
            raise StorageError(f"{what}: {exc}") from exc

    def _ensure_bucket(self) -> None:
        try:
            self._call(f"cannot reach the bucket {self.bucket}", self.client.head_bucket)
        except FileNotFoundError:
            self._call(f"cannot create the bucket {self.bucket}", self.client.create_bucket)

    # -- objects ------------------------------------------------------------------

    def _put_object(self, name: str, body, md5: str, size: int, **extra) -> None:
        self._call(f"cannot store {name}", self.client.put_object, Key=self.prefix + name, Body=body,
                   ContentMD5=md5, ContentLength=size, **extra)

    def _head(self, name: str) -> dict | None:
        try:
            return self._call(f"cannot look up {name}", self.client.head_object, Key=self.prefix + name)
        except FileNotFoundError:
            return None

    def _get(self, name: str):
        return self._call(f"cannot read {name}", self.client.get_object, Key=self.prefix + name)["Body"]

    def _read(self, name: str) -> bytes:
        body = self._get(name)
        try:
            return body.read()
        except (BotoCoreError, OSError) as exc:
            raise StorageError(f"cannot read {name}: {exc}") from exc
        finally:
            body.close()

    def _delete(self, name: str) -> None:
        self._call(f"cannot delete {name}", self.client.delete_object, Key=self.prefix + name)

    def _list(self, folder: str) -> Iterator[dict]:
        """Every object under ``folder`` (a name of the layout), names made relative to the prefix."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix + folder + "/")
        try:
            for page in pages:
                for item in page.get("Contents", ()):
                    yield {**item, "Name": item["Key"][len(self.prefix):]}
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(f"cannot list {folder}: {exc}") from exc

    # -- originals ----------------------------------------------------------------

    def receive(self) -> Incoming:
        """A new spool file to write an original into as it arrives, hashed on the way;
        :meth:`keep` uploads it under its key."""
        return Incoming(self.spool, durable=False)

    def put(self, stream) -> str:
        incoming = self.receive()
        try:
            source = as_stream(stream)
            while chunk := source.read(CHUNK):
                incoming.write(chunk)
        except BaseException:
            incoming.close()
            raise
        return self.keep(incoming)

    def keep(self, incoming: Incoming) -> str:
        """Upload a received file under its key (already stored: nothing sent) and drop the
        spool file. Raises ``StorageError`` when it could not be stored whole."""
        try:
            incoming.finish()
            key = incoming.key
            name = original_name(key)
            if self._head(name) is not None:
                return key
            digest, md5 = new_digest(), hashlib.md5()
            with open(incoming.path, "rb") as handle:
                for chunk in iter(lambda: handle.read(CHUNK), b""):
                    digest.update(chunk)
                    md5.update(chunk)
                if digest.hexdigest() != key:
                    raise StorageError(f"the received file changed before its upload: it hashes to "
                                       f"{digest.hexdigest()}, not {key}")
                size = handle.tell()
                handle.seek(0)
                self._put_object(name, handle, base64.b64encode(md5.digest()).decode(), size,
                                 Metadata={"sha256": key})
            return key
        finally:
            incoming.close()

    def open(self, key: str) -> BinaryIO:
        """The original, downloaded into a spool file and re-hashed on the way: a blob that
        no longer hashes to its key raises ``StorageError``."""
        name = original_name(key)
        try:
            body = self._get(name)
        except FileNotFoundError as exc:
            raise StorageError(f"no blob under key {key}") from exc
        local = tempfile.TemporaryFile(dir=self.spool)
        digest = new_digest()
        try:
            for chunk in body.iter_chunks(CHUNK):
                digest.update(chunk)
                local.write(chunk)
        except (BotoCoreError, OSError) as exc:
            local.close()
            raise StorageError(f"cannot read {name}: {exc}") from exc
        finally:
            body.close()
        if digest.hexdigest() != key:
            local.close()
            raise StorageError(f"the blob under key {key} is damaged: its content hashes to {digest.hexdigest()}")
        local.seek(0)
        return local

    def exists(self, key: str) -> bool:
        return self._head(original_name(key)) is not None

    def size(self, key: str) -> int:
        head = self._head(original_name(key))
        if head is None:
            raise StorageError(f"no blob under key {key}")
        return int(head["ContentLength"])

    def delete(self, key: str) -> None:
        """Remove the original, all its renditions and its private files; a missing key is an error."""
        names = [item["Name"] for folder in (renditions_folder(key), private_folder(key)) for item in self._list(folder)]
        if self._head(original_name(key)) is not None:
            names.append(original_name(key))
        if not names:
            raise StorageError(f"no blob under key {key}")
        for name in names:
            self._delete(name)

    def iter_keys(self) -> Iterator[str]:
        for item in self._list(ORIGINALS):
            key = item["Name"].rsplit("/", 1)[-1]
            if KEY_RE.match(key) and item["Name"] == original_name(key):
                yield key

    # -- renditions ---------------------------------------------------------------

    def rendition_relpath(self, key: str, variant: str) -> str:
        return rendition_name(key, variant)

    def put_rendition(self, key: str, variant: str, data_or_stream) -> str:
        name = rendition_name(key, variant)
        data = bytes(as_stream(data_or_stream).read())
        self._put_object(name, data, _md5(data), len(data), ContentType="image/jpeg")
        return name

    def open_rendition(self, key: str, variant: str) -> BinaryIO:
        try:
            return io.BytesIO(self._read(rendition_name(key, variant)))
        except FileNotFoundError as exc:
            raise StorageError(f"no rendition {variant!r} of {key}") from exc

    def rendition_exists(self, key: str, variant: str) -> bool:
        return self._head(rendition_name(key, variant)) is not None

    def delete_rendition(self, key: str, variant: str) -> None:
        self._delete(rendition_name(key, variant))

    def rendition_variants(self, key: str) -> list[str]:
        folder = renditions_folder(key) + "/"
        found = []
        for item in self._list(renditions_folder(key)):
            rest = item["Name"][len(folder):]
            if rest.endswith(".jpg") and VARIANT_RE.match(rest[:-4]):
                found.append(rest[:-4])
        return sorted(found)

    def rendition_url(self, key: str, variant: str) -> str | None:
        """Where a browser may fetch a public rendition itself (``serve`` is ``presigned``
        or ``public``); None: Siaran sends it. Only for what the public rule allows: the
        caller checks."""
        name = self.prefix + rendition_name(key, variant)
        if self.spec.serve == "public":
            return self.spec.public_base_url.rstrip("/") + "/" + name
        if self.spec.serve == "presigned":
            try:
                return self.client.generate_presigned_url(
                    "get_object", Params={"Bucket": self.bucket, "Key": name}, ExpiresIn=self.spec.url_seconds)
            except BotoCoreError as exc:
                raise StorageError(f"cannot sign a URL for {name}: {exc}") from exc
        return None

    # -- private files ------------------------------------------------------------

    def put_private(self, key: str, name: str, data: bytes) -> None:
        self._put_object(private_name(key, name), data, _md5(data), len(data))

    def open_private(self, key: str, name: str) -> BinaryIO:
        try:
            return io.BytesIO(self._read(private_name(key, name)))
        except FileNotFoundError as exc:
            raise StorageError(f"no private file {name!r} of {key}") from exc

    def delete_private(self, key: str, name: str) -> None:
        self._delete(private_name(key, name))

    def private_names(self, key: str) -> list[str]:
        folder = private_folder(key) + "/"
        names = (item["Name"][len(folder):] for item in self._list(private_folder(key)))
        return sorted(rest[:-4] for rest in names if rest.endswith(".jpg") and VARIANT_RE.match(rest[:-4]))

    # -- derived files ------------------------------------------------------------

    def put_derived(self, name: str, data: bytes) -> None:
        self._put_object(derived_name(name), data, _md5(data), len(data))

    def read_derived(self, name: str) -> bytes | None:
        try:
            return self._read(derived_name(name))
        except FileNotFoundError:
            return None

    # -- housekeeping -------------------------------------------------------------

    def age(self, key: str) -> float:
        """Seconds since the original of ``key`` (or, without one, its newest rendition)
        was written; infinite when neither is there. Never below zero: the server stamps
        with its own clock, which may run a little ahead of this node's."""
        head = self._head(original_name(key))
        times = [head["LastModified"]] if head else [item["LastModified"] for item in self._list(renditions_folder(key))]
        if not times:
            return float("inf")
        return max(0.0, (datetime.now(timezone.utc) - max(times)).total_seconds())

    def temp_files(self) -> list[tuple[str, float]]:
        """The spool files of uploads in progress on this node (or a crash's), with their ages."""
        now = time.time()
        with os.scandir(self.spool) as entries:
            return sorted((e.name, now - e.stat().st_mtime) for e in entries if e.is_file())

    def cleanup_temp(self, older_than_seconds: float = 3600) -> int:
        removed = 0
        for name, age in self.temp_files():
            if age >= older_than_seconds:
                try:
                    os.unlink(os.path.join(self.spool, name))
                    removed += 1
                except FileNotFoundError:
                    continue
        return removed

    def verify(self, expected_keys=None) -> Iterator[StoreProblem]:
        """Re-hash every original and yield what is wrong (the kinds of ``FileStorage.verify``)."""
        seen = set()
        for item in self._list(ORIGINALS):
            key = item["Name"].rsplit("/", 1)[-1]
            if not KEY_RE.match(key) or item["Name"] != original_name(key):
                yield StoreProblem("stray", key, item["Name"])
                continue
            seen.add(key)
            try:
                self.open(key).close()
            except StorageError as exc:
                yield StoreProblem("corrupt", key, str(exc))
        folders = set()
        for item in (*self._list(RENDITIONS), *self._list(PRIVATE)):
            parts = item["Name"].split("/")
            if len(parts) == 5 and KEY_RE.match(parts[3]):
                folders.add(parts[3])
        for key in sorted(folders - seen):
            yield StoreProblem("orphan_renditions", key, "renditions without an original")
        for key in expected_keys or ():
            if key not in seen:
                yield StoreProblem("missing", key, "no original stored under this key")


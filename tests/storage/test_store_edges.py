"""The folder store where things go wrong or are left behind: an orphan's age (kept while
young), a stray file, a temporary file of a write in progress, a write that fails on the
way into place, a delete that cannot finish, the settings that name no store — each said
as a ``StorageError`` whose message names what happened, never a half-written blob.
And a file received as it arrives (``Incoming``): hashed, read back, fsynced only when it
must be, removed unless kept. In a folder only: no database, no object store."""
from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import time

import pytest

from press.storage import StorageError, open_store, store_spec
from press.storage.files import CHUNK, safe_join, unlink_quietly
from press.storage.incoming import Incoming
from press.storage.layout import StoreProblem
from press.storage.local import FileStorage
from press.storage import s3
from press.storage.s3 import S3Spec

BLOB = b"foto asli " * 100


@pytest.fixture
def store(tmp_path):
    return FileStorage(tmp_path / "media")


def _age_back(path: str, seconds: float) -> None:
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def test_an_originals_age_follows_its_file_then_its_renditions_and_is_infinite_for_nothing(store):
    key = store.put(BLOB)
    assert 0 <= store.age(key) < 60  # just written: young, so doctor's grace keeps it
    _age_back(store.path(key), 7200)
    assert 7190 < store.age(key) < 7260
    store.put_rendition(key, "web", b"jpeg")
    _age_back(os.path.dirname(store.rendition_path(key, "web")), 3600)
    os.unlink(store.path(key))  # renditions whose original is gone: their folder's age
    assert 3590 < store.age(key) < 3660
    assert store.age(hashlib.sha256(b"never stored").hexdigest()) == float("inf")


def test_a_file_in_the_originals_tree_not_named_by_its_key_where_it_belongs_is_stray(store):
    key = store.put(BLOB)
    folder = os.path.dirname(store.path(key))
    stray = os.path.join(folder, "catatan.txt")
    with open(stray, "wb") as handle:
        handle.write(b"bukan foto")
    misplaced_key = hashlib.sha256(b"elsewhere").hexdigest()
    wrong_place = os.path.join(store.root, "originals", key[:2], key[2:4], misplaced_key)
    with open(wrong_place, "wb") as handle:
        handle.write(b"elsewhere")
    found = sorted(store.verify(expected_keys=[key]), key=lambda p: p.key)
    assert found == sorted([StoreProblem("stray", "catatan.txt", stray),
                            StoreProblem("stray", misplaced_key, wrong_place)], key=lambda p: p.key)


def test_temporary_files_are_listed_with_their_age_and_only_old_ones_removed(store):
    tmp = os.path.join(store.root, "tmp")
    for name, age in (("put-a.part", 7200), ("put-b.part", 10)):
        with open(os.path.join(tmp, name), "wb") as handle:
            handle.write(b"half")
        _age_back(os.path.join(tmp, name), age)
    os.mkdir(os.path.join(tmp, "a-folder"))  # not a temporary file
    listed = store.temp_files()
    assert [name for name, _age in listed] == ["put-a.part", "put-b.part"]
    assert 7190 < listed[0][1] < 7260 and 0 <= listed[1][1] < 70
    assert store.cleanup_temp(older_than_seconds=7100) == 1
    assert [name for name, _age in store.temp_files()] == ["put-b.part"]
    assert store.cleanup_temp() == 0  # the default keeps anything younger than an hour
    assert store.cleanup_temp(older_than_seconds=0) == 1 and store.temp_files() == []
    shutil.rmtree(tmp)
    assert store.temp_files() == []


def test_a_write_that_cannot_be_moved_into_place_is_an_error_and_leaves_no_file(store, monkeypatch):
    def refused(_source, _target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(StorageError, match=r"^cannot move the file into place: .*cross-device"):
        store.put(BLOB)
    with pytest.raises(StorageError, match=r"^cannot move the file into place: "):
        store.put_rendition("a" * 64, "web", b"jpeg")
    monkeypatch.undo()
    assert list(store.iter_keys()) == [] and store.temp_files() == []
    assert not store.rendition_exists("a" * 64, "web")


def test_a_store_whose_folder_cannot_be_made_says_where(tmp_path):
    (tmp_path / "a-file").write_bytes(b"")
    with pytest.raises(StorageError, match=r"^cannot create the store at .*a-file/media: "):
        FileStorage(tmp_path / "a-file" / "media")


def test_deletes_and_reads_that_fail_are_errors_and_a_missing_one_is_none(store, monkeypatch):
    key = store.put(BLOB)
    store.delete_rendition(key, "web")  # never there: no error
    store.delete_private(key, "crop")
    os.makedirs(store.rendition_path(key, "web"))  # a folder where a file should be
    with pytest.raises(StorageError, match=r"^cannot delete rendition 'web' of " + key):
        store.delete_rendition(key, "web")
    os.makedirs(os.path.join(store.root, "private", key[:2], key[2:4], key, "crop.jpg"))
    with pytest.raises(StorageError, match=r"^cannot delete private file 'crop' of " + key):
        store.delete_private(key, "crop")
    os.makedirs(store.derived_path("release-pdf/1-v1.pdf"))
    with pytest.raises(StorageError, match=r"^cannot read release-pdf/1-v1.pdf: "):
        store.read_derived("release-pdf/1-v1.pdf")
    with pytest.raises(StorageError, match=r"^no blob under key " + "b" * 64):
        store.size("b" * 64)

    def refused(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", path)

    monkeypatch.setattr(shutil, "rmtree", refused)
    with pytest.raises(StorageError, match=r"^cannot delete " + key + ": "):
        store.delete(key)
    monkeypatch.undo()
    assert not store.exists(key)  # the original went first; its folders are what remained
    store.delete(key)
    assert store.rendition_variants(key) == [] and store.private_names(key) == []


def test_unlink_quietly_removes_a_file_and_ignores_one_already_gone(tmp_path):
    path = tmp_path / "put-x.part"
    path.write_bytes(b"x")
    unlink_quietly(str(path))
    unlink_quietly(str(path))
    assert not path.exists()


# -- Incoming -------------------------------------------------------------------------


def test_a_received_file_is_hashed_as_written_read_back_and_removed_unless_kept(tmp_path):
    data = b"baris pertama\n" + os.urandom(CHUNK + 100) + b"\nakhir"
    with Incoming(str(tmp_path)) as incoming:
        for start in range(0, len(data), 70_000):
            assert incoming.write(data[start:start + 70_000]) == len(data[start:start + 70_000])
        assert incoming.size == len(data)
        assert incoming.key == hashlib.sha256(data).hexdigest()
        incoming.finish()
        assert incoming.seek(0) == 0
        assert incoming.readline() == b"baris pertama\n"
        assert incoming.tell() == len(b"baris pertama\n")
        assert incoming.read(4) == data[14:18]
        incoming.seek(-6, os.SEEK_END)
        assert incoming.read() == b"\nakhir"
        path = incoming.path
        assert os.path.basename(path).startswith("put-") and path.endswith(".part")
        assert os.path.dirname(path) == str(tmp_path)
    assert incoming.closed and not os.path.exists(path)
    incoming.close()  # twice: nothing happens

    kept = Incoming(str(tmp_path))
    kept.write(b"disimpan")
    kept.finish()
    kept.kept = True
    kept.close()
    with open(kept.path, "rb") as handle:
        assert handle.read() == b"disimpan"


def test_a_received_file_is_fsynced_when_durable_and_not_when_a_spool(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(os.readlink(f"/proc/self/fd/{fd}")), real(fd))[1])
    with Incoming(str(tmp_path)) as durable:
        durable.write(b"asli")
        durable.finish()
        durable.finish()  # once finished, not again
        assert synced == [durable.path]
    with Incoming(str(tmp_path), durable=False) as spool:
        spool.write(b"spool")
        spool.finish()
        with open(spool.path, "rb") as handle:
            assert handle.read() == b"spool"
    assert synced == [durable.path]


def test_a_full_disk_while_receiving_is_said_when_finished_and_the_hash_still_covers_everything(tmp_path, monkeypatch):
    def full(_fd, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    incoming = Incoming(str(tmp_path))
    monkeypatch.setattr(os, "write", full)
    incoming.write(b"x" * (CHUNK + 1))  # flushed at once: the write fails, and is remembered
    incoming.write(b"y")
    monkeypatch.undo()
    assert incoming.key == hashlib.sha256(b"x" * (CHUNK + 1) + b"y").hexdigest()
    with pytest.raises(StorageError, match=r"^writing to the store failed: .*No space left"):
        incoming.check_written()
    with pytest.raises(StorageError, match=r"^writing to the store failed: "):
        incoming.finish()
    incoming.close()
    assert not os.path.exists(incoming.path)

    def failing_fsync(_fd):
        raise OSError(errno.EIO, "Input/output error")

    incoming = Incoming(str(tmp_path))
    incoming.write(b"z")
    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(StorageError, match=r"^writing to the store failed: .*Input/output error"):
        incoming.finish()
    incoming.close()


def test_a_received_file_in_a_folder_that_is_gone_is_an_error(tmp_path):
    with pytest.raises(StorageError, match=r"^cannot create a temporary file: "):
        Incoming(str(tmp_path / "gone"))


# -- which store the settings name ----------------------------------------------------


def test_the_settings_name_a_folder_or_a_bucket_or_are_refused(tmp_path):
    assert store_spec({"MEDIA_URL": f"file://{tmp_path}/foto%20humas"}) == f"{tmp_path}/foto humas"
    assert store_spec({"MEDIA_URL": "", "MEDIA_ROOT": "relatif"}) == os.path.abspath("relatif")
    assert store_spec({"MEDIA_URL": "C:/media"}) == os.path.abspath("C:/media")  # a drive letter is a path
    with pytest.raises(StorageError, match=r"^the media URL 'file://' names no folder: write file:///absolute/path$"):
        store_spec({"MEDIA_URL": "file://"})
    with pytest.raises(StorageError, match=r"^the media URL 'ftp://host/media' is neither file:// nor s3://$"):
        store_spec({"MEDIA_URL": "ftp://host/media"})
    with pytest.raises(StorageError, match=r"^the media URL 's3:///x' names no bucket: write s3://bucket/prefix$"):
        store_spec({"MEDIA_URL": "s3:///x"})
    assert store_spec({"MEDIA_URL": "s3://humas/foto%20kota/"}) == S3Spec(bucket="humas", prefix="foto kota")
    assert store_spec({"MEDIA_URL": "s3://humas//ArsipX/"}).prefix == "ArsipX"
    given = {"MEDIA_URL": "s3://humas/", "S3_ENDPOINT_URL": "http://127.0.0.1:9", "S3_REGION": "ap-southeast-3",
             "S3_ACCESS_KEY_ID": "kunci", "S3_SECRET_ACCESS_KEY": "rahasia", "S3_ADDRESSING_STYLE": "virtual",
             "MEDIA_SPOOL_DIR": str(tmp_path / "spool"), "MEDIA_SERVE": "public",
             "MEDIA_PUBLIC_BASE_URL": "https://cdn.example/", "MEDIA_URL_SECONDS": "60"}
    assert store_spec(given) == S3Spec(bucket="humas", prefix="", endpoint="http://127.0.0.1:9",
                                       region="ap-southeast-3", access_key="kunci", secret_key="rahasia",
                                       addressing_style="virtual", spool_dir=str(tmp_path / "spool"), serve="public",
                                       public_base_url="https://cdn.example/", url_seconds=60)
    defaults = store_spec({"MEDIA_URL": "s3://humas"})
    assert (defaults.addressing_style, defaults.serve, defaults.url_seconds) == ("path", "siaran", 300)


def test_a_folder_store_is_opened_anew_and_an_object_store_once_per_process(tmp_path, monkeypatch):
    first = open_store(str(tmp_path / "media"))
    shutil.rmtree(tmp_path / "media")
    second = open_store(tmp_path / "media")
    assert isinstance(second, FileStorage) and second is not first
    assert os.path.isdir(tmp_path / "media" / "tmp")  # made again
    opened = []

    class Counted:  # the object store's client is costly to make (it reaches the bucket first)
        def __init__(self, spec):
            opened.append(spec)
            self.spec = spec

    monkeypatch.setattr(s3, "S3Storage", Counted)
    spec = S3Spec(bucket=f"humas-{os.getpid()}-{time.monotonic_ns()}")
    store = open_store(spec)
    assert open_store(spec) is store and open_store(S3Spec(bucket=spec.bucket)) is store
    assert opened == [spec] and store.spec == spec


def test_bytes_and_streams_are_stored_alike(store):
    for data in (BLOB, bytearray(BLOB), memoryview(BLOB), io.BytesIO(BLOB)):
        assert store.put(data) == hashlib.sha256(BLOB).hexdigest()


def test_each_refusal_says_what_was_refused(store):
    """The messages an operator reads (``flask doctor``, ``flask media verify``, a log line)."""
    key = store.put(BLOB)
    absent = hashlib.sha256(b"never stored").hexdigest()
    refusals = [
        (lambda: safe_join(store.root, "a", ""), r"^unsafe path component: ''$"),
        (lambda: safe_join(store.root, "..\\rahasia"), r"^unsafe path component: '\.\.\\\\rahasia'$"),
        (lambda: safe_join(store.root, "a", "..", "..", "x"), r"^path escapes the store: 'a/\.\./\.\./x'$"),
        (lambda: store.open("ABC"), r"^not a valid key \(64 lowercase hex digits\): 'ABC'$"),
        (lambda: store.put_rendition(key, "Web", b"x"), r"^not a valid rendition name: 'Web'$"),
        (lambda: store.read_derived("../x.pdf"), r"^not a valid derived file name: '\.\./x\.pdf'$"),
        (lambda: store.delete(absent), rf"^no blob under key {absent}$"),
        (lambda: store.open(absent), rf"^no blob under key {absent}: No such file or directory$"),
        (lambda: store.open_rendition(key, "web"), rf"^no rendition 'web' of {key}: No such file or directory$"),
        (lambda: store.open_private(key, "crop"), rf"^no private file 'crop' of {key}: No such file or directory$"),
    ]
    for call, message in refusals:
        with pytest.raises(StorageError, match=message):
            call()


def test_the_layout_is_the_one_every_backend_and_every_copy_shares(store):
    key = store.put(BLOB)
    fanned = f"{key[:2]}/{key[2:4]}/{key}"
    assert store.put_rendition(key, "web", b"jpeg") == f"renditions/{fanned}/web.jpg"
    store.put_private(key, "crop", b"crop")
    store.put_derived("release-pdf/1-v1.pdf", b"%PDF")
    for name in (f"originals/{fanned}", f"renditions/{fanned}/web.jpg", f"private/{fanned}/crop.jpg",
                 "derived/release-pdf/1-v1.pdf"):
        assert os.path.isfile(os.path.join(store.root, *name.split("/"))), name


def test_only_files_named_as_a_rendition_or_a_private_file_count_as_one(store):
    key = store.put(BLOB)
    store.put_rendition(key, "web", b"jpeg")
    store.put_private(key, "crop", b"crop")
    for folder in (os.path.dirname(store.rendition_path(key, "web")),
                   os.path.join(store.root, "private", key[:2], key[2:4], key)):
        for stray in ("catatan.txt", "web!.jpg", "abcd!.jpg"):
            with open(os.path.join(folder, stray), "wb") as handle:
                handle.write(b"bukan")
    assert store.rendition_variants(key) == ["web"]
    assert store.private_names(key) == ["crop"]


def test_verify_says_what_it_found_in_words(store):
    key = store.put(BLOB)
    with open(store.path(key), "r+b") as handle:
        handle.write(b"X")
    actual = hashlib.sha256(b"X" + BLOB[1:]).hexdigest()
    gone = store.put(b"gone")
    store.put_rendition(gone, "web", b"jpeg")
    os.unlink(store.path(gone))
    absent = hashlib.sha256(b"never stored").hexdigest()
    assert sorted(store.verify(expected_keys=[key, absent]), key=lambda p: p.kind) == [
        StoreProblem("corrupt", key, f"content hashes to {actual}"),
        StoreProblem("missing", absent, "no original stored under this key"),
        StoreProblem("orphan_renditions", gone, "renditions without an original"),
    ]


def test_a_write_the_disk_takes_in_pieces_is_stored_whole(store, monkeypatch):
    """``os.write`` may write less than asked (a signal, a network filesystem): the rest follows."""
    real = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:700])))
    key = store.put(BLOB)
    monkeypatch.undo()
    with store.open(key) as handle:
        assert handle.read() == BLOB


def test_a_folder_another_writer_made_first_is_no_error(store, monkeypatch):
    """Two uploads whose keys share a fan-out folder: the second finds it made."""
    real = os.makedirs

    def raced(path, *args, **kwargs):
        real(path, exist_ok=True)  # the other writer, just before
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "makedirs", raced)
    key = store.put(BLOB)
    store.put_rendition(key, "web", b"jpeg")
    monkeypatch.undo()
    assert store.exists(key) and store.rendition_variants(key) == ["web"]


def test_cleanup_counts_every_file_it_removes_and_keeps_an_hour_by_default(store):
    tmp = os.path.join(store.root, "tmp")
    for name, age in (("put-a.part", 7200), ("put-b.part", 5000), ("put-c.part", 3600.7), ("put-d.part", 3000)):
        with open(os.path.join(tmp, name), "wb") as handle:
            handle.write(b"half")
        _age_back(os.path.join(tmp, name), age)
    assert store.cleanup_temp() == 3
    assert [name for name, _age in store.temp_files()] == ["put-d.part"]


def test_a_received_file_reads_back_a_line_at_most_the_size_asked(tmp_path):
    with Incoming(str(tmp_path)) as incoming:
        incoming.write(b"baris pertama\nbaris kedua\n")
        incoming.seek(0)
        assert incoming.readline(5) == b"baris"
        assert incoming.readline() == b" pertama\n"

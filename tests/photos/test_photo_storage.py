"""FileStorage: content addressing, atomic writes, traversal, failures."""
from __future__ import annotations

import errno
import hashlib
import io
import os
import time

import pytest

from press.storage.files import StorageError, content_key, file_key, safe_join


def test_key_is_sha256_of_content_and_sharded(storage):
    data = b"foto kegiatan" * 1000
    key = storage.put(io.BytesIO(data))
    assert key == hashlib.sha256(data).hexdigest()
    assert storage.path(key).endswith(os.path.join(key[:2], key[2:4], key))
    with storage.open(key) as handle:
        assert handle.read() == data
    assert storage.size(key) == len(data)
    assert storage.exists(key)


def test_key_of_bytes_and_of_a_file_is_the_key_the_store_gives(storage, tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 17)  # more than one read chunk
    (tmp_path / "foto.jpg").write_bytes(data)
    key = storage.put(data)
    assert content_key(data) == file_key(tmp_path / "foto.jpg") == file_key(storage.path(key)) == key


def test_same_bytes_twice_is_one_key_and_one_file(storage):
    first = storage.put(b"sama")
    before = os.stat(storage.path(first)).st_mtime_ns
    second = storage.put(io.BytesIO(b"sama"))
    assert first == second
    assert list(storage.iter_keys()) == [first]
    assert os.stat(storage.path(first)).st_mtime_ns == before
    assert os.listdir(os.path.join(storage.root, "tmp")) == []


@pytest.mark.parametrize("parts", [("..", "etc", "passwd"), ("/etc/passwd",), ("a", "..", "..", "b"), ("",), ("a\x00b",)])
def test_safe_join_refuses_traversal(tmp_path, parts):
    with pytest.raises(StorageError):
        safe_join(tmp_path, *parts)


def test_safe_join_allows_nested_names_inside_root(tmp_path):
    assert safe_join(tmp_path, "a", "b", "c.jpg") == str(tmp_path / "a" / "b" / "c.jpg")


@pytest.mark.parametrize("key", ["../" + "a" * 61, "A" * 64, "a" * 63, "g" * 64, "", None])
def test_bad_keys_are_refused_with_storage_error(storage, key):
    with pytest.raises(StorageError):
        storage.open(key)
    with pytest.raises(StorageError):
        storage.exists(key)


def test_rendition_names_cannot_escape(storage):
    key = storage.put(b"x")
    for variant in ("../thumb", "a/b", "", "Thumb"):
        with pytest.raises(StorageError):
            storage.put_rendition(key, variant, b"jpeg")


def test_missing_key_is_storage_error(storage):
    missing = "0" * 64
    with pytest.raises(StorageError):
        storage.open(missing)
    with pytest.raises(StorageError):
        storage.size(missing)
    with pytest.raises(StorageError):
        storage.delete(missing)
    with pytest.raises(StorageError):
        storage.open_rendition(missing, "thumb")


def test_renditions_are_stored_by_key_and_variant_and_deleted_with_the_original(storage):
    key = storage.put(b"original")
    relpath = storage.put_rendition(key, "thumb", b"thumb bytes")
    storage.put_rendition(key, "web", io.BytesIO(b"web bytes"))
    assert relpath == storage.rendition_relpath(key, "thumb")
    assert not os.path.isabs(relpath)
    assert os.path.isfile(os.path.join(storage.root, relpath))
    assert storage.rendition_exists(key, "web")
    assert storage.rendition_variants(key) == ["thumb", "web"]
    with storage.open_rendition(key, "thumb") as handle:
        assert handle.read() == b"thumb bytes"
    storage.delete(key)
    assert not storage.exists(key)
    assert not storage.rendition_exists(key, "thumb")


def test_full_disk_raises_storage_error_and_leaves_nothing(storage, monkeypatch):
    real_write = os.write
    calls = {"n": 0}

    def failing_write(fd, data):
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", failing_write)
    data = os.urandom(5 * 1024 * 1024)
    with pytest.raises(StorageError, match="No space left"):
        storage.put(io.BytesIO(data))
    monkeypatch.undo()
    key = hashlib.sha256(data).hexdigest()
    assert not storage.exists(key)
    assert list(storage.iter_keys()) == []
    assert os.listdir(os.path.join(storage.root, "tmp")) == []


def test_verify_reports_corrupt_and_missing_blobs(storage):
    good = storage.put(b"good")
    bad = storage.put(b"bad")
    with open(storage.path(bad), "r+b") as handle:
        handle.write(b"BAD")
    absent = hashlib.sha256(b"never stored").hexdigest()
    problems = {(p.kind, p.key) for p in storage.verify(expected_keys=[good, bad, absent])}
    assert problems == {("corrupt", bad), ("missing", absent)}


def test_verify_is_clean_for_a_healthy_store(storage):
    key = storage.put(b"sehat")
    storage.put_rendition(key, "thumb", b"t")
    assert list(storage.verify(expected_keys=[key])) == []


def test_cleanup_temp_removes_only_old_leftovers(storage):
    tmp = os.path.join(storage.root, "tmp")
    old, new = os.path.join(tmp, "put-old.part"), os.path.join(tmp, "put-new.part")
    for path in (old, new):
        with open(path, "wb") as handle:
            handle.write(b"half")
    past = time.time() - 7200
    os.utime(old, (past, past))
    assert storage.cleanup_temp(older_than_seconds=3600) == 1
    assert os.listdir(tmp) == ["put-new.part"]


def test_storage_package_imports_nothing_of_press_but_itself():
    import ast
    from pathlib import Path

    import press.storage as package

    for path in Path(package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        relative = [n.level for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]
        assert not [name for name in imported if name.startswith("press")], path
        assert all(level == 1 for level in relative), path  # only siblings in the package

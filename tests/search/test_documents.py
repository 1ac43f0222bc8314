"""Who may read a search document, and what a batch of changes writes: each expectation
written out here, on plain documents (no index)."""
from __future__ import annotations

import pytest

from press.search.document import (READ_BY_ALL, Delete, Document, NotPublicError, PublicDocument, Upsert,
                                   last_change_per_key, upsert)


@pytest.mark.parametrize(("kind", "status", "readers"), [
    ("release", "published", READ_BY_ALL),
    ("release", "retracted", READ_BY_ALL),
    ("release", "draft", "u4"),
    ("release", "scheduled", "u4"),
    ("photo", "public", READ_BY_ALL),
    ("photo", "private", "u4"),
    ("activity", "public", "u4"),
    ("note", "published", "u4"),
])
def test_staff_readers_are_everyone_only_for_published_public_and_retracted_work(kind, status, readers):
    assert Document(kind, 1, status=status, unit_id=4).readers == readers


def test_a_document_without_a_unit_is_read_by_the_unit_token_of_none():
    assert Document("activity", 1).readers == "u0"


@pytest.mark.parametrize("missing", [None, ""])
def test_a_document_needs_an_id(missing):
    with pytest.raises(ValueError, match="needs an id"):
        Document("release", missing)


def test_a_single_name_is_one_name_and_empty_names_are_dropped():
    doc = Document("release", 1, people="Tri Adhianto", places=("Bekasi", "", "Bantargebang"), tags=("", ))
    assert doc.people == ("Tri Adhianto",)
    assert doc.places == ("Bekasi", "Bantargebang")
    assert doc.tags == ()


def test_the_public_twin_keeps_every_field():
    doc = Document("release", 9, title="Banjir surut", body="Air surut.", people=("Ani",), unit="Dinkes", unit_id=3,
                   tags=("banjir",), status="published", url="/siaran/banjir-surut", thumbnail_key="ab/cd",
                   payload={"slug": "banjir-surut"})
    twin = doc.to_public()
    assert isinstance(twin, PublicDocument) and twin == PublicDocument(**vars(doc))
    assert (twin.title, twin.unit_id, twin.payload) == ("Banjir surut", 3, {"slug": "banjir-surut"})


def test_the_refusal_names_the_document_and_what_may_be_public():
    with pytest.raises(NotPublicError) as refused:
        PublicDocument("release", 5, status="approved")
    assert str(refused.value) == ("release:5 with status 'approved' is not public: only release published, "
                                  "photo public may reach the public index")


def test_a_batch_writes_the_last_change_of_each_key_in_the_order_last_given():
    draft = Document("release", 1, status="draft")
    published = Document("release", 1, status="published")
    photo = Document("photo", 2, status="public")
    batch = last_change_per_key([Upsert(draft), Upsert(photo), Upsert(published), Delete("note", 3), Delete("photo", 2)])
    assert [change.key for change in batch] == ["release:1", "note:3", "photo:2"]
    assert isinstance(batch[0].document, PublicDocument) and batch[0].document.status == "published"
    assert isinstance(batch[2], Delete)


def test_an_upsert_of_an_unpublished_document_stays_staff_only():
    assert type(upsert(Document("release", 1, status="draft")).document) is Document
    assert type(upsert(Document("photo", 1, status="public")).document) is PublicDocument

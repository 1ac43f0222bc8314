"""The public index holds only published releases and public photos, by construction."""
import pytest

from press.search import Delete, Document, NotPublicError, PublicDocument, Upsert, upsert
from press.search.index import _write_public


@pytest.mark.parametrize("status", ["draft", "in_review", "approved", "scheduled", "retracted"])
def test_a_public_document_cannot_be_built_from_an_unpublished_release(make_doc, status):
    draft = make_doc(status=status)
    with pytest.raises(NotPublicError):
        draft.to_public()
    with pytest.raises(NotPublicError):
        PublicDocument(kind="release", id=1, title="x", status=status)


@pytest.mark.parametrize("kind", ["activity", "note"])
def test_activities_and_notes_can_never_be_public(kind):
    with pytest.raises(NotPublicError):
        PublicDocument(kind=kind, id=1, status="published")


def test_a_private_photo_cannot_be_public(make_doc):
    with pytest.raises(NotPublicError):
        make_doc(kind="photo", status="private").to_public()


def test_the_public_writer_refuses_a_plain_document(make_doc):
    with pytest.raises(NotPublicError):
        _write_public(None, make_doc(status="published"), {})


def test_a_drafts_unique_word_is_in_staff_and_never_in_public(add, make_doc, keys):
    ix = add(
        make_doc(id=1, title="Rancangan rahasia", body="Kata unik zebrakuda hanya di draf.", status="draft"),
        make_doc(id=2, title="Siaran terbit", body="Berita yang sudah terbit."),
    )
    assert keys(ix.search("zebrakuda", public=False)) == ["release:1"]
    assert ix.search("zebrakuda", public=True).total == 0
    assert ix.doc_keys(public=True) == {"release:2"}
    assert ix.search("", public=True).total == 1


def test_a_plain_upsert_of_a_draft_never_reaches_public(index, make_doc):
    index.apply([Upsert(make_doc(id=1, body="zebrakuda", status="draft"))])
    assert index.doc_keys(public=True) == set()


def test_retraction_removes_the_release_from_public_but_not_staff(add, make_doc, keys):
    ix = add(make_doc(id=1, body="Peresmian jembatan gantung."))
    assert keys(ix.search("jembatan", public=True)) == ["release:1"]
    ix.apply([upsert(make_doc(id=1, body="Peresmian jembatan gantung.", status="retracted"))])
    assert ix.search("jembatan", public=True).total == 0
    assert keys(ix.search("jembatan", public=False)) == ["release:1"]


def test_a_photo_made_private_leaves_public(add, make_doc):
    ix = add(make_doc(kind="photo", id=9, title="Foto upacara"))
    assert ix.doc_keys(public=True) == {"photo:9"}
    ix.apply([upsert(make_doc(kind="photo", id=9, title="Foto upacara", status="private"))])
    assert ix.doc_keys(public=True) == set()
    assert ix.doc_keys(public=False) == {"photo:9"}


def test_delete_removes_from_both_indexes(add, make_doc):
    ix = add(make_doc(id=1, body="apa saja"), make_doc(kind="note", id=2, body="catatan"))
    ix.apply([Delete("release", 1), Delete("note", 2)])
    assert ix.doc_keys(public=False) == set()
    assert ix.doc_keys(public=True) == set()


def test_unpublished_documents_in_a_rebuild_stay_out_of_public(index, make_doc):
    docs = [make_doc(id=1, status="draft"), make_doc(id=2), make_doc(kind="note", id=3), make_doc(kind="photo", id=4)]
    index.rebuild(docs)
    assert index.doc_keys(public=False) == {"release:1", "release:2", "note:3", "photo:4"}
    assert index.doc_keys(public=True) == {"release:2", "photo:4"}


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Document(kind="video", id=1)


SWEEP = ["zebrakuda", "zebra*", '"kata zebrakuda"', "tag:rahasia", "orang:Rahasiawan", "jenis:siaran", "2021-09",
         "tanggal:2021", "", "zebrakudu", "judul:rancangan", "unit:Dinkes", "-terbit", "kata -terbit"]


@pytest.mark.parametrize("query", SWEEP)
def test_no_kind_of_public_query_sees_a_draft_or_counts_it(add, make_doc, query):
    """Words, prefixes, phrases, filters, dates, an empty query, a misspelling, an exclusion:
    the public search never returns, counts or suggests what only a draft holds."""
    ix = add(
        make_doc(id=1, title="Rancangan rahasia", body="Kata zebrakuda hanya di draf.", status="draft",
                 tags=("rahasia",), people=("Rahasiawan",), unit="Dinkes"),
        make_doc(id=2, title="Siaran terbit", body="Berita yang sudah terbit.", unit="Bagian Humas"),
    )
    result = ix.search(query, public=True)
    assert "release:1" not in {h.doc_key for h in result.hits}
    assert result.total <= 1
    assert "Rahasiawan" not in dict(result.facets.get("person", []))
    assert "rahasia" not in dict(result.facets.get("tag", []))
    assert "Dinkes" not in dict(result.facets.get("unit", []))
    assert "zebrakuda" not in (result.did_you_mean or "")

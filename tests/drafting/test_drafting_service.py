"""Saving with revisions and the optimistic lock, the diff, photos, DOCX and the media kit."""
from __future__ import annotations

import io
import shutil
import subprocess
import threading
import zipfile

import pytest
from docx import Document
from sqlalchemy import select

from press.extensions import db
from press.models import Release
from press.photos.quality import near_duplicate
from press.services import release_exports, release_photos
from press.services import releases as service
from press.storage import FileStorage

from .conftest import add_photo, make_activity, photo_bytes, user


def draft(kind="kunjungan_kerja"):
    return service.create_draft(db.session, make_activity(kind), user("writer"))[0]


def save(release, body, version, who="writer", **extra):
    return service.save_release(db.session, release, title=release.title, dateline=release.dateline, body=body,
                                signature=release.signature, expected_version=version, actor=user(who), **extra)


def test_every_save_keeps_a_revision_and_a_stale_save_is_refused_with_its_text(ctx):
    release = draft()
    save(release, "Versi dua.", 1)
    assert (release.version, [r.number for r in release.revisions]) == (2, [1, 2])
    with pytest.raises(service.StaleEdit) as refused:
        save(release, "Teks yang ditulis pada versi lama.", 1, who="editor")
    assert refused.value.submitted["body"] == "Teks yang ditulis pada versi lama."
    assert "versi 2" in str(refused.value)
    assert release.body == "Versi dua." and release.version == 2


def test_two_concurrent_saves_one_wins_the_other_is_refused(app):
    """Two sessions in two threads save version 1 at once: exactly one wins; the
    loser's text survives in the refusal, the winner's as a revision."""
    with app.app_context():
        release = draft()
        db.session.commit()
        release_id = release.id
    barrier = threading.Barrier(2)
    results = {}

    def editor(name, role):
        with app.app_context():
            mine = db.session.get(Release, release_id)
            barrier.wait()
            try:
                save(mine, f"Teks dari {name}.", 1, who=role)
                db.session.commit()
                results[name] = "saved"
            except service.StaleEdit as exc:
                db.session.rollback()
                results[name] = exc.submitted["body"]
            except Exception as exc:  # SQLite busy: the other writer holds the lock
                db.session.rollback()
                results[name] = f"error {exc}"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=editor, args=(n, r)) for n, r in (("A", "writer"), ("B", "editor"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(v == "saved" for v in results.values()) == [False, True], results
    loser = next(name for name, v in results.items() if v != "saved")
    winner = "B" if loser == "A" else "A"
    assert results[loser] == f"Teks dari {loser}."
    with app.app_context():
        release = db.session.get(Release, release_id)
        assert release.version == 2
        assert release.body == f"Teks dari {winner}."
        assert [r.body for r in release.revisions][-1] == f"Teks dari {winner}."


def test_revisions_compare_word_by_word(ctx):
    release = draft()
    first = release.body.split("\n\n")
    changed = [first[0].replace("menerima", "menyambut"), *first[1:], "Paragraf baru di akhir."]
    save(release, "\n\n".join(changed), 1)
    rows = service.diff_revisions(release, 1, 2)
    lead = next(r for r in rows if r.field == "body" and r.changed)
    assert ("menerima", "del") in lead.left and ("menyambut", "ins") in lead.right
    assert any(kind == "same" and "kunjungan kerja" in text for text, kind in lead.left)
    body = [r for r in rows if r.field == "body"]
    assert body[-1].left == () and body[-1].right == (("Paragraf baru di akhir.", "ins"),)
    assert rows[-1].field == "signature" and not rows[-1].changed
    assert not next(r for r in rows if r.field == "title").changed


def test_published_release_is_saved_as_a_correction_by_editors_only(ctx):
    release = db.session.scalar(select(Release).where(Release.state == "published"))
    with pytest.raises(service.ReleaseError):
        save(release, release.body + "\nTambahan.", release.version, who="writer")
    with pytest.raises(service.ReleaseError):
        save(release, release.body + "\nTambahan.", release.version, who="editor")  # no "Diperbarui" note
    save(release, release.body + "\nTambahan.", release.version, who="editor", comment="Menambah keterangan.")
    assert release.state == "published" and release.correction_note == "Menambah keterangan."
    assert release.body.endswith("Tambahan.")


def test_bad_input_is_refused_and_changes_nothing(ctx):
    release = draft()
    for title, body in (("", "isi"), ("Judul", "  \n "), ("J" * 301, "isi"), ("Judul", "kata " * 30_000)):
        with pytest.raises(service.ReleaseError):
            service.save_release(db.session, release, title=title, dateline=None, body=body, signature=None,
                                 expected_version=1, actor=user("writer"))
    assert release.version == 1
    with pytest.raises(service.ReleaseError):
        save(release, "x", 1, who="photographer")


def test_draft_attaches_highlights_then_sharpest_without_near_duplicates(app, ctx):
    activity = make_activity("peresmian")
    soft = add_photo(app, activity, 1, blur=4)
    highlight = add_photo(app, activity, 2, blur=2, highlight=True)
    sharp = add_photo(app, activity, 3)
    # The same picture saved again at another quality: a near-duplicate of ``sharp``.
    resaved = io.BytesIO()
    from PIL import Image
    Image.open(io.BytesIO(photo_bytes(3))).save(resaved, "JPEG", quality=60)
    twin = add_photo(app, activity, 30, data=resaved.getvalue())
    assert near_duplicate(twin.dhash, sharp.dhash)
    others = [add_photo(app, activity, seed) for seed in range(4, 9)]
    release, _missing = service.create_draft(db.session, activity, user("writer"))
    attached = [p.media_id for p in release.photos]
    assert len(attached) == release_photos.MAX_PHOTOS
    assert attached[0] == highlight.id
    assert not {sharp.id, twin.id} <= set(attached)
    assert soft.id not in attached
    assert all(p.caption for p in release.photos)
    assert {p.media_id for p in release.photos} <= {m.id for m in [highlight, sharp, twin, *others]}


def test_proposed_caption_credits_humas_when_the_photo_has_no_credit(app, ctx):
    activity = make_activity("peresmian")
    media = add_photo(app, activity, 11, credit=None, highlight=True)
    release, _ = service.create_draft(db.session, activity, user("writer"))
    caption = release.photos[0].caption
    assert caption.startswith(activity.title) and "Kamis (30/9/2021)" in caption
    assert "Foto: Dok. Humas" in caption
    assert media.id == release.photos[0].media_id
    assert not [f for f in service.check(release) if f.code in ("photo_caption", "photo_credit")]


def test_photos_attach_detach_move_caption(app, ctx):
    activity = make_activity("audiensi")
    photos = [add_photo(app, activity, seed) for seed in (21, 22, 23)]
    release = service.create_draft(db.session, activity, user("writer"))[0]
    for item in list(release.photos):
        release_photos.detach_photo(db.session, release, item.id, user("writer"))
    assert release.photos == []
    for media in photos:
        release_photos.attach_photo(db.session, release, media, user("writer"))
    with pytest.raises(service.ReleaseError):
        release_photos.attach_photo(db.session, release, photos[0], user("writer"))
    last = release.photos[-1]
    release_photos.move_photo(db.session, release, last.id, -1, user("writer"))
    db.session.refresh(release)
    assert [p.media_id for p in release.photos] == [photos[0].id, photos[2].id, photos[1].id]
    release_photos.caption_photo(db.session, release, last.id, "PRASASTI - Wali Kota menandatangani prasasti.", user("editor"))
    assert last.caption == "PRASASTI - Wali Kota menandatangani prasasti."


def exported(app, kind="sosialisasi", photos=4):
    activity = make_activity(kind)
    for seed in range(photos):
        add_photo(app, activity, 40 + seed, caption=f"Keterangan foto {seed + 1}")
    release = service.create_draft(db.session, activity, user("writer"))[0]
    release.body += "\n\nParagraf dengan **tebal** dan *miring*."
    return release, FileStorage(app.config["MEDIA_ROOT"])


def test_docx_reads_back_in_order_and_in_word_styles(app, ctx):
    release, storage = exported(app)
    data = release_exports.export_docx(release, storage, office="Bagian Humas Setda Kota Bekasi")
    document = Document(io.BytesIO(data))
    items = []
    for paragraph in document.paragraphs:
        if paragraph._p.xpath(".//pic:pic"):
            items.append(("picture", ""))
        else:
            items.append((paragraph.style.name, paragraph.text))
    paragraphs = release.body.split("\n\n")
    expected = [("Title", release.title), ("Normal", f"{release.dateline} {paragraphs[0]}")]
    for text in paragraphs[1:]:
        shown = text.replace("**", "").replace("*", "")
        expected.append(("Quote" if text.startswith('"') else "Normal", shown))
    expected += [("Normal", release.signature), ("Heading 2", "Foto")]
    for photo in release.photos:
        expected += [("picture", ""), ("Caption", f"{photo.caption} (Foto: Dok. Humas Pemkot Bekasi)")]
    assert items == expected
    formatted = document.paragraphs[len(paragraphs)]
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in formatted.runs][1:4] == [
        ("tebal", True, False), (" dan ", False, False), ("miring", False, True)]
    header = document.sections[0].header
    header_text = " ".join(p.text for t in header.tables for row in t.rows for c in row.cells for p in c.paragraphs)
    assert "Bagian Humas Setda Kota Bekasi" in header_text and "{office}" not in header_text
    assert header.tables[0].rows[0].cells[0].paragraphs[0]._p.xpath(".//pic:pic")


def test_docx_converts_to_pdf_with_libreoffice(app, ctx, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: install Debian's libreoffice-writer-nogui (make test does)"
    release, storage = exported(app, photos=2)
    source = tmp_path / "siaran.docx"
    source.write_bytes(release_exports.export_docx(release, storage, office="Humas"))
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "siaran.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_media_kit_holds_the_docx_the_web_renditions_and_captions(app, ctx):
    release, storage = exported(app, photos=3)
    archive = zipfile.ZipFile(io.BytesIO(release_exports.export_kit(release, storage, office="Humas")))
    names = archive.namelist()
    assert names[0] == f"{release.slug}.docx"
    photos = [n for n in names if n.startswith("foto/")]
    assert photos == [f"foto/{release.slug}-{n:02d}.jpg" for n in (1, 2, 3)]
    for name, item in zip(photos, sorted(release.photos, key=lambda p: p.position)):
        with storage.open_rendition(item.media.sha256, "web") as handle:
            assert archive.read(name) == handle.read()
    captions = archive.read("captions.txt").decode("utf-8").splitlines()
    assert captions[0] == release.title
    first = sorted(release.photos, key=lambda p: p.position)[0]
    assert first.caption.startswith("Keterangan foto ")
    assert captions[2] == f"{release.slug}-01.jpg\t{first.caption}\tFoto: Dok. Humas Pemkot Bekasi"
    Document(io.BytesIO(archive.read(names[0])))  # the DOCX inside opens

"""Problems as codes with parameters, and the one table of what each code says.

A problem is a plain dict ``{"code": "gps_out_of_range", "field": "GPSLatitude",
"value": "91.50000"}``: the photo stages write them, media rows store them
(``Media.exif_problems``, ``Media.problems``) and the integrity checks carry them in
their findings (``press.services.findings``). Nothing below the web layer and the CLI
holds a sentence: they render a problem in the reader's language with
:func:`text`, passing their ``gettext`` (Flask-Babel's), so this module needs no Flask.

``MESSAGES`` maps each code to its Indonesian msgid (marked with ``N_`` for the
catalogue; English is the translation). A message may leave parameters out (the
finding of a missing original names the key, the photo page does not).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

from press.errors import N_

MESSAGES = {
    # Why a file was refused (``press.photos.errors.Rejected``); stored on the row of a photo
    # whose original passed the upload's checks and whose pixels then could not be rendered.
    "empty_file": N_("Berkas kosong."),
    "too_large": N_("Berkas melebihi batas ukuran unggahan (%(mb)s MB)."),
    "unsupported_type": N_("Jenis berkas ini bukan foto yang didukung (JPEG, PNG, WebP, TIFF, GIF, HEIC/HEIF, AVIF)."),
    "decompression_bomb": N_("Gambar mengaku memiliki piksel melebihi batas dan ditolak sebagai bom dekompresi."),
    "corrupt_image": N_("Data gambar rusak dan tidak dapat dibaca."),
    # What the EXIF, XMP and GPS readers could not read (``Media.exif_problems``).
    "exif_unreadable": N_("Blok EXIF tidak dapat dibaca oleh %(reader)s (%(error)s); pembaca lain dipakai."),
    "exif_warning": N_("Peringatan saat membaca EXIF: %(message)s"),
    "xmp_invalid": N_("Paket XMP bukan XML yang sah (%(error)s)."),
    "xmp_gps_form": N_("%(field)s di XMP tidak berbentuk seperti seharusnya: %(value)s."),
    "gps_as_text": N_("%(field)s GPS tersimpan sebagai teks; dibaca sebagai angka."),
    "gps_unreadable": N_("%(field)s GPS tidak dapat dibaca (%(error)s)."),
    "gps_out_of_range": N_("%(field)s GPS di luar jangkauan (%(value)s); diabaikan."),
    "exif_not_number": N_("%(field)s di EXIF bukan angka: %(value)s."),
    "taken_at_unreadable": N_("Waktu pemotretan tidak dapat dibaca: %(value)s."),
    "taken_at_invalid": N_("Waktu pemotretan bukan tanggal yang ada: %(value)s."),
    "orientation_invalid": N_("Orientasi EXIF %(value)s tidak sah; foto dianggap tegak (1)."),
    # What making the previews met (``Media.problems``).
    "colour_profile_unusable": N_("Profil warna di dalam foto tidak dapat dipakai (%(error)s); "
                                  "warna dikonversi tanpa profil itu."),
    "pixels_damaged": N_("Data gambar rusak atau terpotong, jadi pratinjau tidak dapat dibuat (%(error)s)."),
    # An original as the integrity checks find it (stored on the row by ``flask doctor --repair``).
    "original_missing": N_("Berkas asli tidak ada di penyimpanan; unggah foto ini lagi."),
    "original_damaged": N_("Berkas asli di penyimpanan rusak; unggah foto ini lagi."),
    "processing_stuck": N_("Masih \u201cdiproses\u201d sejak %(minutes)s menit lalu; pekerja latar belakang "
                           "(`flask worker`) mungkin tidak berjalan."),
    "marked_but_whole": N_("Ditandai \u201c%(status)s\u201d padahal berkas aslinya ada dan utuh."),
    # Renditions, the store, temporary files.
    "rendition_unsafe_path": N_("Pratinjau \u201c%(variant)s\u201d memiliki jalur yang tidak aman: %(path)s."),
    "rendition_file_missing": N_("Berkas pratinjau \u201c%(variant)s\u201d tidak ada."),
    "rendition_hash_mismatch": N_("Berkas pratinjau \u201c%(variant)s\u201d tidak cocok dengan hash yang dicatat."),
    "rendition_missing": N_("Pratinjau \u201c%(variant)s\u201d belum dibuat."),
    "crop_source_missing": N_("Sumber potongan \u201c%(name)s\u201d tidak ada di penyimpanan."),
    "crop_source_hash_mismatch": N_("Sumber potongan \u201c%(name)s\u201d tidak cocok dengan hash yang dicatat."),
    "crop_too_small": N_("Potongan \u201c%(crop)s\u201d perlu %(width)s\u00d7%(height)s piksel, tetapi bagian foto "
                         "yang sebanding hanya %(have_width)s\u00d7%(have_height)s piksel; foto tidak diperbesar."),
    "orphan_original": N_("Berkas asli yang tidak dimiliki foto mana pun."),
    "orphan_renditions": N_("Pratinjau yang berkas aslinya sudah tidak ada."),
    "stray_file": N_("Berkas tak dikenal %(path)s (bukan blob; dibiarkan untuk Anda periksa)."),
    "temp_files": N_("%(count)s berkas sementara tertinggal di penyimpanan (%(old)s lebih tua dari %(grace)s detik)."),
    # The database and the search index.
    "not_at_head": N_("Basis data ada di revisi %(current)s, kode mengharapkan %(heads)s; "
                      "jalankan `flask db upgrade` (atau `flask setup`)."),
    "media_table_missing": N_("Tabel media tidak ada."),
    "secret_key_missing": N_("PRESS_SECRET_KEY tidak diisi; setiap node harus memakai kunci yang sama."),
    "secret_key_short": N_("PRESS_SECRET_KEY hanya %(length)s karakter; perlu paling sedikit %(minimum)s."),
    "secret_key_generated": N_("Kunci rahasia dibuat di folder instance node ini; isi PRESS_SECRET_KEY, "
                               "sama di setiap node."),
    "store_unopenable": N_("Penyimpanan media tidak dapat dibuka: %(error)s"),
    "index_queued": N_("%(count)s perubahan menunggu diindeks."),
    "index_unreadable": N_("Indeks pencarian tidak dapat dibaca (%(error)s)."),
    "index_drift": N_("Indeks pencarian berbeda dari basis data: %(missing_staff)s hilang dan %(extra_staff)s "
                      "berlebih di indeks staf, %(missing_public)s hilang dan %(extra_public)s berlebih di "
                      "indeks publik (%(keys)s)."),
    # What a repair did.
    "marked": N_("baris ditandai \u201c%(status)s\u201d (baris tetap disimpan)"),
    "already_marked": N_("baris sudah ditandai \u201c%(status)s\u201d (baris tetap disimpan)"),
    "status_restored": N_("status dikembalikan ke \u201c%(status)s\u201d"),
    "requeued": N_("dimasukkan lagi ke antrean pemrosesan"),
    "renditions_rebuilt": N_("%(variants)s dibuat ulang dari berkas asli"),
    "rebuild_failed": N_("pratinjau tidak dapat dibuat ulang: %(error)s"),
    "crop_sources_requeued": N_("sumber potongan dilepas; antrean membuat potongan dan sumbernya lagi dari berkas asli"),
    "kept_young": N_("disimpan: lebih muda dari %(grace)s detik (mungkin unggahan yang belum selesai)"),
    "deleted": N_("dihapus"),
    "delete_failed": N_("tidak dapat dihapus: %(error)s"),
    "temp_removed": N_("%(removed)s dihapus, %(kept)s yang lebih muda disimpan (unggahan yang sedang berjalan)"),
    "queue_drained": N_("%(rows)s baris diindeks"),
    "queue_drained_partly": N_("%(rows)s baris diindeks, %(remaining)s tersisa (indeks sedang sibuk)"),
    "index_rewritten": N_("%(count)s dokumen ditulis ulang dari basis data"),
    "index_rebuilt": N_("kedua indeks dibangun ulang dari basis data (%(count)s dokumen)"),
    "index_rebuild_failed": N_("pembangunan ulang gagal: %(error)s"),
    # Why a photo may not be public (``public.publish_refusal``: the one sentence the photo
    # page, a bulk edit, a release attachment and the command line show) or why a bulk edit
    # of photos left one photo as it was (``press.services.bulk_edit``).
    "licence_internal": N_("Berlisensi \u201c%(licence)s\u201d: foto ini hanya untuk internal dan tidak dapat "
                           "dipublikasikan."),
    "no_preview": N_("Foto tanpa pratinjau tidak dapat dipublikasikan."),
    "consent_missing": N_("Foto subjek sensitif ini belum punya persetujuan yang berlaku dan tidak dapat dipublikasikan: "
                          "catat persetujuan tertulis lebih dulu."),
    "consent_expired": N_("Persetujuan untuk foto subjek sensitif ini sudah berakhir; foto tidak dapat dipublikasikan "
                          "sampai persetujuan baru dicatat."),
    "consent_withdrawn": N_("Persetujuan untuk foto subjek sensitif ini ditarik; foto tidak dapat dipublikasikan "
                            "sampai persetujuan baru dicatat."),
    "not_found": N_("Foto %(id)s tidak ada."),
    "not_permitted": N_("Peran Anda tidak boleh mengubah foto ini."),
    "shown_by_release": N_("Foto ini tampil di siaran yang sudah terbit (%(titles)s): ubah lewat halaman fotonya, "
                           "sebagai koreksi siaran itu."),
    "edited_since": N_("Diubah lagi sejak suntingan massal ini; dibiarkan seperti sekarang."),
    # A sentence stored before problems had codes that the migration did not recognise.
    "legacy": N_("%(text)s"),
}


def problem(code: str, **params) -> dict:
    """A problem to store or report; an unknown code is a programming error."""
    if code not in MESSAGES:
        raise KeyError(f"unknown problem code {code!r} (add it to press.problems.MESSAGES)")
    return {"code": code, **params}


def params_of(found: Mapping) -> dict:
    return {key: value for key, value in found.items() if key != "code"}


def text(found: Mapping, gettext: Callable[..., str]) -> str:
    """``found`` in the language ``gettext`` translates to; a parameter the message
    needs and the problem lacks is shown as ``?`` rather than failing the page."""
    msgid = MESSAGES.get(found.get("code"))
    if msgid is None:
        return str(found.get("code") or "?")
    return gettext(msgid) % _Lenient(params_of(found))


class _Lenient(dict):
    def __missing__(self, key):
        return "?"

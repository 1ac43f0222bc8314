"""A release as WhatsApp text: the release's own marks as WhatsApp's, cut where a reader
can stop, and plain text to paste anywhere."""
from __future__ import annotations

from urllib.parse import unquote

from press.drafting.whatsapp import MIN_LIMIT, ReleaseText, plain_text, whatsapp_text

LINK = "https://humas.example.go.id/siaran/taman-kota"
BODY = (
    "Wali Kota meresmikan **Taman Kota Harapan** pada Senin pagi. Acara *dihadiri* ratusan warga.\n"
    "\n"
    "Taman seluas dua hektare itu dibangun dalam delapan bulan. Anggarannya berasal dari APBD. "
    "Warga boleh memakainya setiap hari.\n"
    "Kepala Dinas menyebut taman ini **ruang terbuka hijau ke-12** di kota."
)


def release(body: str = BODY, **changes) -> ReleaseText:
    values = dict(title="Wali Kota Resmikan Taman Kota Harapan", dateline="BEKASI –", body=body,
                  signature="(hms)", link=LINK, credit="Bagian Humas")
    values.update(changes)
    return ReleaseText(**values)


def test_marks_become_whatsapp_bold_and_italic_with_dateline_link_and_credit():
    text = whatsapp_text(release(), limit=2000)
    assert not text.cut
    assert text.text == (
        "*Wali Kota Resmikan Taman Kota Harapan*\n\n"
        "*BEKASI –* Wali Kota meresmikan *Taman Kota Harapan* pada Senin pagi. Acara _dihadiri_ ratusan warga.\n\n"
        "Taman seluas dua hektare itu dibangun dalam delapan bulan. Anggarannya berasal dari APBD. "
        "Warga boleh memakainya setiap hari.\n\n"
        "Kepala Dinas menyebut taman ini *ruang terbuka hijau ke-12* di kota. (hms)\n\n"
        f"{LINK}\nSumber: Bagian Humas"
    )


def test_a_long_release_is_cut_at_a_sentence_with_the_link_to_read_on():
    text = whatsapp_text(release(), limit=330)
    assert text.cut
    assert len(text.text) <= 330
    assert text.text.endswith(f"… selengkapnya: {LINK}\nSumber: Bagian Humas")
    body = text.text.split("\n\n")[1:-1]
    assert body[0].startswith("*BEKASI –* Wali Kota meresmikan *Taman Kota Harapan*")
    # the second paragraph stops after a whole sentence, never inside one
    assert body[-1] == "Taman seluas dua hektare itu dibangun dalam delapan bulan. Anggarannya berasal dari APBD."


def test_a_cut_never_splits_a_word_or_leaves_a_mark_open():
    long_bold = "**" + " ".join(["kalimat panjang tanpa titik"] * 40) + "** lalu selesai."
    for limit in range(MIN_LIMIT, 700, 37):
        text = whatsapp_text(release(long_bold, dateline=None, signature=None), limit=limit)
        assert text.cut and len(text.text) <= limit
        body = text.text.split("\n\n")[1]
        assert body.count("*") % 2 == 0, body
        assert body.rstrip("*").endswith(("panjang", "tanpa", "titik", "kalimat")), body


def test_the_share_link_carries_the_whole_text_url_encoded():
    text = whatsapp_text(release(body="Ada & tanda ? dan # di sini."), limit=2000)
    assert text.share_url.startswith("https://wa.me/?text=")
    encoded = text.share_url.split("=", 1)[1]
    assert "&" not in encoded and "#" not in encoded and " " not in encoded and "\n" not in encoded
    assert unquote(encoded) == text.text


def test_plain_text_has_no_marks_and_keeps_dateline_signature_link_and_credit():
    assert plain_text(release()).splitlines() == [
        "Wali Kota Resmikan Taman Kota Harapan", "",
        "BEKASI – Wali Kota meresmikan Taman Kota Harapan pada Senin pagi. Acara dihadiri ratusan warga.", "",
        "Taman seluas dua hektare itu dibangun dalam delapan bulan. Anggarannya berasal dari APBD. "
        "Warga boleh memakainya setiap hari.", "",
        "Kepala Dinas menyebut taman ini ruang terbuka hijau ke-12 di kota. (hms)", "",
        LINK, "Sumber: Bagian Humas",
    ]

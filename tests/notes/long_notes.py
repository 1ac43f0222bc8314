"""Long notes of the shapes that once made extraction grow faster than the text: a
phrase repeated ("Wali Kota Bekasi Ahmad, " …), one paragraph without full stops,
thousands of quote marks, titles, dates, names, places and organisations, and realistic
text (the corpus notes one after another). Used by tests/notes/test_notes_long.py and
bench/extract.py."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
SYLLABLES = ["ba", "di", "ku", "ra", "sa", "to", "mi", "ne", "lo", "pu", "ge", "ha", "ja", "wi", "yo", "ze"]


def realistic_text() -> str:
    """The UTF-8 corpus notes, one after another."""
    texts = []
    for path in sorted(CORPUS.glob("*.txt")):
        try:
            texts.append(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return "\n".join(texts)


def name(i: int) -> str:
    """A made-up capitalised name, different for every i."""
    out = ""
    while True:
        out += SYLLABLES[i % len(SYLLABLES)]
        i //= len(SYLLABLES)
        if not i:
            return out.capitalize() + "n"


def repeated(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def numbered(make, size: int) -> str:
    """make(0) + make(1) + … cut at `size` characters."""
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(make(i))
        total += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


def _real(size: int) -> str:
    return repeated(realistic_text(), size)


def _one_paragraph(size: int) -> str:
    return repeated(realistic_text().replace("\n", " ").replace(". ", ", "), size)


SHAPES = {
    "wali-kota": lambda n: repeated("Wali Kota Bekasi Ahmad, ", n),
    "realistic": _real,
    "one-paragraph": _one_paragraph,
    "quote-marks": lambda n: repeated('"', n),
    "short-quotes": lambda n: repeated('"Ahmad" kata Bupati, ', n),
    "titles": lambda n: repeated("Kepala Bagian Humas ", n),
    "bare-titles": lambda n: repeated("Bupati ", n),
    "dates": lambda n: repeated("Kamis (30/9/2021) ", n),
    "long-line": lambda n: "a" * n,
    "menurut": lambda n: repeated("Menurut Ahmad Yani, kegiatan ini baik. ", n),
    "reported": lambda n: repeated("Ahmad menjelaskan bahwa ini baik sekali untuk warga. ", n),
    "organisations": lambda n: numbered(lambda i: f"Dinas {name(i)} {name(i + 1)} dan Dinas {name(i)} ", n),
    "people": lambda n: numbered(lambda i: f"Camat {name(i)} {name(i + 7)}, ", n),
    "quoted-people": lambda n: numbered(
        lambda i: f'Camat {name(i)} {name(i + 7)} hadir. "Ini kutipan yang cukup panjang," ujarnya. ', n),
    "title-speakers": lambda n: numbered(
        lambda i: f'Kepala Dinas {name(i)} {name(i + 3)} hadir. "Ini kutipan yang cukup panjang," kata Kepala Dinas. ',
        n),
    "villages": lambda n: numbered(
        lambda i: f"Desa {name(i)} {name(i + 5)}, Kecamatan {name(i + 9)} dan Desa {name(i)} {name(i + 5)} ", n),
    "shared-first-name": lambda n: numbered(lambda i: f"Camat Ahmad {name(i)} dan Ahmad ", n),
    "shared-surname": lambda n: "Gubernur Yohanes Rumbewas didampingi Ny. Maria Rumbewas meninjau posyandu. " + repeated(
        "Rumbewas menambahkan. ", n),
    "quotes-in-a-paragraph": lambda n: numbered(
        lambda i: f'Menurut {name(i)}, "kutipan yang cukup panjang sekali" dan {name(i)} mengatakan bahwa ini baik '
                  f'sekali untuk warga, "lagi kutipan yang panjang," tuturnya, ', n),
    "hyphenated-names": lambda n: numbered(lambda i: f"Camat Al-{name(i)} hadir, Al-{name(i)} ", n),
    "listed-names": lambda n: numbered(lambda i: f"oleh {name(i)}, Mbah {name(i + 3)}, {name(i + 5)} dan {name(i + 9)}. ", n),
    "one-long-list": lambda n: "Diterima oleh Mbah Karto, " + repeated("Paiman, ", n) + "dan Daryono.",
    "degrees": lambda n: numbered(lambda i: f"diketuai {name(i)} {name(i + 2)}, S.Sos. ", n),
    "former-posts": lambda n: numbered(lambda i: f"Kemudian {name(i)} {name(i + 4)} dari Camat {name(i + 1)}. ", n),
    "closing-credits": lambda n: repeated("Foto bersama. /Ahmad Fauzan/\n", n) + "(Kandar)",
}

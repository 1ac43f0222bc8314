"""What each example of the URL-map fuzz (``test_url_map_fuzz.py``) draws: hostile values,
hostile headers and cookies, and the request of one case of the URL map, its path, query,
form and upload filled from the demo's real values or from these."""
from __future__ import annotations

import functools
import io
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from hypothesis import strategies as st

if TYPE_CHECKING:
    from tests.badinput.url_map_cases import Case

HUGE = "99999999999999999999"

HOSTILE = [
    "", " ", "0", "-1", "-0", "1", "+1", "01", HUGE, str(2**63), str(2**63 - 1), "-" + HUGE, "1e309", "NaN", "inf",
    "0x1F", "1.5", "²", "١٢", "Ⅻ", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "..\\..\\windows\\win.ini", "%00",
    "\x00", "a\x00b", "%ZZ", "%ED%A0%80", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
    "{{ 7 * 7 }}", "{% for x in range(9) %}", "' OR 1=1 --", "\"", "\\", "9999-12-31", "0001-01-01", "2021-02-30",
    "10000-01", "0-01", "9999-12-31T23:59", "0001-01-01T00:00", "tanggal:9999-12-31", "tanggal:0001-01-01..",
    "tanggal:..9999-12-31", "/\n/evil.example", "//evil.example", "javascript:alert(1)", "\r\nSet-Cookie: x=1",
    "\u202egpj.exe", "\u200b\u200b", "x" * 5000, "é" * 3000, "🙂" * 200, "kunjungan", "AND OR NOT (", "*",
]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUE = st.one_of(st.sampled_from(HOSTILE), TEXT, st.integers().map(str))

# Header values: what a WSGI server can hand over (Latin-1, no line breaks).
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"),
                      max_size=60)
HEADER_GARBAGE = {
    "If-Modified-Since": ["Mon, 99 Foo 99999 99:99:99 GMT", "0", "-1", "9" * 40, "Thu, 01 Jan 0001 00:00:00 GMT",
                          "Fri, 31 Dec 9999 23:59:59 GMT", "Sat, 01 Jan 10000 00:00:00 GMT"],
    "If-None-Match": ['"x"', "*", "W/", '"' * 30],
    "Range": ["bytes=0-", "bytes=-1", f"bytes={HUGE}-", "bytes=5-1", "bytes=0-1,2-3,4-5", "pages=1-2", "bytes="],
    "Accept-Language": ["*;q=NaN", "id;q=-5", "x" * 2000, "en-US,en;q=0.9", "zz-ZZ", ";;;,,,"],
    "X-Forwarded-For": ["not-an-ip", "999.999.999.999", ", , ,", "127.0.0.1, " * 50, "::ffff:1.2.3.4"],
    "X-Forwarded-Proto": ["gopher", "https, http"],
    "X-Forwarded-Host": ["evil.example", "a" * 300],
    "Accept": ["application/xml", "*/*;q=oops", "application/json"],
}


@functools.cache
def _header_values(names: tuple[str, ...]):
    """A value for each header of ``names``, in that order: the strategy made once per choice of
    headers (made anew for each draw, it was two fifths of the time spent drawing)."""
    return st.fixed_dictionaries({name: st.one_of(st.sampled_from(HEADER_GARBAGE[name]), HEADER_TEXT) for name in names})


HEADERS = st.dictionaries(
    keys=st.sampled_from(sorted(HEADER_GARBAGE)),
    values=st.just(None), max_size=4,
).flatmap(lambda keys: _header_values(tuple(keys)))
COOKIE = st.one_of(st.none(), st.sampled_from(["x" * 4000, "é" * 1000, "%00;;==", "a" * 9000]))


# -- the requests -------------------------------------------------------------------------

def _value_for(name: str, real: dict[str, list[str]]):
    return _one_of_known(tuple(real.get(name) or ()))


# Strategies made from lists are built once per list: Hypothesis caches none made from a
# list, and building and validating them anew took a tenth of each draw (the draws are the same).
@functools.cache
def _one_of_known(known: tuple[str, ...]):
    return st.one_of(st.sampled_from(known), VALUE) if known else VALUE


@functools.cache
def _names(own: tuple[str, ...], every: tuple[str, ...], text: bool, max_size: int):
    """Distinct names from ``own`` or ``every`` (and free text when ``text``)."""
    name = st.one_of(st.sampled_from(own), st.sampled_from(every)) if own else st.sampled_from(every)
    return st.lists(st.one_of(name, TEXT) if text else name, max_size=max_size, unique=True)


def _segment(value: str, converter: str) -> str:
    return quote(value, safe="/" if converter == "PathConverter" else "")


# Ten examples must reach the values that broke things before: an example draws one of
# these themes and puts it in every path value and in some of the query and form values
# (over the five roles a rule gets each theme several times); None draws each freely.
THEMES = [None, HUGE, str(2**63), "0", "-1", "²", "\x00", "../../etc/passwd", "9999-12-31", "x" * 5000]
# The strategies every example draws from, made once (made in the draw, each was built and
# validated again for every example): the drawn requests are the same.
THEME = st.sampled_from(THEMES)
COIN = st.booleans()
TENTH = st.integers(0, 9)
BROKEN_QUERY = st.sampled_from(["%ZZ=1", "page=%ED%A0%80", "q=%FF%FE", "&&&==&", "next=%0d%0a", "a=" + "b" * 5000])
UPLOAD = st.sampled_from([b"", b"\x00" * 64, b"GIF89a\xff\xff\xff\xff", "teks biasa".encode(),
                          b"\xff\xd8\xff" + b"\x00" * 100, b"PK\x03\x04" + b"\x00" * 30])
UPLOAD_NAME = st.sampled_from(["../../etc/passwd.jpg", "a.txt", "\u202egpj.exe", "x" * 300 + ".docx", "catatan.md",
                               "kosong"])
_made: dict[tuple, tuple] = {}


def requests(case: Case, real: dict[str, list[str]]):
    """The strategy of one case's requests, made once per case and set of real values."""
    key = (case.rule, case.method, case.endpoint, id(real))
    if key not in _made:
        _made[key] = (_requests(case, real), real)  # the values kept alive with the id they are found by
    return _made[key][0]


@st.composite
def _requests(draw, case: Case, real: dict[str, list[str]]) -> dict:
    theme = draw(THEME)

    def value(name: str, always: bool = False) -> str:
        if theme is not None and (always or draw(COIN)):
            return theme
        return draw(_value_for(name, real))

    values = {name: value(name, always=True) for name, _ in case.converters}
    kinds = dict(case.converters)
    path = re.sub(r"<(?:[^<>]*:)?(\w+)>", lambda m: _segment(values[m.group(1)], kinds[m.group(1)]), case.rule)
    arg_names = case.reads["own_args"] + case.reads["args"] or ["page"]
    if draw(TENTH) == 0:
        query = draw(BROKEN_QUERY)
    else:
        names = draw(_names((), tuple(arg_names), True, 4))
        query = {name: value(name) for name in names}
    form = None
    if case.method != "GET":
        names = _names(tuple(case.reads["own_form"]), tuple(case.reads["form"]), False, 8)
        form = {field: value(field) for field in draw(names)}
        for field in case.reads["files"]:
            if draw(COIN):
                form[field] = (io.BytesIO(draw(UPLOAD)), draw(UPLOAD_NAME))
    return {"method": case.method, "path": path, "query": query, "form": form,
            "headers": draw(HEADERS), "cookie": draw(COOKIE)}

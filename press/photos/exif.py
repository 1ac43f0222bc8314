"""Camera facts from a photo's metadata: when, with what, which way up, where.

Three sources, in order of trust, each filling only what the previous left empty:
exifread (the reference parser), Pillow's own EXIF reader (``getexif`` with the Exif
and GPS IFDs; it survives files exifread chokes on, such as some HEIC), and the XMP
packet (some editors keep DateTimeOriginal only there). Nothing in here raises for a
bad file: every failure becomes a problem in ``problems``, a code with parameters
(:mod:`press.problems`) that the pages render in the reader's language.
"""
from __future__ import annotations

import io
import logging
import re
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction

import exifread

from press.problems import problem

logging.getLogger("exifread").setLevel(logging.ERROR)

FIELDS = (
    "taken_at", "offset", "make", "model", "lens", "exposure_time", "f_number",
    "iso", "focal_length", "orientation", "gps_lat", "gps_lon",
)

_EXIFREAD_TAGS = {
    "make": ("Image Make", "EXIF Make"),
    "model": ("Image Model", "EXIF Model"),
    "taken_at": ("EXIF DateTimeOriginal",),
    "offset": ("EXIF OffsetTimeOriginal",),
    "lens": ("EXIF LensModel",),
    "exposure_time": ("EXIF ExposureTime",),
    "f_number": ("EXIF FNumber",),
    "iso": ("EXIF ISOSpeedRatings", "EXIF PhotographicSensitivity"),
    "focal_length": ("EXIF FocalLength",),
    "orientation": ("Image Orientation",),
}

_PIL_BASE = {"make": 0x010F, "model": 0x0110, "orientation": 0x0112}
_PIL_EXIF_IFD = {
    "make": 0x010F, "model": 0x0110, "taken_at": 0x9003, "offset": 0x9011,
    "lens": 0xA434, "exposure_time": 0x829A, "f_number": 0x829D, "iso": 0x8827,
    "focal_length": 0x920A,
}

_XMP_NAMES = {
    "taken_at": ("exif:DateTimeOriginal", "photoshop:DateCreated"),
    "make": ("tiff:Make",),
    "model": ("tiff:Model",),
    "lens": ("exifEX:LensModel", "aux:Lens"),
    "orientation": ("tiff:Orientation",),
    "gps_lat": ("exif:GPSLatitude",),
    "gps_lon": ("exif:GPSLongitude",),
}
_XMP_NS = {
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
}
_XMP_PACKET = re.compile(rb"<x:xmpmeta[\s>].*?</x:xmpmeta>", re.S)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class ExifFacts:
    """What the camera recorded. ``taken_at`` is naive local time as written;
    ``utc_offset_minutes`` is set only when the file says the offset."""

    taken_at: datetime | None = None
    utc_offset_minutes: int | None = None
    make: str | None = None
    model: str | None = None
    lens: str | None = None
    exposure_time: float | None = None
    f_number: float | None = None
    iso: int | None = None
    focal_length_mm: float | None = None
    orientation: int = 1
    gps_lat: float | None = None
    gps_lon: float | None = None


@dataclass(frozen=True)
class ExifResult:
    facts: ExifFacts
    problems: tuple[dict, ...] = field(default=())


def read_exif(data: bytes, image=None) -> ExifResult:
    """Facts from the bytes of a photo; ``image`` is an already opened Pillow image
    of the same bytes (used for the fallbacks), or None to skip Pillow."""
    problems: list[dict] = []
    raw: dict = {}
    _fill(raw, _from_exifread(data, problems))
    if image is not None and _missing(raw):
        _fill(raw, _from_pillow(image, problems))
    if _missing(raw):
        _fill(raw, _from_xmp(_xmp_packet(data, image), problems))
    facts = _normalise(raw, problems)
    return ExifResult(facts, _distinct(problems))


def _distinct(problems: list[dict]) -> tuple[dict, ...]:
    """Each problem once (two readers may stumble on the same field), in order."""
    seen, kept = set(), []
    for found in problems:
        key = tuple(sorted(found.items()))
        if key not in seen:
            seen.add(key)
            kept.append(found)
    return tuple(kept)


def _shown(value) -> str:
    """A raw value as a problem shows it: its repr, cut to 200 characters."""
    text = repr(value)
    return text if len(text) <= 200 else text[:199] + "…"


def _missing(raw: dict) -> bool:
    return any(raw.get(name) is None for name in FIELDS)


def _fill(raw: dict, found: dict) -> None:
    for name, value in found.items():
        if raw.get(name) is None and value is not None:
            raw[name] = value


# -- source 1: exifread -------------------------------------------------------------


def _from_exifread(data: bytes, problems: list[dict]) -> dict:
    try:
        tags = exifread.process_file(io.BytesIO(data), details=False, extract_thumbnail=False)
    except Exception as exc:  # exifread raises anything on odd files
        problems.append(problem("exif_unreadable", reader="exifread", error=type(exc).__name__))
        return {}
    found = {}
    for name, keys in _EXIFREAD_TAGS.items():
        for key in keys:
            if key in tags:
                found[name] = _exifread_value(tags[key])
                break
    found["gps_lat"] = _exifread_coord(tags, "GPSLatitude", problems)
    found["gps_lon"] = _exifread_coord(tags, "GPSLongitude", problems)
    return found


def _exifread_value(tag):
    values = getattr(tag, "values", tag)
    if isinstance(values, list):
        return values[0] if len(values) == 1 else (values or None)
    return values


def _exifread_coord(tags: dict, name: str, problems: list[dict]):
    value, ref = tags.get(f"GPS {name}"), tags.get(f"GPS {name}Ref")
    if value is None:
        return None
    return _coord(getattr(value, "values", value), _exifread_value(ref) if ref else None, name, problems)


# -- source 2: Pillow ---------------------------------------------------------------


def _from_pillow(image, problems: list[dict]) -> dict:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            exif = image.getexif()
            base = {name: exif.get(tag) for name, tag in _PIL_BASE.items()}
            sub = exif.get_ifd(0x8769)
            gps = exif.get_ifd(0x8825)
    except Exception as exc:
        problems.append(problem("exif_unreadable", reader="Pillow", error=type(exc).__name__))
        return {}
    problems.extend(problem("exif_warning", message=str(w.message).strip()) for w in caught)
    found = {name: sub.get(tag) for name, tag in _PIL_EXIF_IFD.items()}
    _fill(found, base)
    if gps:
        found["gps_lat"] = _coord(gps.get(2), gps.get(1), "GPSLatitude", problems)
        found["gps_lon"] = _coord(gps.get(4), gps.get(3), "GPSLongitude", problems)
    return found


# -- source 3: XMP ------------------------------------------------------------------


def _xmp_packet(data: bytes, image) -> bytes | None:
    info = getattr(image, "info", None) or {}
    packet = info.get("xmp") or info.get("XML:com.adobe.xmp")
    if packet:
        return packet.encode() if isinstance(packet, str) else packet
    match = _XMP_PACKET.search(data[: 4 * 1024 * 1024])
    return match.group(0) if match else None


def _from_xmp(packet: bytes | None, problems: list[dict]) -> dict:
    packet = (packet or b"").strip(b"\x00 \t\r\n")
    if not packet:
        return {}
    try:
        root = ET.fromstring(packet)
    except ET.ParseError as exc:
        problems.append(problem("xmp_invalid", error=str(exc)))
        return {}
    values = _xmp_values(root)
    found = {}
    for name, candidates in _XMP_NAMES.items():
        found[name] = next((values[c] for c in candidates if c in values), None)
    for name, ref in (("gps_lat", "GPSLatitude"), ("gps_lon", "GPSLongitude")):
        if found[name] is not None:
            found[name] = _xmp_coord(found[name], ref, problems)
    return found


def _xmp_values(root) -> dict:
    """Every simple property as ``prefix:Name`` -> text, from attributes and elements."""
    values = {}
    for element in root.iter():
        for attr, text in element.attrib.items():
            _put_xmp(values, attr, text)
        if element.text and element.text.strip() and len(element) == 0:
            _put_xmp(values, element.tag, element.text.strip())
    return values


def _put_xmp(values: dict, qualified: str, text: str) -> None:
    if not qualified.startswith("{"):
        return
    namespace, local = qualified[1:].split("}", 1)
    prefix = _XMP_NS.get(namespace)
    if prefix:
        values.setdefault(f"{prefix}:{local}", text)


def _xmp_coord(text: str, name: str, problems: list[dict]):
    """XMP GPS is ``DDD,MM.mmk`` or ``DDD,MM,SSk`` with k one of N/S/E/W."""
    text = text.strip()
    if not text or text[-1].upper() not in "NSEW":
        problems.append(problem("xmp_gps_form", field=name, value=_shown(text)))
        return None
    return _coord(text[:-1], text[-1].upper(), name, problems)


# -- normalising --------------------------------------------------------------------


def _coord(value, ref, name: str, problems: list[dict]) -> float | None:
    """Signed decimal degrees from (degrees, minutes, seconds) in any of the shapes
    cameras write: rationals, floats, or (HTC) an ASCII string of numbers."""
    if value is None:
        return None
    try:
        if isinstance(value, bytes):
            value = value.decode("ascii", "replace")
        if isinstance(value, str):
            parts = [float(n) for n in _NUMBER.findall(value)][:3]
            if "," in value and parts:
                problems.append(problem("gps_as_text", field=name))
        else:
            parts = [_to_float(v) for v in (value if isinstance(value, (list, tuple)) else [value])]
        if not parts:
            return None
        parts += [0.0] * (3 - len(parts))
        degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        problems.append(problem("gps_unreadable", field=name, error=str(exc)))
        return None
    ref = _text(ref)
    if ref and ref.upper()[:1] in ("S", "W"):
        degrees = -degrees
    limit = 90 if name.endswith("Latitude") else 180
    if not -limit <= degrees <= limit:
        problems.append(problem("gps_out_of_range", field=name, value=f"{degrees:.5f}"))
        return None
    return degrees


def _to_float(value) -> float:
    if hasattr(value, "num") and hasattr(value, "den"):
        return value.num / value.den
    if isinstance(value, tuple) and len(value) == 2:
        return value[0] / value[1]
    return float(Fraction(value) if isinstance(value, str) else value)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value).replace("\x00", "").strip()
    return text or None


def _number(value, name: str, problems: list[dict]) -> float | None:
    if value is None:
        return None
    try:
        number = _to_float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        problems.append(problem("exif_not_number", field=name, value=_shown(value)))
        return None
    return number if number == number and number >= 0 else None


def _parse_datetime(value, problems: list[dict]) -> tuple[datetime | None, int | None]:
    """``2019:03:26 19:33:47`` or ISO ``2010-07-11T13:53:00+02:00`` -> (naive, offset)."""
    text = _text(value)
    if not text:
        return None, None
    match = re.match(r"(\d{4})[:-](\d\d)[:-](\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?$", text)
    if not match:
        problems.append(problem("taken_at_unreadable", value=_shown(text)))
        return None, None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        taken = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        problems.append(problem("taken_at_invalid", value=_shown(text)))
        return None, None
    return taken, _offset_minutes(zone)


def _offset_minutes(zone) -> int | None:
    text = _text(zone)
    if not text:
        return None
    if text == "Z":
        return 0
    match = re.match(r"([+-])(\d\d):?(\d\d)$", text)
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    minutes = int(match.group(2)) * 60 + int(match.group(3))
    return sign * minutes if minutes <= 14 * 60 else None


def _orientation(value, problems: list[dict]) -> int:
    """1..8 as stored; absent means 1, and 0 or garbage is 1 with a problem noted."""
    if value is None:
        return 1
    try:
        number = int(_text(value) if isinstance(value, (str, bytes)) else value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 8:
        problems.append(problem("orientation_invalid", value=_shown(value)))
        return 1
    return number


def _normalise(raw: dict, problems: list[dict]) -> ExifFacts:
    taken_at, zone = _parse_datetime(raw.get("taken_at"), problems)
    offset = _offset_minutes(raw.get("offset"))
    iso = _number(raw.get("iso"), "ISO", problems)
    return ExifFacts(
        taken_at=taken_at,
        utc_offset_minutes=offset if offset is not None else zone,
        make=_text(raw.get("make")),
        model=_text(raw.get("model")),
        lens=_text(raw.get("lens")),
        exposure_time=_number(raw.get("exposure_time"), "ExposureTime", problems),
        f_number=_number(raw.get("f_number"), "FNumber", problems),
        iso=int(iso) if iso else None,
        focal_length_mm=_number(raw.get("focal_length"), "FocalLength", problems),
        orientation=_orientation(raw.get("orientation"), problems),
        gps_lat=raw.get("gps_lat"),
        gps_lon=raw.get("gps_lon"),
    )


def utc_time(facts: ExifFacts) -> datetime | None:
    """``taken_at`` converted to naive UTC, when the offset is known."""
    if facts.taken_at is None or facts.utc_offset_minutes is None:
        return None
    return facts.taken_at - timedelta(minutes=facts.utc_offset_minutes)

"""Rendering a release template (sandboxed Jinja) into a :class:`Draft`.

A template is Jinja source with blocks: ``headline``, ``lead`` and ``body`` (required),
``dateline`` and ``signature`` (optional: the context's ``dateline`` and ``signature``
otherwise). Paragraphs of ``body`` are separated by a blank line; whitespace inside a
paragraph is collapsed, so templates may be laid out freely. The shared pieces are
functions every template gets (``turut_hadir``, ``quote_paragraphs``; filters ``daftar``,
``mentions``, ``kutip``: see ``context.py``); ``{% import %}`` finds files in
``templates/releases/``.

The environment is a :class:`jinja2.sandbox.SandboxedEnvironment` (an admin's template
cannot reach Python internals) whose undefined is strict for everything except printing,
testing and iterating: printing a value the activity lacks records the field as missing
and writes a visible placeholder ``[topik kegiatan]`` (never invented text); ``{% if x %}``
on it is false and a loop over it is empty; any other use (arithmetic, calls) is an error.
A template error (syntax or runtime) becomes :class:`TemplateProblem` with the line and
the reason, never a broken draft; so does a template that recurses without end (a macro
calling itself, an ``{% include %}`` or ``{% extends %}`` of itself) or nests deeper than
Python can compile, which would otherwise exhaust the stack.
"""
from __future__ import annotations

import contextvars
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from press.errors import N_
from press.notes.glossary import load_glossary

from .context import DraftContext, field_label

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates" / "releases"
REQUIRED_BLOCKS = ("headline", "lead", "body")
OPTIONAL_BLOCKS = ("dateline", "signature")
TEMPLATE_NAME = "<templat>"
TOO_DEEP = N_("Templat memanggil dirinya sendiri tanpa henti atau bersarang terlalu dalam "
              "(makro, include atau extends yang berulang). Hapus pemanggilan berulang itu.")

_missing: contextvars.ContextVar[list | None] = contextvars.ContextVar("missing_fields", default=None)


class Fields(dict):
    """A dict that knows its dotted path, so a missing key is reported as ``host.title``."""

    path: str = ""


def _wrap(value, path: str):
    if isinstance(value, dict):
        wrapped = Fields({k: _wrap(v, f"{path}.{k}" if path else k) for k, v in value.items()})
        wrapped.path = path
        return wrapped
    if isinstance(value, list):
        return [_wrap(v, path) for v in value]
    return value


class TrackingUndefined(StrictUndefined):
    """Strict, except that printing records the missing field and shows a placeholder."""

    __slots__ = ()

    @property
    def field_name(self) -> str:
        owner = self._undefined_obj
        name = self._undefined_name or "?"
        if isinstance(owner, Fields) and owner.path:
            return f"{owner.path}.{name}"
        if isinstance(owner, TrackingUndefined):
            return owner.field_name  # the first missing name is what the activity lacks
        return name

    def __str__(self) -> str:
        name = self.field_name
        missing = _missing.get()
        if missing is not None and name not in missing:
            missing.append(name)
        return f"[{field_label(name)}]"

    def __html__(self) -> str:
        return str(self)

    def __bool__(self) -> bool:
        return False

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return TrackingUndefined(obj=self, name=name)

    __getitem__ = __getattr__


def daftar(items) -> str:
    """Join the Indonesian way: "A", "A dan B", "A, B, dan C"."""
    items = [str(i) for i in (items or []) if str(i).strip()]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} dan {items[1]}"
    return f"{', '.join(items[:-1])}, dan {items[-1]}"


def mentions(people) -> list[str]:
    return [p.get("mention") or p.get("name", "") for p in (people or []) if isinstance(p, dict)]


def _record(name: str) -> str:
    missing = _missing.get()
    if missing is not None and name not in missing:
        missing.append(name)
    return f"[{field_label(name)}]"


# Notes often report a quote with the verb's me-/ber-/di- form ("Sajekti menjelaskan, …");
# after a quotation releases write the bare form: "…," jelas Sajekti. The bare forms
# themselves are the glossary's after-quote speech verbs.
AFTER_QUOTE_FORMS = {
    "mengatakan": "kata", "berkata": "kata", "dikatakan": "kata",
    "menjelaskan": "jelas", "dijelaskan": "jelas",
    "menambahkan": "tambah", "ditambahkan": "tambah",
    "mengungkapkan": "ungkap", "diungkapkan": "ungkap",
    "menegaskan": "tegas", "ditegaskan": "tegas", "menekankan": "tegas",
    "menuturkan": "tutur", "memaparkan": "papar", "menerangkan": "terang",
    "menyebutkan": "sebut", "menyebut": "sebut", "mengajak": "ajak", "meminta": "pinta",
    "berharap": "harap", "mengharapkan": "harap",
}


def after_quote_verb(verb: str | None) -> str:
    """The attribution verb as written after a quotation and before a name ("menjelaskan"
    -> "jelas", "tuturnya" -> "tutur"); a verb with no such form (menyampaikan, mengimbau, …) becomes "ujar"."""
    after = set(load_glossary().speech_verbs("after"))
    word = str(verb or "").strip().lower()
    if word.endswith("nya") and word[:-3] in after:
        word = word[:-3]  # "ujarnya" stands without a name; the draft always names the speaker
    if word in after:
        return word
    return AFTER_QUOTE_FORMS.get(word, "ujar")


def quoted(text: str) -> str:
    """A quotation as releases write it before the verb: "…," (a closing full stop becomes a
    comma; the first letter is a capital, as a quoted sentence begins)."""
    text = " ".join(str(text or "").split()).strip("\"“”' ")
    text = text[:1].upper() + text[1:]
    if not text.endswith(("?", "!", ",")):
        text = text.rstrip(".") + ","
    return f"\"{text}\""


def turut_hadir(people, opening: str = "Turut hadir dalam kegiatan tersebut") -> str:
    """The attendance paragraph: "Turut hadir … A, B, dan C beserta jajaran." ("" when nobody)."""
    listed = mentions(people)
    if not listed:
        return ""
    return f"{opening} {', '.join(listed)}, beserta jajaran."


def reported(text: str) -> str:
    """Reported speech as releases write it before the verb, outside quote marks: "…,"
    without the marks (the first letter a capital, as the paragraph begins)."""
    return quoted(text)[1:-1]


def quote_paragraphs(quotes, introduced=()) -> list[str]:
    """One paragraph per accepted quote: ``"…," ujar Lukita.``, or ``…, ujar Lukita.``
    for an indirect one (reported speech is never put inside quote marks). A speaker
    not yet introduced (not in ``introduced``, not quoted before) is named in full the
    first time; a quote without a speaker gets a placeholder and is listed as missing."""
    known = {p.get("name") for p in (introduced or []) if isinstance(p, dict)}
    paragraphs = []
    if not quotes:
        return [_record("quotes")]
    for quote in quotes:
        name = quote.get("speaker_name")
        verb = after_quote_verb(quote.get("verb"))
        if not name:
            who = _record("quotes.speaker_name")
        elif name in known:
            who = quote.get("short_name") or name
        else:
            speaker = quote.get("speaker") or {}
            who = speaker.get("mention") or name
            known.add(name)
        words = reported(quote.get("text")) if quote.get("form") == "indirect" else quoted(quote.get("text"))
        paragraphs.append(f"{words} {verb} {who}.")
    return paragraphs


# ``9 ** (9 ** 9)`` or ``"x" * 10 ** 12`` would hold a worker for hours or exhaust memory.
MAX_POWER_BITS = 4096
MAX_REPEAT_CHARS = 1_000_000


class ReleaseSandbox(SandboxedEnvironment):
    """The sandbox with ``**`` and ``*`` bounded, so one line of a template cannot stall the server."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int) and isinstance(left, (int, float)):
            if abs(right) > MAX_POWER_BITS or int(abs(left)).bit_length() * abs(right) > MAX_POWER_BITS:
                raise SecurityError(f"hasil pangkat lebih dari {MAX_POWER_BITS} bit tidak diizinkan")
        if operator == "*":
            sized, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(sized, (str, list, tuple)) and isinstance(count, int) and len(sized) * count > MAX_REPEAT_CHARS:
                raise SecurityError(f"hasil perkalian lebih dari {MAX_REPEAT_CHARS} unsur tidak diizinkan")
        return super().call_binop(context, operator, left, right)


def make_environment(template_dir: Path = TEMPLATE_DIR) -> SandboxedEnvironment:
    env = ReleaseSandbox(
        loader=FileSystemLoader(str(template_dir)),
        undefined=TrackingUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["daftar"] = daftar
    env.filters["mentions"] = mentions
    env.filters["kutip"] = quoted
    env.globals.update(turut_hadir=turut_hadir, quote_paragraphs=quote_paragraphs)
    return env


ENV = make_environment()


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template cannot be used: ``message`` (an Indonesian msgid) with ``params``,
    and the ``line`` (1-based) in ``where`` (the template itself or an imported file)."""

    line: int | None
    message: str
    params: dict = field(default_factory=dict)
    where: str = TEMPLATE_NAME

    def __str__(self) -> str:
        text = self.message % self.params if self.params else self.message
        return f"{self.where}:{self.line}: {text}" if self.line else text


class TemplateFailed(Exception):
    def __init__(self, problem: TemplateProblem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Draft:
    headline: str
    dateline: str
    lead: str
    paragraphs: tuple[str, ...]
    signature: str
    missing_fields: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The release body as stored: the lead and the paragraphs, a blank line between."""
        return "\n\n".join(p for p in (self.lead, *self.paragraphs) if p)


def load_default(kind: str, template_dir: Path = TEMPLATE_DIR) -> str:
    """The file template of ``kind`` (``templates/releases/<kind>.jinja``)."""
    if not re.fullmatch(r"[a-z_]+", kind or ""):
        raise FileNotFoundError(kind)
    return (template_dir / f"{kind}.jinja").read_text(encoding="utf-8")


def _line_of(exc: BaseException, template=None, env: SandboxedEnvironment | None = None) -> tuple[int | None, str]:
    """The template line a runtime error happened on: the innermost frame of generated
    template code, mapped back to its source line."""
    found: tuple[int | None, str] = (None, TEMPLATE_NAME)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == "<template>" and template is not None:
            found = (template.get_corresponding_lineno(frame.lineno), TEMPLATE_NAME)
        elif env is not None and frame.filename.startswith(str(TEMPLATE_DIR)):
            name = Path(frame.filename).name
            try:
                found = (env.get_template(name).get_corresponding_lineno(frame.lineno), name)
            except TemplateError:
                found = (None, name)
    lineno = getattr(exc, "lineno", None)
    if found[0] is None and lineno:
        found = (lineno, found[1])
    return found


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def compile_template(source: str, env: SandboxedEnvironment = ENV):
    """Compile ``source``; raise :class:`TemplateFailed` on a syntax error or a missing block."""
    try:
        template = env.from_string(source)
    except (RecursionError, MemoryError) as exc:
        raise TemplateFailed(TemplateProblem(None, TOO_DEEP)) from exc
    except TemplateSyntaxError as exc:
        where = TEMPLATE_NAME if exc.filename in (None, TEMPLATE_NAME) else Path(exc.filename).name
        raise TemplateFailed(TemplateProblem(exc.lineno, N_("Kesalahan tulis templat: %(detail)s"),
                                             {"detail": exc.message or str(exc)}, where)) from exc
    except TemplateError as exc:
        line, where = _line_of(exc, None, env)
        raise TemplateFailed(TemplateProblem(line, N_("Templat gagal: %(detail)s"), {"detail": str(exc)}, where)) from exc
    absent = [name for name in REQUIRED_BLOCKS if name not in template.blocks]
    if absent:
        raise TemplateFailed(TemplateProblem(
            None, N_("Templat harus punya blok %(blocks)s."),
            {"blocks": ", ".join("{% block " + name + " %}" for name in absent)}))
    return template


def render_draft(source: str, context: DraftContext, env: SandboxedEnvironment = ENV) -> Draft:
    """Render ``source`` for ``context``; raise :class:`TemplateFailed` with the line and reason."""
    template = compile_template(source, env)
    variables = _wrap(context.variables(), "")
    missing: list[str] = []
    token = _missing.set(missing)
    try:
        jinja_context = template.new_context(variables)
        # The top level runs first (its imports and sets are then visible to the blocks).
        "".join(template.root_render_func(jinja_context))
        parts = {}
        for name in (*REQUIRED_BLOCKS, *OPTIONAL_BLOCKS):
            if name in template.blocks:
                parts[name] = "".join(template.blocks[name](jinja_context))
    except TemplateError as exc:
        line, where = _line_of(exc, template, env)
        raise TemplateFailed(TemplateProblem(line, N_("Templat gagal: %(detail)s"),
                                             {"detail": getattr(exc, "message", None) or str(exc)}, where)) from exc
    except RecursionError as exc:
        line, where = _line_of(exc, template, env)
        raise TemplateFailed(TemplateProblem(line, TOO_DEEP, {}, where)) from exc
    except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
        line, where = _line_of(exc, template, env)
        raise TemplateFailed(TemplateProblem(line, N_("Templat gagal: %(detail)s"),
                                             {"detail": f"{type(exc).__name__}: {exc}"}, where)) from exc
    finally:
        _missing.reset(token)
    headline = " ".join(parts["headline"].split())
    lead_paragraphs = _paragraphs(parts["lead"])
    body = _paragraphs(parts["body"])
    if len(lead_paragraphs) > 1:
        body = lead_paragraphs[1:] + body
    dateline = " ".join(parts.get("dateline", "").split()) or (
        f"{context.city.upper()} –" if context.city else "")
    signature = " ".join(parts.get("signature", "").split()) or (context.signature or "")
    return Draft(
        headline=headline, dateline=dateline, lead=lead_paragraphs[0] if lead_paragraphs else "",
        paragraphs=tuple(body), signature=signature, missing_fields=tuple(missing),
    )

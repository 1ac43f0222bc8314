"""Notes pages: the notes section of the activity page (add a typed note and/or a file,
the list of notes), the review page (the cleaned text with every extracted item marked
at its span, the form accepting or correcting them: ranks, honorifics and degrees apart
from the name, a quote's form, a "person" marked as not one; the corrections remembered
for the activity, each forgettable), and the admin's glossary page (the additions, and
the writers' corrections offered as additions, each accepted with one click).

Writers, editors and admins add and review notes; photographers may read them.
The blueprint parses the request and renders; ``press.services.notes`` does the work.
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.file import FileField
from markupsafe import Markup, escape
from sqlalchemy import select
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from press.codes import QuoteForm
from press.dates import weekday_name
from press.errors import ServiceError
from press.extensions import db
from press.models import PARTICIPANT_ROLES, Activity, Note, User
from press.notes import load_glossary
from press.notes.accepted import read_accepted
from press.services import glossary as glossaries
from press.services import glossary_offers
from press.services import note_corrections as corrections
from press.services import note_review as reviews
from press.services import notes as service

from .forms import SiaranForm, options
from .i18n import current_locale
from .labels import CORRECTION_KIND_LABELS, PARTICIPANT_ROLE_LABELS, QUOTE_FORM_LABELS, error_text
from .access import may, permission_required, require
from .sections import activity_section

bp = Blueprint("notes", __name__)

# Item kinds in the order the legend lists them; the class gives the colour.
ITEM_KIND_LABELS = {
    "people": _l("Orang"),
    "organisations": _l("Instansi"),
    "places": _l("Tempat"),
    "dates": _l("Tanggal"),
    "quotes": _l("Kutipan"),
}


class NoteForm(SiaranForm):
    text = TextAreaField(_l("Catatan (ketik atau tempel)"),
                         validators=[Optional(), Length(max=service.MAX_NOTE_CHARS)])
    upload = FileField(_l("Atau unggah berkas .txt, .md atau .docx"))
    submit = SubmitField(_l("Simpan catatan"))


class GlossaryForm(SiaranForm):
    content = TextAreaField(_l("Tambahan glosarium (JSON)"), validators=[Length(max=500_000)])
    submit = SubmitField(_l("Simpan glosarium"))


def _get(model, object_id: int, permission: str):
    """The row, if the signed-in user holds ``permission`` on its unit; else 404 or 403."""
    obj = db.session.get(model, object_id)
    if obj is None:
        abort(404)
    require(permission, obj)
    return obj


# -- the section on the activity page --------------------------------------------------

@activity_section(bp, 20)
def notes_section(activity: Activity) -> str:
    notes = db.session.scalars(select(Note).where(Note.activity_id == activity.id)
                               .order_by(Note.created_at.desc(), Note.id.desc())).all()
    authors = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_({n.author_id for n in notes})))}
    form = NoteForm() if may("note.write", activity) else None
    return render_template("notes/_section.html", activity=activity, notes=notes, authors=authors, form=form)


@bp.route("/staf/kegiatan/<id:activity_id>/catatan", methods=["POST"])
@permission_required("note.write")
def add(activity_id: int):
    activity = _get(Activity, activity_id, "note.write")
    form = NoteForm()
    back = url_for("activities.view", activity_id=activity.id) + "#catatan"
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
        return redirect(back)
    upload, too_big = None, None
    file = request.files.get("upload")
    if file is not None and file.filename:
        limit = current_app.config["MAX_UPLOAD_BYTES"]
        data = file.read(limit + 1)
        if len(data) > limit:
            too_big = _("Berkas “%(filename)s” lebih dari %(mb)s MB, batas satu berkas; berkas itu tidak disimpan.",
                        filename=service.refusal_name(file.filename), mb=limit // (1024 * 1024))
            if not (form.text.data or "").strip():
                flash(too_big, "error")
                return redirect(back)
        else:
            upload = (file.filename, data)
    try:
        result = service.add_note(db.session, activity, current_user, typed_text=form.text.data, upload=upload)
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return redirect(back)
    db.session.commit()
    if result.refusal is not None:
        flash(error_text(result.refusal), "error")
    if too_big:
        flash(too_big, "error")
    not_extracted = [note for note in result.notes if not _extract(note)]
    if not_extracted:
        flash(_("Catatan disimpan, tetapi belum diekstrak: terjadi galat saat mencari orang, kutipan dan "
                "tanggalnya. Catatan tetap aman; tekan “Ekstrak lagi” untuk mencoba sekali lagi."), "error")
        return redirect(url_for("notes.view", note_id=not_extracted[0].id))
    if result.notes:
        flash(_("Catatan disimpan: periksa dan terima yang ditemukan.") if len(result.notes) == 1
              else _("%(n)s catatan disimpan: periksa dan terima yang ditemukan.", n=len(result.notes)), "success")
        if result.refusal is None and not too_big:
            return redirect(url_for("notes.view", note_id=result.notes[0].id))
    return redirect(back)


def _extract(note: Note, again: bool = False) -> bool:
    """Extract a committed note and commit what it found (or that it failed)."""
    done = service.extract_note(db.session, note, current_user, glossaries.glossary_for(db.session), again=again)
    db.session.commit()
    return done


@bp.route("/staf/catatan/<id:note_id>/ekstrak", methods=["POST"])
@permission_required("note.write")
def extract_again(note_id: int):
    """Extract a note again (one left "belum diekstrak" by a failed or interrupted extraction)."""
    note = _get(Note, note_id, "note.write")
    if _extract(note, again=True):
        flash(_("Catatan diekstrak: periksa dan terima yang ditemukan."), "success")
    else:
        flash(_("Catatan masih belum diekstrak: ekstraksi gagal lagi. Catatan tetap tersimpan; "
                "hubungi admin bila ini berulang."), "error")
    return redirect(url_for("notes.view", note_id=note.id))


# -- the review page ---------------------------------------------------------------------

def highlight(text: str, extraction: dict) -> Markup:
    """The text, escaped, with a ``<mark>`` per extracted item at its span (people and
    organisations at every mention). Spans nest; one that would cross another is cut
    at the boundary so the marks stay well formed."""
    spans = []
    for kind in ITEM_KIND_LABELS:
        for number, item in enumerate(extraction.get(kind, [])):
            places = [item.get("span")] + ([m for m in item.get("mentions", []) if m != item.get("span")]
                                           if kind in ("people", "organisations") else [])
            label = item.get("name") or item.get("date") or item.get("speaker") or ""
            for span in places:
                if span and 0 <= span[0] < span[1] <= len(text):
                    spans.append((span[0], span[1], kind, number, label))
    spans.sort(key=lambda s: (s[0], -s[1]))
    names = {kind: str(label) for kind, label in ITEM_KIND_LABELS.items()}
    out: list[str] = []
    stack, pos = [], 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1] <= limit:
            end = stack.pop()
            out.append(str(escape(text[pos:end])))
            out.append("</mark>")
            pos = end

    for start, end, kind, number, label in spans:
        close_until(start)
        if stack:
            end = min(end, stack[-1])
        if start < pos or end <= start:
            continue
        out.append(str(escape(text[pos:start])))
        pos = start
        title = escape(f"{names[kind]}: {label}" if label else names[kind])
        out.append(f'<mark class="hl hl-{kind}" data-item="{kind}-{int(number)}" title="{title}">')
        stack.append(end)
    close_until(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso or "")
    except ValueError:
        return None


@bp.route("/staf/catatan/<id:note_id>")
@permission_required("note.read")
def view(note_id: int):
    note = _get(Note, note_id, "note.read")
    return _render_review(note, reviews.suggestions(note, glossaries.glossary_for(db.session)))


def _render_review(note: Note, items: dict, status: int = 200):
    for item in items["dates"]:
        item["day"] = _day(item.get("date"))
        item["actual_weekday"] = weekday_name(item["day"], current_locale()) if item["day"] else None
    author = db.session.get(User, note.author_id) if note.author_id else None
    roles = options([(r, PARTICIPANT_ROLE_LABELS[r]) for r in PARTICIPANT_ROLES])
    forms = options([(f, QUOTE_FORM_LABELS[f]) for f in QuoteForm])
    return render_template(
        "notes/review.html", note=note, activity=note.activity, items=items, author=author,
        marked=highlight(note.text, note.extraction or {}), kinds=ITEM_KIND_LABELS, roles=roles,
        quote_forms=forms, changes=service.change_summary(note), can_review=may("note.write", note),
        remembered=corrections.corrections_for(db.session, note.activity),
        correction_kinds=CORRECTION_KIND_LABELS,
    ), status


def _posted_items(note: Note) -> tuple[dict, dict]:
    """(accepted items for the service, the form's items to show again on an error)."""
    form = request.form
    suggested = reviews.suggestions(note)
    accepted = {"people": [], "quotes": [], "organisations": [], "places": [], "dates": [], "not_people": []}
    for i, item in enumerate(suggested["people"]):
        edited = {
            "name": form.get(f"person-{i}-name", item["name"]),
            "title": form.get(f"person-{i}-title", item.get("title") or ""),
            "organisation": form.get(f"person-{i}-organisation", item.get("organisation") or ""),
            "ranks": form.get(f"person-{i}-ranks", " ".join(item.get("ranks") or [])),
            "honorifics": form.get(f"person-{i}-honorifics", " ".join(item.get("honorifics") or [])),
            "degrees": form.get(f"person-{i}-degrees", ", ".join(item.get("degrees") or [])),
            "role": form.get(f"person-{i}-role", item["role"]),
            "source_name": item["source_name"],
        }
        not_person = bool(form.get(f"not-person-{i}"))  # not "person-…": ticking every box accepts, never rejects
        item.update(edited, accepted=bool(form.get(f"person-{i}-accept")) and not not_person, not_person=not_person)
        if item["accepted"]:
            accepted["people"].append(edited)
        if not_person:
            accepted["not_people"].append(item["source_name"])
    for i, item in enumerate(suggested["quotes"]):
        item["speaker"] = form.get(f"quote-{i}-speaker", item.get("speaker") or "")
        item["form"] = form.get(f"quote-{i}-form", item.get("form"))
        item["accepted"] = bool(form.get(f"quote-{i}-accept"))
        if item["accepted"]:
            accepted["quotes"].append({k: item.get(k) for k in ("speaker", "verb", "text", "span", "form")})
    for kind, prefix in (("organisations", "organisation"), ("places", "place"), ("dates", "date")):
        for i, item in enumerate(suggested[kind]):
            item["accepted"] = bool(form.get(f"{prefix}-{i}-accept"))
            if item["accepted"]:
                accepted[kind].append(item)
    return accepted, suggested


@bp.route("/staf/catatan/<id:note_id>/tinjau", methods=["POST"])
@permission_required("note.write")
def review(note_id: int):
    note = _get(Note, note_id, "note.write")
    accepted, shown = _posted_items(note)
    try:
        reviews.review(db.session, note, accepted, current_user)
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return _render_review(note, shown, 400)
    db.session.commit()
    accepted = read_accepted(note.accepted)
    flash(_("Tinjauan disimpan: %(people)s orang dan %(quotes)s kutipan diterima.",
            people=len(accepted.people), quotes=len(accepted.quotes)), "success")
    return redirect(url_for("notes.view", note_id=note.id))


@bp.route("/staf/catatan/<id:note_id>/koreksi/<id:correction_id>/lupakan", methods=["POST"])
@permission_required("note.write")
def forget_correction(note_id: int, correction_id: int):
    """Forget a correction remembered for the note's activity (it no longer applies)."""
    note = _get(Note, note_id, "note.write")
    try:
        forgotten = corrections.forget(db.session, note, correction_id, current_user)
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return _render_review(note, reviews.suggestions(note, glossaries.glossary_for(db.session)), 400)
    db.session.commit()
    flash(_("Koreksi “%(wrong)s” dilupakan: catatan berikutnya diekstrak tanpanya.", wrong=forgotten.wrong or "—"),
          "success")
    return redirect(url_for("notes.view", note_id=note.id) + "#koreksi")


# -- the admin's glossary ------------------------------------------------------------------

@bp.route("/staf/admin/glosarium/usulan/<id:correction_id>", methods=["POST"])
@permission_required("glossary.edit")
def accept_offer(correction_id: int):
    """Add what one writer's correction suggests to the admin's extra glossary."""
    try:
        glossary_offers.accept_offer(db.session, correction_id, current_user)
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return _render_glossary(GlossaryForm(formdata=None), 400)
    db.session.commit()
    flash(_("Usulan ditambahkan ke glosarium; catatan berikutnya memakainya."), "success")
    return redirect(url_for("notes.glossary") + "#usulan")


def _render_glossary(form: GlossaryForm, status: int):
    if form.content.data is None:
        form.content.data = glossaries.read_glossary_extra(db.session)
    builtin = load_glossary().data
    return render_template("notes/glossary.html", form=form, keys=sorted(builtin), builtin=builtin,
                           offers=glossary_offers.offers(db.session, current_user),
                           correction_kinds=CORRECTION_KIND_LABELS), status


@bp.route("/staf/admin/glosarium", methods=["GET", "POST"])
@permission_required("glossary.edit")
def glossary():
    form = GlossaryForm()
    status = 200
    if request.method == "GET":
        form.content.data = glossaries.read_glossary_extra(db.session)
    elif form.validate_on_submit():
        try:
            glossaries.save_glossary_extra(db.session, form.content.data or "{}", current_user)
        except ServiceError as exc:
            db.session.rollback()
            form.content.errors = [*form.content.errors, error_text(exc)]
            status = 400
        else:
            db.session.commit()
            flash(_("Glosarium disimpan; catatan berikutnya memakainya."), "success")
            return redirect(url_for("notes.glossary"))
    else:
        status = 400
    return _render_glossary(form, status)

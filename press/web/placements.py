"""Placements and clippings on the staff side (``placement.edit``: central editors, admin).

``/staf/siaran/<id>/mitra``: the partners a published release goes to and its clippings;
``/staf/penempatan/``: every placement by state; a placement's page: its due day, the
partner's proof link, the page address typed by staff, each check with its findings and
snapshot, files for print, TV, radio and social media, and the editor's verdict.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import gettext as _
from flask_login import current_user

from press.codes import PlacementState, ReleaseState
from press.extensions import db
from press.models import Clipping, Outlet, Partner, Placement, ProofCheck, ProofFile, Release
from press.numbers import parse_id
from press.proofs import Refusal
from press.proofs.comparison import REASONS
from press.proofs.refusals import MESSAGES
from press.services import clippings, outlets, partners, placements, proof_checks

from . import stored_files
from . import links
from .access import may_read_release, permission_required
from .csrf_exempt import PROOF_LINK, make_token
from .downloads import as_download
from .labels import PLACEMENT_STATE_LABELS, PROOF_KIND_LABELS, PROOF_VERDICT_LABELS
from .partner_forms import ClippingForm, DueForm, PlaceForm, ProofFileForm, ProofUrlForm, VerdictForm
from .service_calls import committed

bp = Blueprint("placements", __name__, url_prefix="/staf")


_store = stored_files.store


def proof_link(placement: Placement) -> str:
    """The partner's link to send the proof of ``placement`` (no account needed)."""
    return links.absolute(PROOF_LINK.endpoint, token=make_token(PROOF_LINK.purpose, {"p": placement.id}))


def _release(release_id: int) -> Release:
    release = db.session.get(Release, release_id) or abort(404)
    if not may_read_release(release):
        abort(403)
    return release


def _place_form(form: PlaceForm | None = None) -> PlaceForm:
    form = form or PlaceForm(formdata=None)
    form.partners.choices = [(str(p.id), p.name) for p in partners.all_partners(db.session)]
    return form


def _clipping_form(form: ClippingForm | None = None) -> ClippingForm:
    form = form or ClippingForm(formdata=None)
    form.outlet.choices = [(str(o.id), o.name) for o in outlets.all_outlets(db.session)]
    return form


def _release_page(release: Release, status: int = 200, **forms):
    return render_template("placements/release.html", release=release,
                           placements=placements.listing(db.session, release_id=release.id),
                           clippings=clippings.listing(db.session, release_id=release.id),
                           form=forms.get("form") or _place_form(), clipping_form=forms.get("clipping_form")
                           or _clipping_form(), published=release.state == ReleaseState.PUBLISHED), status


@bp.route("/siaran/<id:release_id>/mitra", methods=["GET", "POST"])
@permission_required("placement.edit")
def release(release_id: int):
    found = _release(release_id)
    if request.method == "GET":
        return _release_page(found)
    form = _place_form(PlaceForm())
    if form.validate_on_submit():
        chosen = [db.session.get(Partner, parse_id(value) or 0) for value in form.partners.data or []]
        placed = committed(lambda: placements.place(db.session, current_user, found, [p for p in chosen if p],
                                                    due_on=form.due_on.data))
        if placed:
            flash(_("Siaran dikirim ke %(count)d mitra.", count=len(placed)), "info")
            return redirect(url_for("placements.release", release_id=found.id))
    return _release_page(found, 400, form=form)


@bp.route("/siaran/<id:release_id>/kliping", methods=["POST"])
@permission_required("placement.edit")
def new_clipping(release_id: int):
    found = _release(release_id)
    form = _clipping_form(ClippingForm())
    if form.validate_on_submit():
        outlet = db.session.get(Outlet, parse_id(form.outlet.data) or 0)
        saved = committed(lambda: clippings.record_clipping(db.session, current_user, found, outlet, form.url.data,
                                                            form.published_on.data))
        if saved:
            flash(_("Kliping dicatat; halamannya sedang diperiksa."), "info")
            return redirect(links.staff_url("clipping", saved))
    return _release_page(found, 400, clipping_form=form)


@bp.route("/penempatan/")
@permission_required("placement.edit")
def index():
    state = request.args.get("status") or None
    if state not in (None, *PlacementState):
        state = None
    release_id = parse_id(request.args.get("siaran"))
    return render_template("placements/index.html", state=state, states=list(PlacementState),
                           placements=placements.listing(db.session, release_id=release_id, state=state))


def _placement(placement_id: int) -> Placement:
    return db.session.get(Placement, placement_id) or abort(404)


def _placement_page(placement: Placement, status: int = 200, **forms):
    due_form = forms.get("due_form") or DueForm(formdata=None, due_on=placement.due_on)
    latest = placement.latest_check
    verdict_form = forms.get("verdict_form") or VerdictForm(
        formdata=None, verdict=latest.verdict if latest is not None and latest.done else None,
        published_on=latest.page_date if latest is not None else None)
    store = _store()
    texts = {check.id: proof_checks.snapshot_text(store, check) for check in placement.checks[-3:]}
    return render_template("placements/placement.html", placement=placement, link=proof_link(placement),
                           due_form=due_form, url_form=forms.get("url_form") or ProofUrlForm(formdata=None),
                           file_form=forms.get("file_form") or ProofFileForm(formdata=None),
                           verdict_form=verdict_form, texts=texts,
                           decided=placement.state in placements.DECIDED), status


@bp.route("/penempatan/<id:placement_id>")
@permission_required("placement.edit")
def view(placement_id: int):
    return _placement_page(_placement(placement_id))


def _acted(placement: Placement, action, message: str, **forms):
    if committed(action):
        flash(message, "info")
        return redirect(links.staff_url("placement", placement))
    return _placement_page(placement, 400, **forms)


@bp.route("/penempatan/<id:placement_id>/tenggat", methods=["POST"])
@permission_required("placement.edit")
def due(placement_id: int):
    placement, form = _placement(placement_id), DueForm()
    form.validate_on_submit()
    return _acted(placement, lambda: placements.set_due(db.session, current_user, placement, form.due_on.data),
                  _("Tenggat tayang diubah."), due_form=form)


@bp.route("/penempatan/<id:placement_id>/tautan", methods=["POST"])
@permission_required("placement.edit")
def proof_url(placement_id: int):
    placement, form = _placement(placement_id), ProofUrlForm()
    form.validate_on_submit()
    return _acted(placement, lambda: placements.submit_url(db.session, placement, form.url.data, actor=current_user),
                  _("Alamat bukti tayang disimpan; halamannya sedang diperiksa."), url_form=form)


@bp.route("/penempatan/<id:placement_id>/periksa", methods=["POST"])
@permission_required("placement.edit")
def recheck(placement_id: int):
    placement = _placement(placement_id)
    return _acted(placement, lambda: placements.recheck(db.session, current_user, placement),
                  _("Halaman diperiksa lagi; hasilnya muncul di bawah."))


@bp.route("/penempatan/<id:placement_id>/berkas", methods=["POST"])
@permission_required("placement.edit")
def upload(placement_id: int):
    placement, form = _placement(placement_id), ProofFileForm()
    form.validate_on_submit()
    sent = request.files.get("file")
    data = sent.stream.read(placements.MAX_PROOF_BYTES + 1) if sent is not None else b""
    return _acted(placement, lambda: placements.add_file(
        db.session, _store(), current_user, placement, form.kind.data or "", data=data,
        filename=sent.filename if sent is not None else None, reference=form.reference.data),
        _("Bukti tayang disimpan."), file_form=form)


@bp.route("/penempatan/<id:placement_id>/keputusan", methods=["POST"])
@permission_required("placement.edit")
def decide(placement_id: int):
    placement, form = _placement(placement_id), VerdictForm()
    form.validate_on_submit()
    return _acted(placement, lambda: placements.decide(
        db.session, current_user, placement, form.verdict.data or "", published_on=form.published_on.data,
        reason=form.reason.data), _("Keputusan disimpan."), verdict_form=form)


def _blob(key: str | None, mimetype: str | None, name: str | None, fallback: str):
    """A blob of the store as a download; 404 when it is not there."""
    if not key:
        abort(404)
    response = stored_files.send_original(key, mimetype)
    return as_download(response, name, fallback)


@bp.route("/bukti/cek/<id:check_id>/arsip.zip")
@permission_required("placement.edit")
def snapshot(check_id: int):
    check = db.session.get(ProofCheck, check_id) or abort(404)
    return _blob(check.snapshot_key, "application/zip", None, f"bukti-tayang-{check.id}.zip")


@bp.route("/bukti/berkas/<id:file_id>")
@permission_required("placement.edit")
def proof_file(file_id: int):
    found = db.session.get(ProofFile, file_id) or abort(404)
    return _blob(found.sha256, found.mime, found.filename, f"bukti-tayang-{found.placement_id}-{found.id}")


@bp.route("/kliping/")
@permission_required("placement.edit")
def clipping_index():
    return render_template("placements/clippings.html", clippings=clippings.listing(db.session))


@bp.route("/kliping/<id:clipping_id>")
@permission_required("placement.edit")
def clipping(clipping_id: int):
    found = db.session.get(Clipping, clipping_id) or abort(404)
    store = _store()
    return render_template("placements/clipping.html", clipping=found,
                           texts={check.id: proof_checks.snapshot_text(store, check) for check in found.checks[-3:]})


@bp.app_template_global()
def proof_refusal_text(refusal: dict | None) -> str:
    """Why a check's page was not fetched (``ProofCheck.refusal``), in the reader's language."""
    if not refusal or refusal.get("code") not in MESSAGES:
        return ""
    return Refusal(refusal["code"], dict(refusal.get("params") or {})).text(gettext)


@bp.app_template_global()
def proof_reason_texts(reasons: list | None) -> list[str]:
    """What a check found against the release (``ProofCheck.reasons``), in the reader's language."""
    return [gettext(REASONS[item["code"]], **(item.get("params") or {}))
            for item in reasons or () if item.get("code") in REASONS]


@bp.app_context_processor
def placement_labels():
    return {"PLACEMENT_STATE_LABELS": PLACEMENT_STATE_LABELS, "PROOF_VERDICT_LABELS": PROOF_VERDICT_LABELS,
            "PROOF_KIND_LABELS": PROOF_KIND_LABELS}


links.register("placement", Placement, staff=("placements.view", "placement_id"))
links.register("clipping", Clipping, staff=("placements.clipping", "clipping_id"))

"""Drafting stages: the release template context, sandboxed rendering, editorial checks,
DOCX export and the media kit.

Plain Python (no Flask, no services): they take values (dataclasses, strings, bytes,
opened files) and return values, so the service, the CLI, the web layer and the
benchmark all call the same code.
"""
from .context import DateForms, DraftContext, PersonRef, QuoteRef, build_context
from .render import Draft, TemplateProblem, render_draft

__all__ = [
    "DateForms", "Draft", "DraftContext", "PersonRef", "QuoteRef", "TemplateProblem",
    "build_context", "render_draft",
]

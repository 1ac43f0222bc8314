"""What a check found, as codes: the findings of ``flask doctor`` and ``flask media verify``.

A finding names its check, a short ``problem`` kind (``renditions``, ``orphan`` …: an
interface of ``--json``), its subject, and what it is as a problem code with parameters
(:mod:`press.problems`); a repair adds what it did, again as a code. Nothing here holds
a sentence: :meth:`Report.as_dict` takes the caller's ``render`` (problem -> text in
the reader's language) to fill the human-readable keys ``detail``, ``action`` and
``stopped``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from press.problems import params_of, problem

Render = Callable[[dict], str]


@dataclass
class Finding:
    check: str
    problem: str
    subject: str
    found: dict                   # the problem: {"code": ..., **params}
    done: dict | None = None      # what the repair did, the same way (None: nothing was done)
    fixed: bool = False           # the problem is gone after the action

    def act(self, code: str, *, fixed: bool = False, **params) -> None:
        self.done, self.fixed = problem(code, **params), fixed

    def as_dict(self, render: Render) -> dict:
        return {
            "check": self.check, "problem": self.problem, "subject": self.subject,
            "detail": render(self.found), "action": render(self.done) if self.done else None,
            "fixed": self.fixed, "code": self.found["code"], "params": params_of(self.found),
            "action_code": self.done["code"] if self.done else None,
            "action_params": params_of(self.done) if self.done else {},
        }

    def line(self, render: Render) -> str:
        text = f"[{self.check}] {self.subject}: {render(self.found)}"
        if self.done:
            text += f" -> {render(self.done)}"
        return text


@dataclass
class Report:
    repair: bool = False
    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)   # what was looked at
    stopped: dict | None = None                            # why later checks did not run (a problem)

    def add(self, check: str, kind: str, subject: str, code: str, **params) -> Finding:
        finding = Finding(check, kind, subject, problem(code, **params))
        self.findings.append(finding)
        return finding

    def stop(self, code: str, **params) -> None:
        self.stopped = problem(code, **params)

    @property
    def remaining(self) -> list[Finding]:
        return [f for f in self.findings if not f.fixed]

    @property
    def ok(self) -> bool:
        return not self.remaining and self.stopped is None

    def as_dict(self, render: Render) -> dict:
        return {
            "ok": self.ok, "repair": self.repair, "counts": self.counts,
            "stopped": render(self.stopped) if self.stopped else None,
            "stopped_code": self.stopped["code"] if self.stopped else None,
            "findings": [f.as_dict(render) for f in self.findings], "remaining": len(self.remaining),
        }

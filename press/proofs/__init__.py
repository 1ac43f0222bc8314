"""Proof of publication: a partner's page fetched under the rules for outside URLs,
its article extracted from the site around it, and compared with the release.

Plain Python (no Flask, no services, no models): ``fetch`` → ``Fetched`` (pages and a
``Refusal`` when it stopped), ``extract`` → ``Article``, ``compare`` → ``Comparison``
with the proposed verdict (``press.codes.ProofVerdict``), and ``check`` doing all three with the ``Snapshot`` the
service stores.
"""
from .addresses import parse_allow
from .check import ProofCheck, Snapshot, check
from .comparison import ChangedParagraph, Comparison, compare
from .extraction import Article, extract
from .fetching import Fetched, Page, fetch
from .refusals import Refusal

__all__ = [
    "Article", "ChangedParagraph", "Comparison", "Fetched", "Page", "ProofCheck", "Refusal", "Snapshot",
    "check", "compare", "extract", "fetch", "parse_allow",
]

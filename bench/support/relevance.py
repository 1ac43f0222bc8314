"""The annotated relevance set (``bench/search_relevance.json``) and how a search backend scores on it.

Read by ``bench/search.py`` (the table of stemmed vs unstemmed) and by
``tests/search/test_relevance.py`` (the same figures on whoosh and on PostgreSQL).
"""
from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path

from press.search import Document

DATA = Path(__file__).resolve().parent.parent / "search_relevance.json"


def annotated() -> dict:
    return json.loads(DATA.read_text())


def documents(data: dict) -> list[Document]:
    return [Document(kind="note", id=d["id"], title=d.get("title", ""), body=d["body"],
                     people=tuple(d.get("people", ())), places=tuple(d.get("places", ()))) for d in data["documents"]]


@dataclass
class Score:
    precision: float
    recall: float
    found: dict  # query -> set of document ids found

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(index, data: dict, *, stemming: bool = True) -> Score:
    """Macro-averaged precision and recall of ``index`` (holding ``documents(data)``) over the queries."""
    precisions, recalls, found_by_query = [], [], {}
    for item in data["queries"]:
        found = {h.id for h in index.search(item["query"], public=False, per_page=100, facets=False,
                                             stemming=stemming).hits}
        found_by_query[item["query"]] = found
        relevant = set(item["relevant"])
        hits = len(found & relevant)
        precisions.append(hits / len(found) if found else (1.0 if not relevant else 0.0))
        recalls.append(hits / len(relevant) if relevant else 1.0)
    return Score(statistics.mean(precisions), statistics.mean(recalls), found_by_query)

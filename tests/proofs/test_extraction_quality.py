"""Extraction keeps the article's own sentences and leaves out the site's: at least 95 %
of each, in each of five site layouts, over the articles modelled on real releases."""
from __future__ import annotations

from collections import defaultdict

from press.proofs import extract
from press.proofs.sentences import normalise, split

from .sites import LAYOUTS, pages, sentence_quality


def test_each_layout_gives_back_the_article_and_little_else():
    totals = defaultdict(lambda: [0, 0, 0, 0])
    for layout, _title, paragraphs, html in pages():
        counts = sentence_quality(extract([html]).paragraphs, paragraphs, split, normalise)
        totals[layout] = [a + b for a, b in zip(totals[layout], counts)]
    assert set(totals) == set(LAYOUTS)
    for layout, (recovered, own, kept, extracted) in totals.items():
        assert own > 1000
        assert recovered / own >= 0.95, layout
        assert kept / extracted >= 0.95, layout

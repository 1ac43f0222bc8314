"""JSON inside a ``<script>`` element (JSON-LD, data for a static script): the one encoder for it.

The HTML parser decodes no entities inside ``<script>``, so HTML escaping cannot be
used there, and it watches for ``</script`` and for ``<!--``, after which a
``<script`` makes the next ``</script>`` no end at all: a title holding
``<!--<script>`` swallowed the rest of the page into the JSON-LD block. Writing
``<``, ``>`` and ``&`` as JSON ``\\u`` escapes leaves none of those sequences while
the JSON still parses to the same value; U+2028 and U+2029 are escaped as well for
scripts that read the block as JavaScript. Use it as the ``script_json`` filter:
``<script type="application/ld+json">{{ data|script_json }}</script>``.
"""
from __future__ import annotations

import json

from markupsafe import Markup

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(value) -> Markup:
    """``value`` as JSON that is safe as the whole content of a ``<script>`` element."""
    return Markup(json.dumps(value, ensure_ascii=False).translate(_ESCAPES))

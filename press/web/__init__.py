"""The web layer: blueprints that parse the request, check the role, call a service, render.

Only this package, ``press.cli``, ``press.extensions`` and ``press/__init__`` import Flask.
"""

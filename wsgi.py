"""The WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi run``.

The web process runs several threads (gunicorn ``gthread``) that take turns holding the
interpreter. A thread coming back from I/O (an upload's body arriving and being written,
the database) waits for the thread holding it to give it up, at most every switch
interval; at Python's default of 5 ms an upload, which does I/O some fifty times, waited
behind busy readers for longer than its own work took. 1 ms lets the uploads and the
readers share the cores (``docs/benchmarks.md``, "Under load").
"""
import sys

from press import create_app

SWITCH_INTERVAL_SECONDS = 0.001

sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
app = create_app()

"""Imported by Python at the start of every process the tests start with this folder on
``PYTHONPATH`` (``LiveServer``'s environment in ``tests/browser/conftest.py``): ``flask setup``,
gunicorn and the job worker hash passwords as the test processes do (``tests/hashing.py``),
so the demo's eleven accounts cost 55 ms instead of 1.9 s of CPU and each login 5 ms instead
of 170. werkzeug is changed when something imports it, not here: a process that never does
(a photo worker) does not pay for importing it. Production never has this folder on its path.
"""
import importlib.abc
import importlib.util
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[2]))  # the checkout, for ``tests.hashing``


class _LowerWhenImported(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "werkzeug.security":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            from tests.hashing import lower_password_hashing

            lower_password_hashing(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _LowerWhenImported())

"""Service functions: the domain's verbs over the models (no Flask).

Each takes a SQLAlchemy session and, where someone acts, the acting user; it writes
its audit event in the same transaction and leaves committing to the caller only
where the docstring says so.
"""

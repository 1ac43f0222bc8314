"""The photo stages of ingest: sniff, EXIF, renditions, public metadata, quality.

Plain modules, no Flask and no database; ``process.process_photo`` runs them all.
"""

"""Notes stages: read a writer's note (reading), clean it (cleaning), and extract people,
organisations, places, dates and quotes from it (extract, with glossary and dates).
Plain Python: no Flask, no database, no network, no model."""

from press.notes.cleaning import Cleaned, clean
from press.notes.dates import FoundDate, find_dates
from press.notes.extract import extract
from press.notes.glossary import Glossary, load_glossary
from press.notes.items import ActivityContext, Extraction, Organisation, Participant, Person, Place, Quote
from press.notes.reading import NoteRefused, NoteText, read_note, read_note_file, read_typed

__all__ = [
    "ActivityContext", "Cleaned", "Extraction", "FoundDate", "Glossary", "NoteRefused", "NoteText", "Organisation",
    "Participant", "Person", "Place", "Quote", "clean", "extract", "find_dates", "load_glossary", "read_note",
    "read_note_file", "read_typed",
]

"""Notes stages: read a writer's note, clean it, and extract people, organisations,
places, dates and quotes from it. Plain Python: no Flask, no database, no network."""


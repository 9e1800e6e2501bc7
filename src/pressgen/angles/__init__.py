"""The angle finder: candidate stories in a dataset, ranked, each with its figure spec.

`pressgen.angles.api` holds the entry points; this package's `__init__` imports nothing,
so the command line can register `angles` and `new` without loading any data code."""

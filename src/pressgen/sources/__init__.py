"""Sources: a dataset's manifest, its data file and the loaders that read it."""

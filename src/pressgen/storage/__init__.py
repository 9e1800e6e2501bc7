"""Storage: atomic writes, user folders, TOML files, file caches and autosaved drafts."""

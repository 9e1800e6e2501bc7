"""Localised releases at scale: one release per group of a column, with each group's
figures and how it compares with the others. `run_batch` is what the CLI's `batch`
command and the TUI's batch screen call."""

from __future__ import annotations

from pressgen.batch.groups import Comparison, GroupFigures, compare_groups, compute_group_figures
from pressgen.batch.index import neutralise_cell
from pressgen.batch.job import FORMATS
from pressgen.batch.names import file_names, slugify
from pressgen.batch.release import group_figures, group_release
from pressgen.batch.results import BatchProgress, BatchResult, GroupResult
from pressgen.batch.run import run_batch

__all__ = [
    "FORMATS",
    "BatchProgress",
    "BatchResult",
    "Comparison",
    "GroupFigures",
    "GroupResult",
    "compare_groups",
    "compute_group_figures",
    "file_names",
    "group_figures",
    "group_release",
    "neutralise_cell",
    "run_batch",
    "slugify",
]

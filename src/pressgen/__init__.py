"""pressgen: draft data-driven press releases with computed, checkable figures."""

__version__ = "0.1.0"

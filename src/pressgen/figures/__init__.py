"""Figures: specs, the engine that computes them with provenance, and their cache."""

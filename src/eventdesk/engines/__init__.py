"""Execution engines beyond local processes (optional extras)."""

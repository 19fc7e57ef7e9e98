"""Faces: thin adapters over ``sayso.api`` (command line, web explorer, Spark job)."""

"""Sinks: write records out (text formats, SQLite store, Parquet)."""

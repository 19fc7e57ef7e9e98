"""Tests of sayso.evaluate (a package so that module names cannot clash)."""

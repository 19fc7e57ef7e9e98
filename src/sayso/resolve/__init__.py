"""Resolve: map source mentions to canonical entities of the article (no coreference model)."""

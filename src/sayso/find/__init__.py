"""Find: quote spans, cue candidates, boilerplate and datelines in a parsed text."""

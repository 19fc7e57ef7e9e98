"""Parse: load the spaCy pipeline and run it, in bounded chunks for long texts."""

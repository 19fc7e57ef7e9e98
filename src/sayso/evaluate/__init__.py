"""Scoring Sayso against gold attributions (brat standoff, the PolNeAR layout).

``brat`` reads gold, ``predictions`` turns results or JSONL into prediction
records, ``metrics`` scores them, ``misses`` explains what went wrong.
"""

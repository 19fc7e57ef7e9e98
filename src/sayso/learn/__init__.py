"""Learned components: small models trained on PolNeAR train that refine the rules.

Training (``python -m sayso.learn.train``) needs the corpus in ``../shared``; running
the shipped models needs only the JSON files in ``sayso/data/models``.
"""

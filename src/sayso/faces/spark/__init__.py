"""Sayso on Apache Spark: the same records as the local pipeline, at corpus scale.

The job is split so that the code that runs inside Spark tasks (``tasks``) never
imports PySpark and stays a plain, testable function over iterators; the driver
side (``job``, ``speakers``, ``tables``) wires those functions into Spark stages.
``python -m sayso.faces.spark.job`` / ``spark-submit .../job.py`` run it directly.
"""

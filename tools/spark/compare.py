#!/usr/bin/env python3
"""Compares a direct `vigil screen --format jsonl` output with screen_job.py's output directory.

  python compare.py DIRECT.jsonl SPARK_OUT_DIR [id|input]

Rows must be equal after JSON parsing and in the same order (vigil writes no timing fields): the
direct rows in input order, or sorted by customer id then input order (the job's default).
A parquet output is read with pyspark and turned back into vigil's objects.
Exit 0 when equal, 1 with the first differences otherwise.
"""
import glob
import json
import os
import sys


def spark_rows(out, order):
    parts = sorted(glob.glob(os.path.join(out, "part-*")))
    if not any(p.endswith(".parquet") for p in parts):
        # Text parts in name order are the input order.
        return [json.loads(line) for p in parts for line in open(p, encoding="utf-8") if line.strip()]
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[1]").appName("vigil-compare")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    rows = spark.read.parquet(out).orderBy(*(["id", "input_row"] if order == "id" else ["input_row"])).collect()
    spark.stop()
    objects = []
    for r in rows:
        o = {"id": r.id, "alert": r.alert, "threshold": r.threshold, "matches": json.loads(r.matches)}
        if r.error is not None:
            o["error"] = r.error
            if r.line is not None:
                o["line"] = r.line
        objects.append(o)
    return objects


def main(direct_path, out, order="id"):
    direct = [json.loads(line) for line in open(direct_path, encoding="utf-8") if line.strip()]
    if order == "id":
        # Spark sorts strings by UTF-8 bytes, Python by code points: the same order.
        direct = [o for _, _, o in sorted((o["id"], i, o) for i, o in enumerate(direct))]
    spark = spark_rows(out, order)
    diffs = [i for i, (a, b) in enumerate(zip(direct, spark)) if a != b]
    if len(direct) == len(spark) and not diffs:
        print(f"equal: {len(direct)} rows, same order ({'customer id, then input' if order == 'id' else 'input'})")
        return 0
    print(f"DIFFERENT: direct {len(direct)} rows, spark {len(spark)} rows, {len(diffs)} differing rows")
    for i in diffs[:3]:
        print(f"  row {i}:\n    direct {json.dumps(direct[i], ensure_ascii=False)[:400]}\n"
              f"    spark  {json.dumps(spark[i], ensure_ascii=False)[:400]}")
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))

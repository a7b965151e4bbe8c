#!/usr/bin/env python3
"""Bulk screening on Apache Spark: every partition streams through `vigil screen -`.

  spark-submit tools/spark/screen_job.py CUSTOMERS VIGIL INDEX OUTDIR [--format parquet|jsonl] [--partitions N]
                                         [--order id|input]

CUSTOMERS is a CSV with a header (plain or .gz) or Parquet, with the headers `vigil screen` reads.
The binary and the index are shipped to the executors with SparkContext.addFile, so a cluster needs
nothing installed but the binary's shared libraries (see README.md beside this file).

Output, one row per input row, ordered by customer id (ties, and `--order input`: input order; part
files sorted by name, rows in file order):
  jsonl    the lines `vigil screen --format jsonl` writes, byte for byte but for `line` below;
  parquet  input_row (0-based), id, alert, threshold, matches (the JSON array text), error, line.
An error row's `line` is the input record number + 1 (the header is line 1), which is the file's
line unless an earlier quoted field spans lines.
"""
import argparse
import collections
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

from pyspark import SparkFiles, StorageLevel, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

CORRUPT = "_corrupt_record"
# An error row ends with `"error":"line N: …","line":N}`; N counts lines of the partition's CSV.
ERROR_LINE = re.compile(r'"error":"line \d+: ')
LINE_FIELD = re.compile(r',"line":\d+}$')


def screen_partition(rows, columns, vigil_name, index_name):
    """(input_row, values) sorted by input_row -> (input_row, JSON line), through one vigil process."""
    vigil, index = SparkFiles.get(vigil_name), SparkFiles.get(index_name)
    if not os.access(vigil, os.X_OK):
        os.chmod(vigil, 0o755)
    stderr = tempfile.TemporaryFile()  # a file, not a pipe: vigil can never block on it
    # As many screening threads as the task was given (spark.task.cpus), not the host's CPU count:
    # several executors may share a node.
    context = TaskContext.get()
    threads = str(max(1, context.cpus() if context else 1))
    proc = subprocess.Popen([vigil, "screen", "-", "--index", index, "--format", "jsonl", "--input-format", "csv", "--threads", threads],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
    sent = collections.deque()  # input_row of each row written; vigil answers in the same order
    failure = []

    def feed():
        try:
            with io.TextIOWrapper(proc.stdin, encoding="utf-8", newline="") as out:
                w = csv.writer(out, lineterminator="\n")
                w.writerow(columns)
                for i, values in rows:
                    sent.append(i)  # before the write: vigil may answer before the next statement
                    raw = values[-1]
                    if raw is not None:
                        # Spark saw the wrong number of fields: hand vigil the record as read, so it
                        # reports the row the way a direct run does.
                        out.write(raw.rstrip("\r\n") + "\n")
                    else:
                        w.writerow(values[:-1])
        except BrokenPipeError:
            pass  # vigil died; its exit code tells why
        except BaseException as e:  # an input error must fail the task, not truncate it
            failure.append(e)
            proc.kill()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    produced = 0
    try:
        for raw in proc.stdout:
            if not sent:  # vigil read more records than were sent: never guess which row is which
                raise RuntimeError(f"vigil answered more rows than it was sent (after {produced})")
            i = sent.popleft()
            line = raw.decode("utf-8").rstrip("\n")
            if line.endswith("}") and '"error":"line ' in line:
                line = ERROR_LINE.sub(f'"error":"line {i + 2}: ', line, count=1)
                line = LINE_FIELD.sub(f',"line":{i + 2}}}', line)
            produced += 1
            yield i, line
        writer.join()
        code = proc.wait()
    finally:
        if proc.poll() is None:  # the task failed or was killed (a speculative copy won): no orphan
            proc.kill()
            proc.wait()
    if failure:
        raise failure[0]
    if code != 0 or sent:
        stderr.seek(0)
        tail = stderr.read().decode("utf-8", "replace")[-2000:]
        # Raising fails the task; Spark retries it (spark.task.maxFailures) on this or another executor.
        raise RuntimeError(f"vigil exited {code}, {len(sent)} rows unanswered after {produced}: {tail}")


def read_customers(spark, path, input_format):
    """All columns as strings; CSV records with the wrong field count keep their raw text in CORRUPT."""
    if input_format == "parquet" or (input_format is None and path.rstrip("/").endswith(".parquet")):
        df = spark.read.parquet(path)
        strings = [F.col(c).cast("string") for c in df.columns]  # dates as YYYY-MM-DD, as vigil reads them
        return df.columns, df.select(*strings, F.lit(None).cast("string").alias(CORRUPT))
    # RFC 4180 like vigil: "" escapes a quote, quoted fields may span lines. lineSep "\n" also ends
    # CRLF lines (vigil trims the "\r" left on the last field); left to detect it, Spark takes the
    # first line's ending for all and merges the rows of a file whose endings are mixed.
    options = dict(header=True, multiLine=True, escape='"', encoding="UTF-8", lineSep="\n")
    columns = [c.rstrip("\r") for c in spark.read.options(**options).csv(path).columns]
    schema = T.StructType([T.StructField(c, T.StringType()) for c in columns] + [T.StructField(CORRUPT, T.StringType())])
    df = spark.read.options(**options, mode="PERMISSIVE", columnNameOfCorruptRecord=CORRUPT).schema(schema).csv(path)
    return columns, df


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("customers")
    ap.add_argument("vigil", help="the vigil binary (built for the executors' OS); a path or a URI")
    ap.add_argument("index", help="the index file that binary reads, e.g. .build/release/default.vigil")
    ap.add_argument("out", help="output directory (must not exist)")
    ap.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    ap.add_argument("--partitions", type=int, default=0, help="default: spark.default.parallelism")
    ap.add_argument("--input-format", choices=["csv", "parquet"], help="default: by the name (.parquet) else csv")
    ap.add_argument("--order", choices=["id", "input"], default="id",
                    help="output order: by customer id (then input order), or the input's order")
    args = ap.parse_args(argv)

    t0 = time.monotonic()
    spark = (SparkSession.builder.appName("vigil-screen")
             # A failed partition (vigil crashed, executor lost) is retried; in local mode retries
             # need the master spelled local[N,F] instead.
             .config("spark.task.maxFailures", "4")
             .getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    started = time.monotonic()
    for path in (args.vigil, args.index):  # a local path, or a URI the cluster reads (hdfs://, s3a://)
        sc.addFile(path if "://" in path else os.path.abspath(path))
    vigil_name, index_name = os.path.basename(args.vigil), os.path.basename(args.index)

    columns, df = read_customers(spark, args.customers, args.input_format)
    rows_in = df.count()
    parts = args.partitions or sc.defaultParallelism
    parts = max(1, min(parts, rows_in))
    # Contiguous ranges of input rows per partition, each sorted: output part files are in input order.
    indexed = df.rdd.map(tuple).zipWithIndex().map(lambda t: (t[1], t[0]))
    ranged = indexed.repartitionAndSortWithinPartitions(parts, lambda i: i * parts // max(rows_in, 1))
    results = ranged.mapPartitions(lambda it: screen_partition(it, columns, vigil_name, index_name))
    if args.order == "id":
        # By the id vigil wrote (also for rows Spark could not parse). sortBy samples its input first:
        # kept, so that each partition is screened once. Part files in name order are then in
        # (id, input row) order.
        results = results.persist(StorageLevel.MEMORY_AND_DISK)
        results = results.sortBy(lambda t: (json.loads(t[1])["id"], t[0]), numPartitions=parts)

    if args.format == "jsonl":
        spark.createDataFrame(results.map(lambda t: (t[1],)), "value string").write.text(args.out)
        written = spark.read.text(args.out).select(
            F.get_json_object("value", "$.alert").cast("boolean").alias("alert"),
            F.get_json_object("value", "$.error").alias("error"))
    else:
        schema = "input_row long, id string, alert boolean, threshold double, matches string, error string, line long"
        spark.createDataFrame(results.map(to_columns), schema).write.parquet(args.out)
        written = spark.read.parquet(args.out)
    # Counted from what was written, not from the tasks, whose retries would count twice.
    rows_out, alerts, errors = written.agg(F.count("*"), F.count(F.when(F.col("alert"), 1)), F.count("error")).first()

    seconds = time.monotonic() - started
    print(f"vigil-spark: rows in {rows_in}, rows out {rows_out}, alerts {alerts}, errors {errors}, "
          f"{seconds:.1f} s ({rows_in / seconds:.0f} rows/s), {parts} partitions on {sc.master}, "
          f"spark startup {started - t0:.1f} s", flush=True)
    spark.stop()
    if rows_out != rows_in:
        print(f"vigil-spark: rows out {rows_out} != rows in {rows_in}", file=sys.stderr)
        return 1
    return 0


def to_columns(t):
    """Top-level scalars as columns; matches stay vigil's JSON text (from_json or json.loads reads it)."""
    i, line = t
    o = json.loads(line)
    # `,"matches":` with bare quotes cannot occur inside the id string, where quotes are escaped.
    start = line.index(',"matches":') + len(',"matches":')
    _, end = json.JSONDecoder().raw_decode(line, start)
    return i, o["id"], o["alert"], float(o["threshold"]), line[start:end], o.get("error"), o.get("line")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Streams a customer file of --gigabytes (default 2) through `vigil screen` and samples its memory
(issue 12: flat memory as the input grows).
  big-file.py VIGIL_BINARY [--index PATH] [--gigabytes 2] [--keep]

The file is the 1M synthetic customers (../shared/data/names) with an address column padded so the
2 GB are reached in ~1M rows (screening speed, not file size, sets the run time: ~4 min here rather
than ~2 h for 30M short rows). RSS (VmRSS) is sampled every 2 s against the input position read
from /proc; the peak (VmHWM) and the RSS at each tenth of the input are printed. Exit 1 when the
output does not have one row per input row or peak RSS is more than 1.5x the RSS at 10%."""
import argparse, gzip, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
p = argparse.ArgumentParser()
p.add_argument("binary")
p.add_argument("--index")
p.add_argument("--gigabytes", type=float, default=2.0)
p.add_argument("--customers", default=os.path.join(ROOT, "..", "shared", "data", "names", "synthetic_customers_faker40.54_1M.csv.gz"))
p.add_argument("--workdir", default="/tmp/vigil-big-file")
p.add_argument("--keep", action="store_true", help="keep the generated input and the output")
a = p.parse_args()

os.makedirs(a.workdir, exist_ok=True)
path = os.path.join(a.workdir, "customers-%.1fGB.csv" % a.gigabytes)
target = int(a.gigabytes * 1e9)
rows = 0
if not os.path.exists(path) or os.path.getsize(path) < target:
    street = "Flat 12, Building 4, 1200 Example Boulevard, Riverside District, "
    with gzip.open(a.customers, "rt", encoding="utf-8") as src, open(path + ".tmp", "w", encoding="utf-8") as out:
        header = src.readline().rstrip("\n")
        lines = src.read().splitlines()
        per_row = max(1, target // len(lines) - 60)
        pad = (street * (per_row // len(street) + 1))[:per_row].replace(",", " ")
        out.write(header + ",address\n")
        written = len(header) + 9
        i = 0
        while written < target:
            line = lines[i % len(lines)]
            if i >= len(lines):
                line = "R%d-" % (i // len(lines)) + line
            row = f'{line},"{pad}"\n'
            out.write(row)
            written += len(row.encode())
            i += 1
    os.rename(path + ".tmp", path)
size = os.path.getsize(path)
with open(path, "rb") as f:
    rows = sum(1 for _ in f) - 1
print(f"input: {path}: {size / 1e9:.2f} GB, {rows} rows")

out_path = os.path.join(a.workdir, "out.jsonl")
cmd = [a.binary, "screen", path, "--out", out_path]
if a.index:
    cmd += ["--index", a.index]
start = time.time()
proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)

def status(field):
    try:
        with open(f"/proc/{proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return None

def input_position():
    try:
        for fd in os.listdir(f"/proc/{proc.pid}/fd"):
            if os.readlink(f"/proc/{proc.pid}/fd/{fd}") == path:
                with open(f"/proc/{proc.pid}/fdinfo/{fd}") as f:
                    return int(f.readline().split()[1])
    except (FileNotFoundError, ProcessLookupError, OSError):
        pass
    return None

samples = []
peak = 0.0
while proc.poll() is None:
    rss, pos, hwm = status("VmRSS"), input_position(), status("VmHWM")
    if rss is not None and pos is not None:
        samples.append((pos / size, rss))
    if hwm:
        peak = max(peak, hwm)
    time.sleep(2)
err = proc.stderr.read()
seconds = time.time() - start
print(err.strip().splitlines()[-1] if err.strip() else "(no summary)")
with open(out_path, "rb") as f:
    out_rows = sum(1 for _ in f)
tenths = []
for t in range(1, 11):
    near = [r for (fraction, r) in samples if fraction <= t / 10]
    tenths.append(near[-1] if near else float("nan"))
print("RSS MiB at each tenth of the input: " + " ".join(f"{r:.0f}" for r in tenths))
print(f"peak RSS (VmHWM) {peak:.0f} MiB; {rows} rows in {seconds:.0f} s ({rows / seconds:.0f} rows/s, {size / seconds / 1e6:.1f} MB/s); "
      f"output rows {out_rows}")
ok = proc.returncode == 0 and out_rows == rows and peak <= 1.5 * tenths[0]
if not a.keep:
    os.remove(out_path)
sys.exit(0 if ok else 1)

#!/usr/bin/env python3
"""Load for `vigil serve` on 127.0.0.1 only, bounded in requests and time. Stdlib only.
  vigil_load.py PORT --connections N --window W --requests TOTAL --names FILE.csv[.gz]
window = requests in flight per connection (1 = unpipelined: latency percentiles are reported)."""
import argparse, csv, gzip, io, json, selectors, socket, sys, time

p = argparse.ArgumentParser()
p.add_argument("port", type=int)
p.add_argument("--connections", type=int, default=16)
p.add_argument("--window", type=int, default=1)
p.add_argument("--requests", type=int, default=20000)
p.add_argument("--seconds", type=float, default=60)
p.add_argument("--names")
p.add_argument("--op", default="screen", choices=["screen", "health"])
p.add_argument("--check", action="store_true", help="parse every response and count ok:false")
a = p.parse_args()

names = []
if a.names:
    opener = gzip.open if a.names.endswith(".gz") else open
    with opener(a.names, "rt", encoding="utf-8") as f:
        r = csv.DictReader(f)
        for row in r:
            names.append(row.get("name") or row.get("full_name") or list(row.values())[1])
            if len(names) >= 20000: break
else:
    names = ["Vladimir Vladimirovich PUTIN", "Kim Jong Un", "Jane Q Ordinary-Customer"]
lines = [json.dumps({"id": i, "op": "health"} if a.op == "health" else {"id": i, "op": "screen", "name": n}, ensure_ascii=False).encode() + b"\n" for i, n in enumerate(names)]

sel = selectors.DefaultSelector()
conns = []
for c in range(a.connections):
    s = socket.create_connection(("127.0.0.1", a.port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.setblocking(False)
    st = {"sock": s, "inflight": 0, "buf": b"", "out": b"", "sent_at": []}
    conns.append(st)
    sel.register(s, selectors.EVENT_READ, st)

sent = done = failed = 0
lat = []
start = time.perf_counter()
deadline = start + a.seconds
def fill(st):
    global sent
    now = time.perf_counter()
    while st["inflight"] < a.window and sent < a.requests:
        st["out"] += lines[sent % len(lines)]
        st["sent_at"].append(now)
        st["inflight"] += 1
        sent += 1
    if st["out"]:
        try:
            n = st["sock"].send(st["out"]); st["out"] = st["out"][n:]
        except BlockingIOError:
            pass
for st in conns: fill(st)
while done < a.requests and time.perf_counter() < deadline:
    for key, _ in sel.select(timeout=1):
        st = key.data
        try:
            chunk = st["sock"].recv(1 << 20)
        except BlockingIOError:
            continue
        if not chunk:
            sys.exit("server closed a connection")
        st["buf"] += chunk
        *complete, st["buf"] = st["buf"].split(b"\n")
        now = time.perf_counter()
        for l in complete:
            t0 = st["sent_at"].pop(0) if a.window == 1 else None
            if t0 is not None: lat.append(now - t0)
            if a.check and not json.loads(l).get("ok"): failed += 1
        st["inflight"] -= len(complete)
        done += len(complete)
        fill(st)
    for st in conns:
        if st["out"]: fill(st)
elapsed = time.perf_counter() - start
print(f"{done} responses in {elapsed:.2f} s over {a.connections} connections, window {a.window}: {done/elapsed:,.0f} screens/s" + (f", {failed} ok:false" if a.check else ""))
if lat:
    lat.sort()
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
    print(f"latency ms: p50 {pct(0.5):.2f}  p90 {pct(0.9):.2f}  p99 {pct(0.99):.2f}  max {lat[-1]*1000:.2f}")

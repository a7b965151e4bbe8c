#!/usr/bin/env python3
"""Server limits on 127.0.0.1 only (issue 12), against a `vigil serve` this script starts and stops.
  server-limits.py VIGIL_BINARY [--index PATH] [--connections 10000] [--slowloris 200] [--hogs 20]

1. Opens --connections concurrent connections (each sends one screen request, reads its answer and
   stays open), measuring the server's RSS before, with all open, and after they close.
2. With --slowloris clients trickling a byte a second into a line they never finish and --hogs
   clients pipelining requests without ever reading an answer, a normal client keeps screening:
   its latency is reported, and every slowloris client must get read_timeout and be closed.
Exit 1 when an answer is missing or wrong, or the normal client fails. Stdlib only."""
import argparse, json, os, resource, selectors, socket, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument("binary")
p.add_argument("--index")
p.add_argument("--connections", type=int, default=10000)
p.add_argument("--slowloris", type=int, default=200)
p.add_argument("--hogs", type=int, default=20)
p.add_argument("--line-timeout", type=int, default=5)
a = p.parse_args()

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
need = a.connections + a.slowloris + a.hogs + 100
if soft < need:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(need, hard), hard))
    if hard < need:
        sys.exit(f"this process needs {need} open files; the hard limit is {hard}")

def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")

cmd = [a.binary, "serve", "--port", "0", "--max-connections", str(a.connections + a.slowloris + a.hogs + 10),
       "--line-timeout", str(a.line_timeout)]
if a.index:
    cmd += ["--index", a.index]
server = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
port = None
for line in server.stderr:
    sys.stderr.write("serve: " + line)
    if line.startswith("listening on "):
        port = int(line.rsplit(":", 1)[1])
        break
if port is None:
    sys.exit("the server did not start")
failures = []

def connect():
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s

def request(s, obj):
    s.sendall(json.dumps(obj).encode() + b"\n")
    buf = b""
    while not buf.endswith(b"\n"):
        chunk = s.recv(65536)
        if not chunk:
            raise RuntimeError("connection closed before the answer")
        buf += chunk
    return json.loads(buf)

try:
    time.sleep(0.5)
    rss_start = rss_mib(server.pid)
    # 1. Many connections at once, each with one answered request, all kept open.
    t0 = time.time()
    sel = selectors.DefaultSelector()
    socks = []
    for i in range(a.connections):
        s = connect()
        s.setblocking(False)
        s.send(json.dumps({"id": i, "op": "screen", "name": "Kim Jong Un" if i % 2 else "Jane Ordinary"}).encode() + b"\n")
        state = {"id": i, "buf": b""}
        sel.register(s, selectors.EVENT_READ, state)
        socks.append(s)
    answered = 0
    deadline = time.time() + 300
    while answered < a.connections and time.time() < deadline:
        for key, _ in sel.select(timeout=1):
            st = key.data
            chunk = key.fileobj.recv(65536)
            if not chunk:
                failures.append(f"connection {st['id']} closed without an answer")
                sel.unregister(key.fileobj)
                continue
            st["buf"] += chunk
            if st["buf"].endswith(b"\n"):
                answer = json.loads(st["buf"])
                if answer.get("id") != st["id"] or not answer.get("ok"):
                    failures.append(f"connection {st['id']}: {answer}")
                answered += 1
                sel.unregister(key.fileobj)
    seconds = time.time() - t0
    rss_open = rss_mib(server.pid)
    health = request(connect(), {"op": "health"})
    print(f"{a.connections} concurrent connections: {answered} answered in {seconds:.1f} s; "
          f"server RSS {rss_start:.0f} MiB idle -> {rss_open:.0f} MiB with all open "
          f"({(rss_open - rss_start) * 1024 / a.connections:.1f} KiB per connection); health ok={health.get('ok')}")
    if answered < a.connections:
        failures.append(f"only {answered} of {a.connections} answered")
    for s in socks:
        s.close()
    time.sleep(2)
    print(f"after closing them: server RSS {rss_mib(server.pid):.0f} MiB")

    # 2. Slowloris and never-reading clients while a normal client screens.
    slow = [connect() for _ in range(a.slowloris)]
    for s in slow:
        s.sendall(b'{"op":"health"')
        s.setblocking(False)
    hogs = []
    flood = b'{"op":"screen","name":"Vladimir Vladimirovich Putin","birth_date":"1952-10-07"}\n' * 20000
    for _ in range(a.hogs):
        s = connect()
        s.setblocking(False)
        try:
            s.send(flood)
        except BlockingIOError:
            pass
        hogs.append(s)
    normal = connect()
    latencies = []
    t0 = time.time()
    timed_out = set()
    while time.time() - t0 < a.line_timeout * 3:
        for i, s in enumerate(slow):
            if i in timed_out:
                continue
            try:
                s.send(b" ")
            except (BrokenPipeError, ConnectionResetError, BlockingIOError):
                pass
            try:
                data = s.recv(65536)
                if b"read_timeout" in data:
                    timed_out.add(i)
            except BlockingIOError:
                pass
            except ConnectionResetError:
                timed_out.add(i)
        for s in hogs:  # keep pushing; the server must hold them back
            try:
                s.send(flood[:65536])
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                pass
        start = time.perf_counter()
        answer = request(normal, {"op": "screen", "name": "Vladimir Putin"})
        latencies.append((time.perf_counter() - start) * 1000)
        if not answer.get("ok"):
            failures.append(f"normal client: {answer}")
        time.sleep(0.2)
    latencies.sort()
    rss_hostile = rss_mib(server.pid)
    print(f"{a.slowloris} slowloris + {a.hogs} never-reading clients: normal client {len(latencies)} screens, "
          f"p50 {latencies[len(latencies) // 2]:.1f} ms, max {latencies[-1]:.1f} ms; "
          f"{len(timed_out)}/{a.slowloris} slowloris answered read_timeout within {a.line_timeout * 3} s; "
          f"server RSS {rss_hostile:.0f} MiB")
    if len(timed_out) < a.slowloris:
        failures.append(f"{a.slowloris - len(timed_out)} slowloris clients were not timed out")
finally:
    server.terminate()
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()

for f in failures[:20]:
    print("FAIL:", f)
sys.exit(1 if failures else 0)

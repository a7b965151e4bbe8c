#!/usr/bin/env bash
# A real full disk (issue 12): mounts a small tmpfs (needs root), then
#   1. builds an index into it over a previous index: ENOSPC is an error naming the file, the
#      previous index stays byte-identical and verifies, no temporary file is left;
#   2. screens 200,000 synthetic customers into it: ENOSPC is an error, only OUT.partial is left
#      (nothing at OUT that looks complete); after making room, --resume finishes with one row per input row.
#   tools/limits/full-disk.sh VIGIL_BINARY [INDEX]
# (The test suite covers the same paths without root via a file-size limit: CrashSafetyCLITests.)
set -euo pipefail
BIN="$(readlink -f "$1")"
INDEX="${2:-$(dirname "$BIN")/default.vigil}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "full-disk: SKIP (mounting a tmpfs needs root)"; exit 0; }
MNT="$(mktemp -d /tmp/vigil-full-disk.XXXXXX)"
WORK="$(mktemp -d /tmp/vigil-full-disk-work.XXXXXX)"
cleanup() { umount "$MNT" 2>/dev/null || true; rmdir "$MNT"; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

index_size=$(stat -c %s "$INDEX")
# Room for the previous index and half of a new one.
mount -t tmpfs -o size=$(( index_size * 3 / 2 / 1024 + 64 ))k tmpfs "$MNT"
cp "$INDEX" "$MNT/lists.vigil"
before=$(sha256sum < "$MNT/lists.vigil")
set +e
err=$("$BIN" index build --out "$MNT/lists.vigil" --data "$ROOT/data" 2>&1 >/dev/null)
status=$?
set -e
echo "index build on a full disk: exit $status: $(echo "$err" | tail -1)"
[ $status -ne 0 ] || fail "the build succeeded on a full disk"
echo "$err" | grep -q "No space left on device" || fail "no clear ENOSPC message"
[ "$(sha256sum < "$MNT/lists.vigil")" = "$before" ] || fail "the previous index changed"
"$BIN" index verify --index "$MNT/lists.vigil" >/dev/null || fail "the previous index no longer verifies"
ls "$MNT" | grep -q '\.tmp-' && fail "a temporary file was left"
echo "  previous index intact and verified, no temporary file left"
umount "$MNT"

{ zcat "$ROOT/../shared/data/names/synthetic_customers_faker40.54_1M.csv.gz" || true; } | head -200001 > "$WORK/customers.csv"
mount -t tmpfs -o size=4m tmpfs "$MNT"
set +e
err=$("$BIN" screen "$WORK/customers.csv" --index "$INDEX" --out "$MNT/out.jsonl" 2>&1 >/dev/null)
status=$?
set -e
echo "screen on a full disk: exit $status: $(echo "$err" | tail -1)"
[ $status -ne 0 ] || fail "screening succeeded on a full disk"
echo "$err" | grep -q "No space left on device" || fail "no clear ENOSPC message"
[ -e "$MNT/out.jsonl" ] && fail "a file that looks complete was left"
partial_rows=$(wc -l < "$MNT/out.jsonl.partial")
echo "  only out.jsonl.partial left ($partial_rows lines)"
mount -o remount,size=512m "$MNT"
"$BIN" screen "$WORK/customers.csv" --index "$INDEX" --out "$MNT/out.jsonl" --resume 2>&1 | tail -1
rows=$(wc -l < "$MNT/out.jsonl")
[ "$rows" = 200000 ] || fail "resumed output has $rows rows, not 200000"
"$BIN" screen "$WORK/customers.csv" --index "$INDEX" --out "$WORK/reference.jsonl" 2>/dev/null
cmp -s "$MNT/out.jsonl" "$WORK/reference.jsonl" || fail "resumed output differs from an uninterrupted run"
echo "  resumed after making room: 200000 rows, identical to an uninterrupted run"
echo "full-disk: PASS"

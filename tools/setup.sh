#!/usr/bin/env bash
# Installs what Vigil needs to build and run: ICU, LZ4, SQLite and pkg-config (Debian packages); with
# --with-test-tools also what the tests use (headless Chromium).
# Idempotent and quiet when everything is already there.
set -euo pipefail

need=()
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
have_pc icu-i18n || need+=(libicu-dev)
have_pc liblz4 || need+=(liblz4-dev)
have_pc sqlite3 || need+=(libsqlite3-dev)
# FoundationXML (UN and SEMA XML parsing) links the system libxml2 at run time.
ls /usr/lib/*/libxml2.so.2 >/dev/null 2>&1 || need+=(libxml2)
# --with-test-tools (tools/test): headless Chromium, which renders the --report page in a test.
if [ "${1:-}" = "--with-test-tools" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi

if [ ${#need[@]} -eq 0 ]; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: missing ${need[*]} and no apt-get here; install them with your package manager" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "setup: done" >&2

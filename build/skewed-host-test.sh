#!/usr/bin/env bash
# Issue 17 fault 3: a second host with its clock 5 minutes ahead (libfaketime) on the same database under load, then
# killed -9; checks its readiness names the clock, its log warns, and no order waits for the skew (nothing dated ahead,
# history in real order, every order final within 120 s). Installs Debian's faketime when missing. Last line: N passed, M failed.
# Usage: build/skewed-host-test.sh [--quick] [--no-build] [--skew +5m] [benchmark options]; --help lists them. See docs/benchmarks.md.
set -euo pipefail
if ! ls /usr/lib/*/faketime/libfaketimeMT.so.1 >/dev/null 2>&1; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "skewed-host-test.sh: installing faketime" >&2
    { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq faketime; } >/dev/null ||
        { echo "skewed-host-test.sh: apt-get install faketime failed" >&2; echo "0 passed, 1 failed"; exit 1; }
fi
. "$(dirname "$0")/lib/bench.sh"
bench_main skewed-host skewed-host-test.sh "$@"

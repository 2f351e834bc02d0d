#!/usr/bin/env bash
# Issue 17 fault 4: two hosts behind HAProxy under load with Idempotency-Key; each host in turn gets SIGTERM, is started
# again and taken back into rotation (by hand for now: docs/deployment.md). Checks every POST got an answer from a host (no 502/503/504 of HAProxy), no 500,
# every accepted order final, the invariants. HAProxy (Debian's haproxy, installed when missing) listens on 5168, the
# hosts on 5165-5166. Last line: N passed, M failed.
# Usage: build/rolling-restart-test.sh [--quick] [--no-build] [benchmark options]; --help lists them. See docs/deployment.md.
set -euo pipefail
. "$(dirname "$0")/lib/bench.sh"
bench_main rolling-restart rolling-restart-test.sh --haproxy 2 "$@"

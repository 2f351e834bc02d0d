#!/usr/bin/env bash
# Load benchmark of one host: orders/s accepted and confirmed, latencies, commits per order, peak RSS, invariants. Last line: sustained_confirmed_per_s=... completed_orders_per_s=... [ceiling_ratio=...] invariants=ok|FAILED.
# Usage: build/bench.sh [--quick] [--no-build] [benchmark options]; --help lists them. See docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/lib/bench.sh"
bench_main bench bench.sh "$@"

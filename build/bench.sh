#!/usr/bin/env bash
# Load benchmark of one host: orders/s accepted and confirmed, latencies, commits per order, peak RSS, invariants. Last line: completed_orders_per_s=... invariants=ok|FAILED.
# Usage: build/bench.sh [--quick] [--no-build] [benchmark options]; --help lists them. See docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/lib/bench.sh"
bench_main bench bench.sh "$@"

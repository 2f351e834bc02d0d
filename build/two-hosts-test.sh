#!/usr/bin/env bash
# The load split over two host processes on one database; checks no message had a double effect and reports throughput. Last line: N passed, M failed.
# Usage: build/two-hosts-test.sh [--quick] [--no-build] [benchmark options]; --help lists them. See docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/lib/bench.sh"
bench_main two-hosts two-hosts-test.sh "$@"

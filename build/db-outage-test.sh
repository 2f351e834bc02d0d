#!/usr/bin/env bash
# PostgreSQL stopped for 10 s under load: fast 503s, readiness 503, automatic recovery, nothing lost. Last line: N passed, M failed.
# Usage: build/db-outage-test.sh [--quick] [--no-build] [benchmark options]; --help lists them. See docs/benchmarks.md.
set -euo pipefail
. "$(dirname "$0")/lib/bench.sh"
bench_main db-outage db-outage-test.sh "$@"

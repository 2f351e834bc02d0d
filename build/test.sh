#!/usr/bin/env bash
# Builds the solution once and runs every test project against a private PostgreSQL cluster.
# The last line of output is always "N passed, M failed".
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: build/test.sh [--help] [--no-resilience] [-- <extra dotnet test arguments>]

Starts a private PostgreSQL cluster under .data/test-pg on a free loopback port (from 55500 up),
exports ORDERMANAGEMENT_TEST_PG, builds OrderManagement.sln (Release) once, runs each test project
(<IsTestProject>true</IsTestProject> under tests/) with results in .data/test-results/, and prints
"N passed, M failed" as the last line. Exits non-zero if the build fails, a test fails, a test run
aborts, or no test ran at all.

Then runs the short versions of the load and resilience runs (docs/benchmarks.md) on the same build:
build/bench.sh, build/crash-test.sh, build/two-hosts-test.sh, build/db-outage-test.sh,
build/skewed-host-test.sh and build/rolling-restart-test.sh (HAProxy on 5168, hosts 5165-5166), each with
--quick --no-build (about 10 minutes in all). Each counts as its checks: the benchmark as one (its
invariants), the others by their own "N passed, M failed". --no-resilience (or extra dotnet test
arguments) skips them, for a quick local run.

Examples:
  build/test.sh
  build/test.sh -- --filter "FullyQualifiedName~Ordering"

Environment:
  KEEP_DB=1           leave the test cluster running afterwards
  TEST_PARALLEL=N     test projects run at once (default: CPU count, at most 4)
  TEST_HANG_TIMEOUT   abort a test project when one test runs longer than this (default 15m; empty: off)
  OM_TEST_PG_PORT     first port to try (default 55500)
  PG_BIN              directory with initdb/pg_ctl/postgres (default: found automatically)
  CHROMIUM_PATH       browser for the console's tests (default /usr/bin/chromium; installed with apt-get when missing)
EOF
}

extra=()
resilience=true
while [ $# -gt 0 ]; do
    case $1 in
        -h | --help) usage; exit 0 ;;
        --no-resilience) resilience=false; shift ;;
        --) shift; extra=("$@"); [ $# -eq 0 ] || resilience=false; break ;;
        *) echo "test.sh: unknown argument: $1 (pass dotnet test arguments after --)" >&2; usage >&2; exit 2 ;;
    esac
done

cd "$(dirname "$0")/.."
repo=$PWD
# shellcheck source=lib/pg.sh
. build/lib/pg.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$repo/.data/test-results"
mkdir -p "$repo/.data"

# One test run per checkout at a time (they share the test cluster). Descriptor 9 is closed for every
# child that may outlive this script (dotnet build servers, the postmaster).
exec 9>"$repo/.data/test.lock"
if ! flock -n 9; then
    echo "test.sh: another test run in this checkout holds .data/test.lock; waiting" >&2
    flock 9
fi

rm -rf "$results"
mkdir -p "$results"

datadir=""
cleanup() {
    if [ -n "$datadir" ] && [ "${KEEP_DB:-0}" != 1 ]; then
        pg_stop "$datadir"
    fi
}
trap cleanup EXIT

finish() { # finish <passed> <failed> <exit code>
    cleanup
    datadir=""
    echo "$1 passed, $2 failed"
    exit "$3"
}

# --- browser for the console's tests: Debian's Chromium (Playwright's own browser download cannot work here) ---
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "test.sh: installing chromium for the console's browser tests"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd=sudo
    if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium; } \
        >"$results/chromium-install.log" 2>&1 </dev/null 9>&-; then
        echo "test.sh: could not install chromium (see .data/test-results/chromium-install.log); the browser tests will fail" >&2
    fi
fi

# --- database -------------------------------------------------------------------------------------
datadir=$(pg_resolve_datadir "$repo/.data/test-pg") || finish 0 1 1
port=""
if pg_is_running "$datadir"; then
    port=$(pg_running_port "$datadir")
    pg_ensure_cluster "$datadir" "$port" || finish 0 1 1
else
    start=${OM_TEST_PG_PORT:-55500}
    for attempt in 1 2 3; do
        port=$(pg_free_port "$start") || finish 0 1 1
        if pg_ensure_cluster "$datadir" "$port"; then
            break
        fi
        [ "$attempt" -lt 3 ] || finish 0 1 1
        start=$((port + 1))
    done
fi
export ORDERMANAGEMENT_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=50"
echo "test.sh: ORDERMANAGEMENT_TEST_PG=$ORDERMANAGEMENT_TEST_PG"

# --- build ----------------------------------------------------------------------------------------
echo "test.sh: building OrderManagement.sln (Release)"
if ! dotnet build OrderManagement.sln -c Release -nologo -v minimal </dev/null >"$results/build.log" 2>&1 9>&-; then
    echo "test.sh: BUILD FAILED; errors:" >&2
    grep -E ': error [A-Z]*[0-9]+' "$results/build.log" | sed 's/^ *//' | sort -u | head -n 60 >&2 || true
    echo "--- end of build output ($results/build.log) ---" >&2
    tail -n 25 "$results/build.log" >&2
    finish 0 1 1
fi
warnings=$(grep -cE ': warning [A-Z]*[0-9]+' "$results/build.log" || true)
echo "test.sh: build succeeded ($warnings warning lines, see .data/test-results/build.log)"

# --- tests ----------------------------------------------------------------------------------------
projects=()
while IFS= read -r p; do
    projects+=("$p")
done < <(find tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' -print0 2>/dev/null |
    xargs -0 -r grep -liE '<IsTestProject>[[:space:]]*true[[:space:]]*</IsTestProject>' | sort)

if [ "${#projects[@]}" -eq 0 ]; then
    echo "test.sh: no test projects found under tests/" >&2
    finish 0 0 1
fi

parallel=${TEST_PARALLEL:-$(nproc 2>/dev/null || echo 2)}
[ "$parallel" -gt 4 ] && [ -z "${TEST_PARALLEL:-}" ] && parallel=4
[ "$parallel" -ge 1 ] || parallel=1

hang=()
if [ -n "${TEST_HANG_TIMEOUT-15m}" ]; then
    hang=(--blame-hang-timeout "${TEST_HANG_TIMEOUT-15m}" --blame-hang-dump-type none)
fi

run_one() { # run_one <csproj> <name>
    local rc=0
    dotnet test "$1" -c Release --no-build --nologo \
        --results-directory "$results/$2" \
        --logger "trx;LogFileName=$2.trx" \
        --logger "console;verbosity=normal" \
        "${hang[@]}" "${extra[@]}" </dev/null >"$results/$2.log" 2>&1 9>&- || rc=$?
    echo "$rc" >"$results/$2.rc"
}

echo "test.sh: running ${#projects[@]} test projects, $parallel at a time"
running=0
for p in "${projects[@]}"; do
    if [ "$running" -ge "$parallel" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    run_one "$p" "$(basename "$p" .csproj)" &
    running=$((running + 1))
done
wait || true

# --- results --------------------------------------------------------------------------------------
counter() { # counter <Counters element> <attribute>
    local v
    v=$(printf '%s\n' "$1" | sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p")
    printf '%s\n' "${v:-0}"
}

total_passed=0
total_failed=0
total_executed=0
for p in "${projects[@]}"; do
    name=$(basename "$p" .csproj)
    rc=$(cat "$results/$name.rc" 2>/dev/null || echo 99)
    trx="$results/$name/$name.trx"
    passed=0 failed=0 executed=0 note=""
    if [ -f "$trx" ]; then
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
        passed=$(counter "$counters" passed)
        executed=$(counter "$counters" executed)
        failed=$(($(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted)))
    fi
    if [ "$rc" != 0 ] && [ "$failed" -eq 0 ]; then
        # The run failed without a failed test: crash, hang timeout, missing results.
        failed=1
        note=" (test run failed with exit code $rc without a failed test result)"
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_executed=$((total_executed + executed))
    echo "== $name: $passed passed, $failed failed$note"
    if [ "$failed" -gt 0 ]; then
        if [ -f "$trx" ]; then
            grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" |
                sed -n 's/.*testName="\([^"]*\)".*/   FAILED: \1/p' | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' || true
        fi
        lines=$(wc -l <"$results/$name.log")
        echo "---- output of $name (last 400 of $lines lines; full: .data/test-results/$name.log) ----"
        tail -n 400 "$results/$name.log"
        echo "---- end of $name ----"
    fi
done

# --- short load and resilience runs ----------------------------------------------------------------
# run_resilience <script>: runs build/<script> --quick --no-build; adds its checks to the totals.
run_resilience() {
    local script=$1 log="$results/${1%.sh}.log" rc=0 last passed failed
    build/"$script" --quick --no-build </dev/null >"$log" 2>&1 9>&- || rc=$?
    last=$(tail -n 1 "$log")
    if [ "$script" = bench.sh ]; then
        passed=0 failed=1
        if [ "$rc" -eq 0 ] && [[ $last == *"invariants=ok" ]]; then
            passed=1 failed=0
        fi
    else
        passed=$(printf '%s\n' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
        failed=$(printf '%s\n' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
        passed=${passed:-0} failed=${failed:-0}
        if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
            failed=1
        fi
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_executed=$((total_executed + passed + failed))
    echo "== $script --quick: $passed passed, $failed failed ($last)"
    if [ "$failed" -gt 0 ]; then
        echo "---- output of $script (last 60 lines; full: .data/test-results/${script%.sh}.log) ----"
        tail -n 60 "$log"
        echo "---- end of $script ----"
    fi
}

if [ "$resilience" = true ]; then
    echo "test.sh: short load and resilience runs (--quick)"
    for script in bench.sh crash-test.sh two-hosts-test.sh db-outage-test.sh skewed-host-test.sh rolling-restart-test.sh; do
        run_resilience "$script"
    done
fi

if [ "$total_executed" -eq 0 ] && [ "$total_failed" -eq 0 ]; then
    echo "test.sh: error: no test ran" >&2
    finish 0 0 1
fi

if [ "${KEEP_DB:-0}" = 1 ]; then
    echo "test.sh: KEEP_DB=1: the test cluster keeps running ($datadir, port $port)"
fi
if [ "$total_failed" -gt 0 ]; then
    finish "$total_passed" "$total_failed" 1
fi
finish "$total_passed" 0 0

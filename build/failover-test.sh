#!/usr/bin/env bash
# Failover under load through HAProxy: hosts and the primary PostgreSQL killed, the standby promoted, the old primary
# back as the standby; nothing accepted lost or done twice. Last line: N passed, M failed. See docs/deployment.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: build/failover-test.sh [--quick] [--no-build] [--help] [benchmark options]

Builds the host and tests/Benchmark (Release), creates a fresh pg_auto_failover formation under .data/failover/
(monitor on 127.0.0.1:55665, node1 on 55666, node2 on 55667: primary + synchronous standby), HAProxy on 5168
(statistics on 5169) in front of three hosts on 5165-5167 that the benchmark program starts, and runs
  OrderManagement.Benchmark failover --via http://127.0.0.1:5168 --hosts 3 --port 5165 ...
While orders are placed through HAProxy (closed loop; Idempotency-Key sent):
  (a) kill -9 host 0; (b) kill -9 the primary node (its pg_autoctl and postgres), so the monitor promotes the
  standby; (c) start the old primary again: it rejoins as the standby; (d) kill -9 host 1; a tail of load.
Then checks: no 500, every POST answered within 5 s, 503/502 are problem+json with Retry-After, 502 only for
requests in flight on a killed host, readiness gave a reason while not ready, and the invariants (every 202 order
exists and is final, no double authorization or reservation, stock conserved, 0 <= reserved <= onHand, no dead
letters). Prints the figures (accepted, confirmed, 503s during the switch, time to recover) and, last,
"N passed, M failed". Exit code 0 when all passed.

  --quick      shorter pauses between the steps and fewer workers (about 2 minutes after the builds)
  --no-build   use the existing Release builds
  --help       this help (and the program's options once built)
Environment: KEEP_CLUSTER=1 leaves the formation and HAProxy running afterwards. Logs: .data/failover/logs/,
.data/failover/bench/host*.log.
EOF
}

build=true args=()
for a in "$@"; do
    case $a in
        --no-build) build=false ;;
        -h | --help)
            usage
            dll="$(dirname "$0")/../tests/Benchmark/bin/Release/net10.0/OrderManagement.Benchmark.dll"
            [ -f "$dll" ] && { echo; dotnet "$dll" failover --help 2>&1 || true; }
            exit 0
            ;;
        *) args+=("$a") ;;
    esac
done

cd "$(dirname "$0")/.."
repo=$PWD
# shellcheck source=lib/pg.sh
. build/lib/pg.sh
# shellcheck source=lib/cluster.sh
. build/lib/cluster.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

MONITOR_PORT=55665
HOST_PORT=5165
LB_PORT=5168
STATS_PORT=5169

fail() { echo "failover-test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

mkdir -p "$repo/.data"
exec 8>"$repo/.data/failover.lock"
flock -n 8 || { echo "failover-test.sh: another run holds .data/failover.lock; waiting" >&2; flock 8; }

dir=$(pg_resolve_datadir "$repo/.data/failover") || fail "no data directory"
cleanup() {
    local pid
    if [ -f "$dir/bench/hosts.pid" ]; then
        while read -r pid; do
            [ -n "$pid" ] || continue
            if { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q 'OrderManagement.Host.dll'; then
                kill -9 "$pid" 2>/dev/null || true
            fi
        done <"$dir/bench/hosts.pid"
    fi
    if [ "${KEEP_CLUSTER:-0}" != 1 ]; then
        cl_haproxy_down "$dir" >/dev/null 2>&1 || true
        cl_formation_down "$dir" >/dev/null 2>&1 || true
    fi
}

cl_install 8>&- || fail "could not install the Debian packages"

host_dll="$repo/src/Host/bin/Release/net10.0/OrderManagement.Host.dll"
bench_dll="$repo/tests/Benchmark/bin/Release/net10.0/OrderManagement.Benchmark.dll"
mkdir -p "$repo/.data/failover-build"
if $build; then
    echo "failover-test.sh: building the host and the benchmark (Release)"
    log="$repo/.data/failover-build/build.log"
    if ! dotnet build src/Host/OrderManagement.Host.csproj -c Release -nologo -v quiet </dev/null >"$log" 2>&1 8>&- ||
        ! dotnet build tests/Benchmark/OrderManagement.Benchmark.csproj -c Release -nologo -v quiet </dev/null >>"$log" 2>&1 8>&-; then
        grep -E ': error ' "$log" | sort -u | head -n 20 >&2
        fail "build failed (see $log)"
    fi
fi
[ -f "$host_dll" ] && [ -f "$bench_dll" ] || fail "$host_dll or $bench_dll missing; run without --no-build"

for p in $((MONITOR_PORT + 1)) $((MONITOR_PORT + 2)) "$HOST_PORT" $((HOST_PORT + 1)) $((HOST_PORT + 2)) "$LB_PORT" "$STATS_PORT"; do
    pg_port_free "$p" || fail "port $p on 127.0.0.1 is in use (a previous run with KEEP_CLUSTER=1? stop it)"
done

# A fresh formation every run: the checks count every order in the database.
cl_haproxy_down "$dir"
cl_formation_down "$dir"
rm -rf "$dir"
trap cleanup EXIT
echo "failover-test.sh: creating the formation in $dir"
start=$SECONDS
cl_formation_up "$dir" "$MONITOR_PORT" 8>&- || fail "the formation did not start (logs in $dir/logs)"
echo "failover-test.sh: formation ready after $((SECONDS - start)) s: $(cl__nodes "$dir" | awk '{print $1 "=" $4}' | tr '\n' ' ')"
cl_haproxy_up "$dir" "$LB_PORT" "$STATS_PORT" "$HOST_PORT" $((HOST_PORT + 1)) $((HOST_PORT + 2)) 8>&- || fail "HAProxy did not start"

cs="Host=127.0.0.1:$((MONITOR_PORT + 1)),127.0.0.1:$((MONITOR_PORT + 2));Database=ordermanagement;Username=$(cl_db_user);$(cl_connection_settings)"
lib=". '$repo/build/lib/pg.sh' && . '$repo/build/lib/cluster.sh'"
kill_cmd="$lib && node=\$(cl_primary_node '$dir') && [ -n \"\$node\" ] && echo \"\$node\" > '$dir/killed-node' && cl_node_kill '$dir' \"\$node\""
rejoin_cmd="$lib && cl_node_run '$dir' \"\$(cat '$dir/killed-node')\" && cl_wait_stable '$dir' 240"

rc=0
dotnet "$bench_dll" failover --connection "$cs" --host-dll "$host_dll" --work-dir "$dir/bench" \
    --hosts 3 --port "$HOST_PORT" --via "http://127.0.0.1:$LB_PORT" \
    --db-kill-cmd "$kill_cmd" --db-rejoin-cmd "$rejoin_cmd" "${args[@]}" </dev/null 8>&- || rc=$?
exit "$rc"

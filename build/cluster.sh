#!/usr/bin/env bash
# Starts the whole system as it runs past one machine, on this machine: a pg_auto_failover formation, three hosts,
# HAProxy in front. See docs/deployment.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: build/cluster.sh [--stop] [--reset] [--no-build] [--help]

Starts, on 127.0.0.1 (for trying and testing; docs/deployment.md lays the same out on real machines):
  - a pg_auto_failover formation under .data/cluster/: the monitor on port 55660, node1 on 55661 and node2 on
    55662, one primary and one synchronous standby (synchronous_standby_names = ANY 1 (...)); when the primary
    fails the monitor promotes the standby, and a failed node that comes back rejoins as the standby;
  - three host processes (Release build) on ports 5161, 5162 and 5163, all on the same database through a
    multi-host connection string with Target Session Attributes=primary;
  - HAProxy on port 5080, sending each request to a host whose GET /health/ready answers 200 (checked every
    second; down after 2 failures, up after 2 successes); its statistics page on port 8404.
Prints the URLs and the connection string. Everything keeps running after the script ends.

Missing Debian packages (postgresql-15, postgresql-15-auto-failover, pg-auto-failover-cli, haproxy) are installed
with apt-get (as root, or through sudo). As root, PostgreSQL and pg_autoctl run as the 'postgres' OS user (they
refuse root); otherwise as the invoking user, who is then also the database superuser.

Options:
  --stop      stop HAProxy, the hosts and the formation (data is kept) and exit
  --reset     stop everything and delete .data/cluster first (a new, empty formation)
  --no-build  use the existing Release build of the host
  --help      this help

Logs: .data/cluster/logs/ (monitor.log, node1.log, node2.log, host1..3.log, haproxy.log).
Failure detection is tuned for one machine (a node is declared failed after about 5 s, promotion in about 15 s);
the defaults for real machines are in docs/deployment.md.
EOF
}

stop=false reset=false build=true
while [ $# -gt 0 ]; do
    case $1 in
        --stop) stop=true ;;
        --reset) reset=true ;;
        --no-build) build=false ;;
        -h | --help) usage; exit 0 ;;
        *) echo "cluster.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

cd "$(dirname "$0")/.."
repo=$PWD
# shellcheck source=lib/pg.sh
. build/lib/pg.sh
# shellcheck source=lib/cluster.sh
. build/lib/cluster.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

MONITOR_PORT=55660
HOST_PORTS=(5161 5162 5163)
LB_PORT=5080
STATS_PORT=8404

dir=$(pg_resolve_datadir "$repo/.data/cluster")
mkdir -p "$dir/logs"

# SIGTERM starts each host's drain (Shutdown:DrainPeriod, 5 s) and stop; wait until they have exited (at most 60 s,
# then kill -9), so the formation is stopped after them and a new start finds the ports free.
stop_hosts() {
    local pid pids=() i
    [ -f "$dir/hosts.pid" ] || return 0
    while read -r pid; do
        [ -n "$pid" ] || continue
        if { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q 'OrderManagement.Host.dll'; then
            if kill "$pid" 2>/dev/null; then pids+=("$pid"); fi
        fi
    done <"$dir/hosts.pid"
    for pid in "${pids[@]}"; do
        for i in $(seq 1 120); do
            [ -d "/proc/$pid" ] || break
            sleep 0.5
        done
        if [ -d "/proc/$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
    done
    rm -f "$dir/hosts.pid"
}

stop_all() {
    cl_haproxy_down "$dir"
    stop_hosts
    cl_formation_down "$dir"
}

if $stop; then
    stop_all
    echo "cluster.sh: stopped HAProxy, the hosts and the formation (data kept in $dir)"
    exit 0
fi
if $reset; then
    stop_all
    rm -rf "$dir"
    mkdir -p "$dir/logs"
fi

cl_install

for p in "${HOST_PORTS[@]}" "$LB_PORT" "$STATS_PORT"; do
    if ! pg_port_free "$p" && ! grep -qs . "$dir/hosts.pid"; then
        echo "cluster.sh: port $p on 127.0.0.1 is in use; stop what listens there (build/run.sh?) or build/cluster.sh --stop" >&2
        exit 1
    fi
done

host_dll="$repo/src/Host/bin/Release/net10.0/OrderManagement.Host.dll"
if $build; then
    echo "cluster.sh: building the host (Release)"
    dotnet build src/Host/OrderManagement.Host.csproj -c Release -nologo -v quiet </dev/null >"$dir/logs/build.log" 2>&1 ||
        { grep -E ': error ' "$dir/logs/build.log" | sort -u | head -n 20 >&2; echo "cluster.sh: build failed" >&2; exit 1; }
fi
[ -f "$host_dll" ] || { echo "cluster.sh: $host_dll missing; run without --no-build" >&2; exit 1; }

echo "cluster.sh: starting the pg_auto_failover formation (monitor, primary, synchronous standby)"
cl_formation_up "$dir" "$MONITOR_PORT"
user=$(cl_db_user)
cs="Host=127.0.0.1:$((MONITOR_PORT + 1)),127.0.0.1:$((MONITOR_PORT + 2));Database=ordermanagement;Username=$user;$(cl_connection_settings)"

stop_hosts
echo "cluster.sh: starting ${#HOST_PORTS[@]} hosts"
i=1
for p in "${HOST_PORTS[@]}"; do
    # A background subshell is no process-group leader, so setsid execs in place: $! is the host's pid.
    (
        cd "$(dirname "$host_dll")"
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            case $fd in 0 | 1 | 2 | *[!0-9]*) ;; *) eval "exec $fd>&-" ;; esac
        done
        export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} ASPNETCORE_URLS="http://127.0.0.1:$p"
        export ConnectionStrings__OrderManagement="$cs"
        exec setsid dotnet "$host_dll" >>"$dir/logs/host$i.log" 2>&1 </dev/null
    ) &
    echo "$!" >>"$dir/hosts.pid"
    i=$((i + 1))
done

ready=0
for p in "${HOST_PORTS[@]}"; do
    for _ in $(seq 1 240); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/health/ready" || true)" = 200 ]; then
            ready=$((ready + 1))
            break
        fi
        sleep 0.5
    done
done
[ "$ready" -eq "${#HOST_PORTS[@]}" ] || { echo "cluster.sh: only $ready of ${#HOST_PORTS[@]} hosts became ready; see $dir/logs/host*.log" >&2; exit 1; }

echo "cluster.sh: starting HAProxy on $LB_PORT"
cl_haproxy_up "$dir" "$LB_PORT" "$STATS_PORT" "${HOST_PORTS[@]}"
for _ in $(seq 1 20); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB_PORT/health/ready" || true)" = 200 ] && break
    sleep 0.5
done

cat <<EOF

The system runs:
  API (through HAProxy)   http://127.0.0.1:$LB_PORT/api/v1/...   (http://127.0.0.1:$LB_PORT/swagger in Development)
  HAProxy statistics      http://127.0.0.1:$STATS_PORT/
  hosts                   $(printf 'http://127.0.0.1:%s ' "${HOST_PORTS[@]}")
  PostgreSQL              monitor 127.0.0.1:$MONITOR_PORT, nodes 127.0.0.1:$((MONITOR_PORT + 1)) and 127.0.0.1:$((MONITOR_PORT + 2))
  connection string       $cs
$(cl_state "$dir" | sed 's/^/    /')

Try a failover: kill -9 the primary's pg_autoctl and postgres, or: pg_autoctl perform switchover --pgdata $dir/monitor
Stop everything: build/cluster.sh --stop
EOF

# shellcheck shell=bash
# Helpers for the local pg_auto_failover formation of build/cluster.sh and build/failover-test.sh.
# Source after build/lib/pg.sh; defines functions only.
#
#   cl_install                       apt-get install the Debian packages when missing
#   cl_formation_up <dir> <port>     monitor on <port>, node1 on <port>+1, node2 on <port>+2 (primary + sync standby)
#   cl_wait_stable <dir> [seconds]   until one node is primary and the other secondary (replication in sync)
#   cl_node_kill <dir> <node>        kill -9 the node's pg_autoctl and its postgres (a machine that vanishes)
#   cl_node_run <dir> <node>         start the node's pg_autoctl again (it rejoins as a standby)
#   cl_state <dir>                   pg_autoctl show state of the formation
#   cl_primary_port <dir>            port of the node the monitor names primary
#   cl_formation_down <dir>          stop every pg_autoctl (and its postgres) of the formation
#   cl_haproxy_up <dir> <port> <stats-port> <host-port>...   HAProxy in front of the hosts
#   cl_haproxy_down <dir>
#
# As root, pg_autoctl and PostgreSQL run as the 'postgres' OS user (initdb and pg_autoctl refuse root), as pg.sh
# does for the single cluster. pg_autoctl keeps its configuration and state under <dir>/xdg (XDG_CONFIG_HOME,
# XDG_DATA_HOME, XDG_RUNTIME_DIR), so the whole formation lives in <dir> and deleting it starts afresh.

cl__log() { printf '[cluster] %s\n' "$*" >&2; }

cl_install() {
    local missing=()
    command -v pg_autoctl >/dev/null 2>&1 || missing+=(pg-auto-failover-cli)
    [ -f /usr/lib/postgresql/15/lib/pgautofailover.so ] || missing+=(postgresql-15-auto-failover)
    command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
    [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
    [ "${#missing[@]}" -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { cl__log "error: missing ${missing[*]}; install them as root"; return 1; }
        sudo=(sudo)
    fi
    cl__log "installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null ||
        { cl__log "error: apt-get install ${missing[*]} failed"; return 1; }
}

cl__bindir() { printf '%s\n' /usr/lib/postgresql/15/bin; }

# The OS user that owns the formation; also the PostgreSQL superuser (initdb names it after the OS user).
cl_db_user() {
    if pg__is_root; then printf '%s\n' "$PG_OS_USER"; else id -un; fi
}

# cl__as_owner <dir> <command...>: as the owner, with pg_autoctl's state under <dir>/xdg.
cl__as_owner() {
    local dir=$1
    shift
    pg__as_owner env XDG_CONFIG_HOME="$dir/xdg/config" XDG_DATA_HOME="$dir/xdg/data" XDG_RUNTIME_DIR="$dir/xdg/run" \
        PATH="$(cl__bindir):$PATH" PG_CONFIG=/usr/bin/pg_config "$@"
}

cl__prepare() {
    local dir=$1
    mkdir -p "$dir/xdg/config" "$dir/xdg/data" "$dir/xdg/run" "$dir/logs"
    chmod 700 "$dir/xdg/run"
    if pg__is_root; then
        chmod go+x "$(dirname "$dir")" 2>/dev/null || true
        chown "$PG_OS_USER": "$dir" "$dir/xdg" "$dir/xdg/config" "$dir/xdg/data" "$dir/xdg/run" "$dir/logs"
    fi
}

# The connection settings that matter on failover (docs/deployment.md): a primary only, a short connect timeout per
# node, host states rechecked every 2 s, statements bounded, a pool sized so three hosts stay under max_connections.
cl_connection_settings() {
    printf '%s\n' 'Target Session Attributes=primary;Timeout=3;Command Timeout=5;Host Recheck Seconds=2;Maximum Pool Size=100'
}

cl__monitor_uri() { printf 'postgres://autoctl_node@127.0.0.1:%s/pg_auto_failover?sslmode=disable\n' "$1"; }

# cl__start <dir> <name>: pg_autoctl run in the background (its own session, so a kill of ours leaves it alone).
cl__start() {
    local dir=$1 name=$2
    if cl__running "$dir" "$name"; then
        return 0
    fi
    (
        local fd
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            case $fd in 0 | 1 | 2 | *[!0-9]*) ;; *) eval "exec $fd>&-" ;; esac
        done
        cd /
        local run=(env XDG_CONFIG_HOME="$dir/xdg/config" XDG_DATA_HOME="$dir/xdg/data" XDG_RUNTIME_DIR="$dir/xdg/run"
            PATH="$(cl__bindir):$PATH" PG_CONFIG=/usr/bin/pg_config pg_autoctl run --pgdata "$dir/$name")
        if pg__is_root; then
            run=(runuser -u "$PG_OS_USER" -- "${run[@]}")
        fi
        exec setsid -f "${run[@]}" >>"$dir/logs/$name.log" 2>&1 </dev/null
    )
}

# pid of the node's 'pg_autoctl run' (from its pid file), if it runs.
cl__pid() {
    local dir=$1 name=$2 f pid
    for f in "$dir"/xdg/run/pg_autoctl/"${dir#/}"/"$name"/pg_autoctl.pid "$dir"/xdg/run/pg_autoctl"$dir/$name"/pg_autoctl.pid; do
        [ -r "$f" ] || continue
        pid=$(head -n1 "$f")
        if [ -n "$pid" ] && { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q 'pg_autoctl'; then
            printf '%s\n' "$pid"
            return 0
        fi
    done
    return 1
}

cl__running() { cl__pid "$1" "$2" >/dev/null; }

cl_formation_up() {
    local dir=$1 port=$2 user
    user=$(cl_db_user)
    cl__prepare "$dir"
    local monitor_uri
    monitor_uri=$(cl__monitor_uri "$port")

    if [ ! -s "$dir/monitor/PG_VERSION" ]; then
        cl__log "creating the monitor on 127.0.0.1:$port"
        cl__as_owner "$dir" pg_autoctl create monitor --pgdata "$dir/monitor" --pgport "$port" --hostname 127.0.0.1 \
            --auth trust --no-ssl --pgctl "$(cl__bindir)/pg_ctl" >>"$dir/logs/monitor.log" 2>&1 ||
            { tail -n 20 "$dir/logs/monitor.log" >&2; return 1; }
    fi
    cl__start "$dir" monitor
    pg__wait_ready "$port" || { cl__log "error: the monitor does not answer on $port; see $dir/logs/monitor.log"; return 1; }
    # Failure detection tuned for a demonstration on one machine: a node is declared failed after ~6 s instead of
    # the default ~20-30 s. docs/deployment.md explains the defaults on real machines.
    pg_psql "$port" -U "$user" -d pg_auto_failover -c "ALTER SYSTEM SET pgautofailover.health_check_period = 1000" \
        -c "ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000" \
        -c "ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1" \
        -c "ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500" \
        -c "ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 5000" \
        -c "ALTER SYSTEM SET pgautofailover.primary_demote_timeout = 5000" \
        -c "SELECT pg_reload_conf()" >/dev/null 2>&1 || cl__log "warning: could not tune the monitor's health checks"

    local i name nport
    for i in 1 2; do
        name=node$i
        nport=$((port + i))
        if [ ! -s "$dir/$name/PG_VERSION" ]; then
            cl__log "creating $name on 127.0.0.1:$nport ($([ "$i" = 1 ] && echo 'the first node: primary' || echo 'copied from the primary: synchronous standby'))"
            cl__as_owner "$dir" pg_autoctl create postgres --pgdata "$dir/$name" --pgport "$nport" --hostname 127.0.0.1 \
                --name "$name" --dbname ordermanagement --monitor "$monitor_uri" --auth trust --no-ssl \
                --pgctl "$(cl__bindir)/pg_ctl" >>"$dir/logs/$name.log" 2>&1 ||
                { tail -n 20 "$dir/logs/$name.log" >&2; return 1; }
            cl__tune_node "$dir/$name" "$nport"
            # A primary cut off from the monitor and the standby demotes itself after this; it must stay below the
            # monitor's primary_demote_timeout, or two primaries could accept writes.
            cl__as_owner "$dir" pg_autoctl config set --pgdata "$dir/$name" timeout.network_partition_timeout 3 >/dev/null
        fi
        cl__start "$dir" "$name"
        if [ "$i" = 1 ]; then
            cl_wait_state "$dir" 120 node1 'single|primary|wait_primary' || return 1
        fi
    done
    cl_wait_stable "$dir" 180
}

# Settings of our own on every node, in a file pg_autoctl leaves alone.
cl__tune_node() {
    local pgdata=$1 port=$2
    local conf="$pgdata/ordermanagement.conf"
    cat >"$conf" <<EOF
# Written by build/lib/cluster.sh when the node was created.
max_connections = 400
shared_buffers = 128MB
listen_addresses = '127.0.0.1'
EOF
    grep -q "^include_if_exists = 'ordermanagement.conf'" "$pgdata/postgresql.conf" ||
        printf "\ninclude_if_exists = 'ordermanagement.conf'\n" >>"$pgdata/postgresql.conf"
    if pg__is_root; then chown "$PG_OS_USER": "$conf"; fi
}

cl_state() {
    local dir=$1
    cl__as_owner "$dir" pg_autoctl show state --pgdata "$dir/monitor" 2>/dev/null
}

# "name port reported assigned" per node, straight from the monitor's table (faster than pg_autoctl show state).
cl__nodes() {
    local dir=$1 port
    port=$(pg_running_port "$dir/monitor" 2>/dev/null) || return 1
    pg_psql "$port" -U "$(cl_db_user)" -d pg_auto_failover -tA -F ' ' \
        -c "SELECT nodename, nodeport, reportedstate, goalstate FROM pgautofailover.node ORDER BY nodeid" 2>/dev/null
}

# cl_wait_state <dir> <seconds> <node> <regex of the state, reported and assigned>
cl_wait_state() {
    local dir=$1 seconds=$2 node=$3 want=$4 deadline=$((SECONDS + $2))
    while [ "$SECONDS" -lt "$deadline" ]; do
        if cl__nodes "$dir" | awk -v n="$node" '$1 == n {print $3, $4}' | grep -Eq "^($want) ($want)$"; then
            return 0
        fi
        sleep 0.5
    done
    cl__log "error: $node did not reach '$want' within $seconds s:"
    cl_state "$dir" >&2
    return 1
}

# One primary and one secondary, both reported and assigned (synchronous replication running).
cl_wait_stable() {
    local dir=$1 deadline=$((SECONDS + ${2:-180})) states
    while [ "$SECONDS" -lt "$deadline" ]; do
        states=$(cl__nodes "$dir" | awk '{print $3 "/" $4}' | sort | tr '\n' ' ')
        if [ "$states" = "primary/primary secondary/secondary " ]; then
            return 0
        fi
        sleep 0.5
    done
    cl__log "error: the formation is not primary + secondary after ${2:-180} s:"
    cl_state "$dir" >&2
    return 1
}

# Name and port of the node the monitor assigns the primary role (empty during a failover).
cl_primary_node() {
    cl__nodes "$1" | awk '$4 ~ /^(primary|wait_primary|single)$/ {print $1; exit}'
}

cl_primary_port() {
    cl__nodes "$1" | awk '$4 ~ /^(primary|wait_primary|single)$/ {print $2; exit}'
}

# kill -9 the node's pg_autoctl, its children and its postmaster: the node vanishes as a crashed machine would.
cl_node_kill() {
    local dir=$1 name=$2 pid post pids=()
    if pid=$(cl__pid "$dir" "$name"); then
        pids+=("$pid")
        local child
        for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do pids+=("$child"); done
    fi
    if [ -r "$dir/$name/postmaster.pid" ]; then
        post=$(head -n1 "$dir/$name/postmaster.pid")
        [ -n "$post" ] && [ -d "/proc/$post" ] && pids+=("$post")
    fi
    [ "${#pids[@]}" -gt 0 ] || { cl__log "$name is not running"; return 1; }
    kill -9 "${pids[@]}" 2>/dev/null || true
    cl__log "kill -9 $name (pids ${pids[*]})"
}

cl_node_run() {
    local dir=$1 name=$2
    cl__start "$dir" "$name"
}

cl_formation_down() {
    local dir=$1 name pid
    for name in node2 node1 monitor; do
        [ -d "$dir/$name" ] || continue
        if pid=$(cl__pid "$dir" "$name"); then
            cl__as_owner "$dir" pg_autoctl stop --pgdata "$dir/$name" >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
            local i
            for i in $(seq 1 60); do
                [ -d "/proc/$pid" ] || break
                sleep 0.5
            done
        fi
        pg_stop "$dir/$name" >/dev/null 2>&1 || true
    done
}

# cl_haproxy_up <dir> <port> <stats-port> <host-port>...: HTTP load balancing over the hosts, a host in rotation
# only while GET /health/ready answers 200; its own errors are problem+json with Retry-After.
cl_haproxy_up() {
    local dir=$1 port=$2 stats=$3
    shift 3
    mkdir -p "$dir/haproxy"
    cl__errorfile "$dir/haproxy/503.http" 503 "Service Unavailable" "service-unavailable" \
        "No host is ready to take the request (starting, or the database is switching over). Retry after the given seconds; with the same Idempotency-Key a repeat is safe."
    cl__errorfile "$dir/haproxy/502.http" 502 "Bad Gateway" "bad-gateway" \
        "The host handling the request went away before answering, so the outcome is unknown. Retry after the given seconds with the same Idempotency-Key: a repeat is safe."
    cl__errorfile "$dir/haproxy/504.http" 504 "Gateway Timeout" "gateway-timeout" \
        "The host did not answer in time, so the outcome is unknown. Retry after the given seconds with the same Idempotency-Key: a repeat is safe."
    cl__problem 400 "Bad Request" "malformed-request" >"$dir/haproxy/host-400.json" \
        "The request is not valid HTTP (a NUL or control character in the path, or bad header bytes). Nothing was done; fix the request before sending it again."
    cl__problem 431 "Request Header Fields Too Large" "headers-too-large" >"$dir/haproxy/host-431.json" \
        "The request's headers are larger than the host accepts (32 KB in all). Nothing was done; send smaller headers."
    {
        cat <<EOF
# Written by build/lib/cluster.sh; docs/deployment.md explains each setting.
global
    maxconn 4096
    pidfile $dir/haproxy/haproxy.pid

defaults
    mode http
    option httplog
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s
    retries 2
    option redispatch 1
    # A request a killed or stopping host took but never answered is sent again to another host (L7 retry), but only
    # when a repeat is safe: an idempotent method (RFC 9110 9.2.2) or a POST with an Idempotency-Key. Without this,
    # HAProxy closes a keep-alive client connection without an answer (so the client retries on its own).
    option http-buffer-request
    retry-on conn-failure empty-response
    errorfile 502 $dir/haproxy/502.http
    errorfile 503 $dir/haproxy/503.http
    errorfile 504 $dir/haproxy/504.http

frontend oms
    bind 127.0.0.1:$port
    acl safe_to_repeat method GET HEAD PUT DELETE OPTIONS
    acl safe_to_repeat req.hdr(Idempotency-Key) -m found
    http-request disable-l7-retry unless safe_to_repeat
    default_backend hosts

backend hosts
    balance leastconn
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    http-response set-header X-Served-By %[srv_name]
    # Kestrel refuses some requests before any middleware runs (a %00 in the path, bad header bytes) with an empty
    # 400 or 431 it cannot be made to fill; give those the problem shape of every other error.
    http-response return status 400 content-type application/problem+json file $dir/haproxy/host-400.json if { status 400 } { res.hdr(content-length) -m str 0 }
    http-response return status 431 content-type application/problem+json file $dir/haproxy/host-431.json if { status 431 } { res.hdr(content-length) -m str 0 }
EOF
        local i=1 p
        for p in "$@"; do
            echo "    server host$i 127.0.0.1:$p check"
            i=$((i + 1))
        done
        cat <<EOF

frontend stats
    bind 127.0.0.1:$stats
    stats enable
    stats uri /
    stats refresh 2s
EOF
    } >"$dir/haproxy/haproxy.cfg"
    cl_haproxy_down "$dir"
    haproxy -c -q -f "$dir/haproxy/haproxy.cfg" || { cl__log "error: haproxy rejects $dir/haproxy/haproxy.cfg"; return 1; }
    haproxy -D -f "$dir/haproxy/haproxy.cfg" </dev/null >>"$dir/logs/haproxy.log" 2>&1 ||
        { cl__log "error: haproxy did not start; see $dir/logs/haproxy.log"; return 1; }
}

# cl__problem <status> <title> <type> <detail>: prints an RFC 9457 problem+json body.
cl__problem() {
    printf '{"type":"https://ordermanagement.example/problems/%s","title":"%s","status":%s,"detail":"%s"}' "$3" "$2" "$1" "$4"
}

# cl__errorfile <file> <status> <reason> <type> <detail>: the raw HTTP response HAProxy sends for its own 502/503/504,
# a problem+json body with Retry-After.
cl__errorfile() {
    local file=$1 status=$2 reason=$3 body
    body=$(cl__problem "$status" "$reason" "$4" "$5")
    printf 'HTTP/1.1 %s %s\r\nContent-Type: application/problem+json\r\nRetry-After: 2\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: %s\r\n\r\n%s' \
        "$status" "$reason" "${#body}" "$body" >"$file"
}

cl_haproxy_down() {
    local dir=$1 pid
    [ -r "$dir/haproxy/haproxy.pid" ] || return 0
    while read -r pid; do
        if [ -n "$pid" ] && { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q "$dir/haproxy/haproxy.cfg"; then
            kill "$pid" 2>/dev/null || true
        fi
    done <"$dir/haproxy/haproxy.pid"
    rm -f "$dir/haproxy/haproxy.pid"
}

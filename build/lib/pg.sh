# shellcheck shell=bash
# Helpers for a private, throw-away PostgreSQL cluster used by build/run.sh and build/test.sh.
# Source this file; it defines functions only and changes no shell options.
#
#   pg_bindir [datadir]              directory holding initdb/pg_ctl/psql (PG_BIN overrides)
#   pg_resolve_datadir <datadir>     the datadir to use: <datadir> itself, or (as root, when the
#                                    'postgres' user cannot reach it) /tmp/ordermanagement-pg-<hash>-<name>
#   pg_ensure_installed              install Debian's postgresql-15 when no server binaries are found
#   pg_ensure_cluster <datadir> <port>   initdb if needed, start on 127.0.0.1:<port>, wait until ready;
#                                    fails (never restarts) when the cluster already runs on another port
#   pg_stop <datadir>                stop the cluster if it runs (quiet, always succeeds)
#   pg_is_running <datadir>          exit 0 when the cluster's postmaster runs
#   pg_running_port <datadir>        port of the running cluster (from postmaster.pid)
#   pg_port_free <port>              exit 0 when nothing listens on 127.0.0.1:<port>
#   addr_port_free <host> <port>     exit 0 when a listener on <host>:<port> would not clash with one already there
#                                    (the same address, or either side on a wildcard: 0.0.0.0, [::], *, +, localhost)
#   pg_free_port [start]             first free loopback port from <start> (default 55500) upward
#   pg_psql <port> [psql args...]    psql as superuser 'postgres' over TCP (no psqlrc)
#
# As root the server runs as the 'postgres' OS user (initdb refuses root) and the datadir belongs to it;
# otherwise everything runs as the invoking user. The superuser role is always named 'postgres',
# authentication is 'trust', and the server listens on 127.0.0.1 only.

PG_OS_USER=${PG_OS_USER:-postgres}

pg__log() { printf '[pg] %s\n' "$*" >&2; }

pg__is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the cluster's OS owner, from '/', with no inherited descriptors beyond 0-2
# (a started postmaster must not keep the caller's pipes or lock files open).
pg__as_owner() {
    (
        cd /
        local fd
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            case $fd in 0 | 1 | 2 | *[!0-9]*) ;; *) eval "exec $fd>&-" ;; esac
        done
        if pg__is_root; then
            exec runuser -u "$PG_OS_USER" -- "$@"
        else
            exec "$@"
        fi
    )
}

# Candidate bin directories, preferred first: $PG_BIN, the one on PATH, then versioned install dirs
# (newest version first).
pg__bindir_candidates() {
    if [ -n "${PG_BIN:-}" ]; then
        printf '%s\n' "$PG_BIN"
    fi
    local initdb
    if initdb=$(command -v initdb 2>/dev/null); then
        dirname "$(readlink -f "$initdb")"
    fi
    local d
    for d in /usr/lib/postgresql/*/bin /usr/pgsql-*/bin /usr/local/pgsql/bin /opt/homebrew/opt/postgresql@*/bin /usr/local/opt/postgresql@*/bin; do
        [ -d "$d" ] && printf '%s\n' "$d"
    done | sort -V -r
    if command -v pg_config >/dev/null 2>&1; then
        pg_config --bindir 2>/dev/null || true
    fi
}

pg__bindir_version() {
    # "initdb (PostgreSQL) 15.13" -> 15
    "$1/initdb" --version 2>/dev/null | sed -n 's/.*(PostgreSQL) \([0-9][0-9]*\).*/\1/p' | head -n1
}

# pg_bindir [datadir]: a bin dir with initdb, pg_ctl and psql. When datadir already holds a cluster,
# the bin dir of the same major version wins (a cluster cannot be started by another major version).
pg_bindir() {
    local datadir=${1:-} want="" d first=""
    if [ -n "$datadir" ] && [ -r "$datadir/PG_VERSION" ]; then
        want=$(head -n1 "$datadir/PG_VERSION" 2>/dev/null || true)
    fi
    while IFS= read -r d; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] || continue
        if [ -z "$want" ]; then
            printf '%s\n' "$d"
            return 0
        fi
        [ -n "$first" ] || first=$d
        if [ "$(pg__bindir_version "$d")" = "$want" ]; then
            printf '%s\n' "$d"
            return 0
        fi
    done < <(pg__bindir_candidates | awk '!seen[$0]++')
    if [ -n "$first" ]; then
        pg__log "warning: $datadir was created by PostgreSQL $want, but only $(pg__bindir_version "$first") is installed;" \
            "delete $datadir to recreate it"
        printf '%s\n' "$first"
        return 0
    fi
    pg__log "error: PostgreSQL server binaries (initdb, pg_ctl, postgres) not found."
    pg__log "       Install them (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN=/path/to/bin."
    return 1
}

# pg_ensure_installed: the server binaries, from Debian's postgresql-15 when missing (needs root and apt-get).
pg_ensure_installed() {
    pg_bindir >/dev/null 2>&1 && return 0
    if pg__is_root && command -v apt-get >/dev/null 2>&1; then
        pg__log "PostgreSQL server binaries not found; installing postgresql-15 (apt-get)"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null || return 1
    fi
    pg_bindir >/dev/null
}

# psql/pg_isready may live in the server's bin dir or only on PATH (Debian wrappers).
pg__client() {
    local name=$1 bindir=${2:-}
    if [ -n "$bindir" ] && [ -x "$bindir/$name" ]; then
        printf '%s\n' "$bindir/$name"
    elif [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/$name" ]; then
        printf '%s\n' "$PG_BIN/$name"
    else
        local d
        if d=$(pg_bindir 2>/dev/null) && [ -x "$d/$name" ]; then
            printf '%s\n' "$d/$name"
        elif command -v "$name" >/dev/null 2>&1; then
            command -v "$name"
        else
            pg__log "error: $name not found"
            return 1
        fi
    fi
}

pg__abspath() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$PWD" "$1" ;;
    esac
}

# pg_resolve_datadir <datadir>: prints the datadir to use. As root the 'postgres' user must be able to
# traverse the parent directory; if it cannot (e.g. the repo lives under /root), a stable directory in
# /tmp derived from the requested path is used instead, and a note says so on stderr.
pg_resolve_datadir() {
    local want parent
    want=$(pg__abspath "$1")
    parent=$(dirname "$want")
    if ! pg__is_root; then
        printf '%s\n' "$want"
        return 0
    fi
    if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
        pg__log "error: running as root needs an OS user '$PG_OS_USER' to run PostgreSQL (initdb refuses root)."
        pg__log "       Create it (useradd --system $PG_OS_USER) or run as a normal user."
        return 1
    fi
    mkdir -p "$parent"
    # The parent (e.g. <repo>/.data) is ours and git-ignored: let other users pass through it.
    chmod go+x "$parent" 2>/dev/null || true
    if (cd / && runuser -u "$PG_OS_USER" -- test -x "$parent") 2>/dev/null; then
        printf '%s\n' "$want"
        return 0
    fi
    local hash alt
    hash=$(printf '%s' "$want" | sha256sum | cut -c1-12)
    alt="${TMPDIR_PG:-/tmp}/ordermanagement-pg-$hash-$(basename "$want")"
    pg__log "note: user '$PG_OS_USER' cannot reach $parent; the cluster lives in $alt instead"
    printf '%s\n' "$alt"
}

pg__prepare_datadir() {
    local datadir=$1
    if [ ! -d "$datadir" ]; then
        mkdir -p "$datadir"
    fi
    if pg__is_root; then
        local owner
        owner=$(stat -c %U "$datadir")
        if [ "$owner" != "$PG_OS_USER" ]; then
            case $datadir in
                /tmp/*)
                    # Only adopt a /tmp directory that root or nobody else prepared.
                    if [ "$owner" != root ]; then
                        pg__log "error: $datadir is owned by '$owner'; remove it and retry"
                        return 1
                    fi
                    ;;
            esac
            chown -R "$PG_OS_USER": "$datadir"
        fi
    fi
    chmod 700 "$datadir"
}

pg__socket_dir_for() {
    # Unix socket paths are limited to 107 bytes; with a deep checkout use TCP only.
    local datadir=$1 port=$2
    local sock="$datadir/.s.PGSQL.$port"
    if [ "${#sock}" -le 100 ]; then
        printf '%s\n' "$datadir"
    else
        printf '\n'
    fi
}

pg__write_conf() {
    local datadir=$1 port=$2 sockdir
    sockdir=$(pg__socket_dir_for "$datadir" "$port")
    local conf="$datadir/ordermanagement.conf" tmp
    tmp=$(mktemp)
    cat >"$tmp" <<EOF
# Written by build/lib/pg.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
full_page_writes = on
EOF
    if ! grep -q "^include_if_exists = 'ordermanagement.conf'" "$datadir/postgresql.conf"; then
        printf "\n# Local settings for this private cluster\ninclude_if_exists = 'ordermanagement.conf'\n" \
            >>"$datadir/postgresql.conf"
    fi
    mv -f "$tmp" "$conf"
    chmod 600 "$conf"
    if pg__is_root; then chown "$PG_OS_USER": "$conf"; fi
}

pg_is_running() {
    local datadir=$1 bindir
    [ -f "$datadir/postmaster.pid" ] || return 1
    bindir=$(pg_bindir "$datadir") || return 1
    pg__as_owner "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1
}

pg_running_port() {
    local datadir=$1
    [ -r "$datadir/postmaster.pid" ] || return 1
    sed -n 4p "$datadir/postmaster.pid"
}

pg_port_free() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] || return 1
    fi
    # Something answering on the port (also covers systems without ss).
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 1
    fi
    return 0
}

addr_port_free() {
    local host=$1 port=$2 listening
    case $host in
        0.0.0.0 | '[::]' | '*' | + | localhost | '') pg_port_free "$port"; return ;;
    esac
    command -v ss >/dev/null 2>&1 || { pg_port_free "$port"; return; }
    for listening in $(ss -Hltn "sport = :$port" 2>/dev/null | awk '{print $4}'); do
        listening=${listening%:*}
        case $listening in
            "$host" | 0.0.0.0 | '[::]' | '*' | '[::ffff:0.0.0.0]') return 1 ;;
        esac
    done
    return 0
}

pg_free_port() {
    local port=${1:-55500} last
    last=$((port + 200))
    while [ "$port" -le "$last" ]; do
        if pg_port_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
        port=$((port + 1))
    done
    pg__log "error: no free port between ${1:-55500} and $last"
    return 1
}

pg_psql() {
    local port=$1 psql
    shift
    psql=$(pg__client psql) || return 1
    PGCONNECT_TIMEOUT=10 "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

pg__wait_ready() {
    local port=$1 isready i
    isready=$(pg__client pg_isready) || return 1
    for i in $(seq 1 60); do
        if "$isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

# pg_ensure_cluster <datadir> <port>
pg_ensure_cluster() {
    local datadir port bindir
    datadir=$(pg__abspath "$1")
    port=$2
    bindir=$(pg_bindir "$datadir") || return 1

    if [ ! -s "$datadir/PG_VERSION" ]; then
        if [ -d "$datadir" ] && [ -n "$(ls -A "$datadir" 2>/dev/null)" ]; then
            pg__log "error: $datadir exists, is not empty and holds no cluster; remove it and retry"
            return 1
        fi
        pg__prepare_datadir "$datadir" || return 1
        pg__log "creating cluster in $datadir ($("$bindir/postgres" --version))"
        local initlog
        initlog=$(mktemp)
        if ! pg__as_owner "$bindir/initdb" -D "$datadir" -A trust -U postgres \
            --encoding=UTF8 --no-locale >"$initlog" 2>&1; then
            cat "$initlog" >&2
            rm -f "$initlog"
            pg__log "error: initdb failed"
            return 1
        fi
        rm -f "$initlog"
    else
        pg__prepare_datadir "$datadir" || return 1
    fi

    if pg_is_running "$datadir"; then
        local running
        running=$(pg_running_port "$datadir" || true)
        if [ "$running" = "$port" ]; then
            pg__wait_ready "$port" && return 0
            pg__log "error: the cluster in $datadir runs but does not accept connections on port $port"
            return 1
        fi
        # Someone may be using it there: never move it behind their back.
        pg__log "error: the cluster in $datadir already runs on port $running, not $port; use that port or stop it first"
        return 1
    fi

    if ! pg_port_free "$port"; then
        pg__log "error: port $port on 127.0.0.1 is already in use (another PostgreSQL or checkout?)"
        return 1
    fi

    pg__write_conf "$datadir" "$port"
    local logfile="$datadir/server.log"
    if ! pg__as_owner "$bindir/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 start >/dev/null 2>&1; then
        pg__log "error: PostgreSQL did not start; end of $logfile:"
        tail -n 30 "$logfile" >&2 2>/dev/null || true
        return 1
    fi
    if ! pg__wait_ready "$port"; then
        pg__log "error: PostgreSQL started but is not ready on 127.0.0.1:$port; see $logfile"
        return 1
    fi
    pg__log "PostgreSQL $(pg__bindir_version "$bindir") running on 127.0.0.1:$port (data: $datadir, log: $logfile)"
}

# pg_stop <datadir>: stops the cluster if it runs; never fails.
pg_stop() {
    local datadir bindir
    datadir=$(pg__abspath "$1")
    [ -f "$datadir/postmaster.pid" ] || return 0
    bindir=$(pg_bindir "$datadir" 2>/dev/null) || return 0
    pg__as_owner "$bindir/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

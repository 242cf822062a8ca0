#!/usr/bin/env bash
# A private PostgreSQL cluster for development and CI: its own data directory, listening on
# 127.0.0.1 only, trust authentication for the local user "postgres". Not for production.
#
#   scripts/pg-dev.sh start    initialise (first time) and start; prints the DATABASE_URL
#   scripts/pg-dev.sh stop     stop it (data stays)
#   scripts/pg-dev.sh status   running or not
#   scripts/pg-dev.sh url      print the DATABASE_URL
#   scripts/pg-dev.sh destroy  stop it and delete its data directory
#
# Settings (environment): BN_PG_DIR (default /tmp/bn-dev-pg), BN_PG_PORT (default 55432).
# Needs Debian's PostgreSQL server binaries (apt-get install -y postgresql). Run as root (the server
# then runs as the system user "postgres") or as any other non-root user (the server runs as you).
set -euo pipefail

PG_DIR="${BN_PG_DIR:-/tmp/bn-dev-pg}"
PG_PORT="${BN_PG_PORT:-55432}"
DATA="$PG_DIR/data"
LOG="$PG_DIR/postgres.log"
URL="postgres://postgres@127.0.0.1:${PG_PORT}/postgres"

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2
  return 1
}

# Runs a command as the cluster's owner: "postgres" when we are root, else ourselves.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    # runuser needs no password and no tty; su is the fallback.
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

start() {
  local bin
  bin="$(find_bin)"
  mkdir -p "$PG_DIR"
  if [[ "$(id -u)" == 0 ]]; then chown postgres: "$PG_DIR"; fi
  chmod 700 "$PG_DIR"
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    as_owner "$bin/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
      cat "$PG_DIR/initdb.log" >&2
      return 1
    }
  fi
  if as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    echo "PostgreSQL already running: $URL"
    return 0
  fi
  # fsync off and friends: a throw-away cluster, speed over durability.
  as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || {
    echo "PostgreSQL did not start; log:" >&2
    tail -n 30 "$LOG" >&2 || true
    return 1
  }
  echo "PostgreSQL running: $URL"
}

stop() {
  local bin
  bin="$(find_bin)"
  if [[ -f "$DATA/PG_VERSION" ]] && as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    echo "PostgreSQL stopped"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status)
    bin="$(find_bin)"
    if [[ -f "$DATA/PG_VERSION" ]] && as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      echo "running: $URL"
    else
      echo "not running"
      exit 3
    fi
    ;;
  url) echo "$URL" ;;
  destroy)
    stop
    rm -rf "$PG_DIR"
    echo "removed $PG_DIR"
    ;;
  *)
    echo "usage: $0 start|stop|status|url|destroy" >&2
    exit 2
    ;;
esac

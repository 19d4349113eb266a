#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and local work: loopback only, its own temporary folder, a free port,
# run as an unprivileged user (initdb refuses root). Never touches a packaged "main" cluster.
#   scripts/pg-server.sh start DIR   → prints the admin URL (postgresql://mc@127.0.0.1:PORT/postgres)
#   scripts/pg-server.sh standby DIR → starts a streaming standby of it (DIR/standby), prints the standby's admin URL
#   scripts/pg-server.sh stop DIR    → stops them and removes DIR
# Trust authentication is acceptable only because it listens on 127.0.0.1 and dies with DIR; the fsync/
# synchronous_commit settings trade durability for test speed and must never be copied into a deployment.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?folder}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[[ -x ${pg_bin:-/nonexistent}/initdb ]] || { echo "PostgreSQL not installed (apt-get install postgresql)" >&2; exit 1; }
as=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  as=(runuser -u postgres --)
fi
case $cmd in
  start)
    # Only an empty or new folder: it is handed to the server's user and removed by `stop` (marked by .mc-pg-server).
    if [[ -e $dir ]] && [[ -n $(ls -A "$dir") ]]; then echo "refusing $dir: not empty" >&2; exit 1; fi
    mkdir -p "$dir"; touch "$dir/.mc-pg-server"; [[ ${#as[@]} -gt 0 ]] && chown postgres "$dir"
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    "${as[@]}" "$pg_bin/initdb" -D "$dir/data" -U mc --auth=trust --encoding=UTF8 --locale=C.UTF-8 --lc-collate=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    "${as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c timezone=UTC" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://mc@127.0.0.1:$port/postgres"
    ;;
  standby)
    # pg_basebackup over the replication connection initdb's trust rules allow on loopback; -R writes primary_conninfo;
    # -c fast: an immediate checkpoint (a spread one takes minutes).
    primary_port=$(sed -n 4p "$dir/data/postmaster.pid")
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    "${as[@]}" "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U mc -D "$dir/standby" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 \
      || { cat "$dir/basebackup.log" >&2; exit 1; }
    "${as[@]}" "$pg_bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300 -c timezone=UTC -c hot_standby=on" \
      start >/dev/null || { cat "$dir/standby.log" >&2; exit 1; }
    echo "postgresql://mc@127.0.0.1:$port/postgres"
    ;;
  stop)
    [[ -e $dir ]] || exit 0
    [[ -f $dir/.mc-pg-server ]] || { echo "refusing $dir: not a folder made by $0 start" >&2; exit 1; }
    [[ -d $dir/standby ]] && { "${as[@]}" "$pg_bin/pg_ctl" -D "$dir/standby" -m immediate stop >/dev/null 2>&1 || true; }
    [[ -d $dir/data ]] && { "${as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; }
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|standby|stop DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The integration suite on PostgreSQL (issue 8): on the server PG_ADMIN_URL names (loopback only), or on a
# throwaway one started here (scripts/pg-server.sh) and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${PG_ADMIN_URL:-} ]]; then
  dir=$(mktemp -d /tmp/mc-pg.XXXXXX)
  trap 'scripts/pg-server.sh stop "$dir"' EXIT
  PG_ADMIN_URL=$(scripts/pg-server.sh start "$dir")
  export PG_ADMIN_URL
fi
INTEGRATION_DB=postgres npx vitest run --project integration "$@"

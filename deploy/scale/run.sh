#!/usr/bin/env bash
# npm run test:scale: everything on 127.0.0.1, bounded (3,000 requests; gives up after 5 minutes).
# Uses DATABASE_URL if set (CI passes its throwaway database); otherwise makes a throwaway one.
# Extra arguments go to deploy/scale/load.ts (e.g. --replicas 1 --no-kill).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/pg-throwaway.sh
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx is not installed: installing nginx-light from Debian (apt-get)..."
  [ "$(id -u)" = 0 ] || { echo "!!! nginx missing, and installing it needs root !!!" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null ||
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; } ||
    { echo "!!! apt-get install nginx-light failed !!!" >&2; exit 1; }
  # Debian starts the packaged site on port 80; the test runs its own nginx.
  nginx -s stop 2>/dev/null || true
fi
export PATH="$PATH:/usr/sbin"
if [ -z "${DATABASE_URL:-}" ]; then
  pg_throwaway_up
  trap pg_throwaway_down EXIT
fi
timeout 300 node --import tsx deploy/scale/load.ts "$@"

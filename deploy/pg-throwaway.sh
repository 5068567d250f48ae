# Sourced by .ci/run and deploy/scale/run.sh (bash, as root): a throwaway PostgreSQL database on 127.0.0.1.
#   pg_throwaway_up    installs PostgreSQL from Debian if missing, starts a cluster, creates a role and a
#                      database with random names and password, exports DATABASE_URL
#   pg_throwaway_down  drops them (and stops the cluster if pg_throwaway_up started it)
# Any step that fails ends the script with a loud message: tests must not silently skip PostgreSQL.

pg_fail() {
  echo "" >&2
  echo "!!! PostgreSQL: $* !!!" >&2
  echo "" >&2
  exit 1
}

pg_throwaway_up() {
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing it from Debian (apt-get)..."
    [ "$(id -u)" = 0 ] || pg_fail "not installed, and installing it needs root"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || pg_fail "apt-get update failed"
    apt-get install -y -qq postgresql >/dev/null || pg_fail "apt-get install postgresql failed"
  fi
  local version cluster port status
  read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1) || true
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    [ -n "$version" ] || pg_fail "no server version under /usr/lib/postgresql"
    pg_createcluster "$version" main >/dev/null || pg_fail "pg_createcluster $version main failed"
    read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
  fi
  PG_STARTED_HERE=""
  if [ "$status" != "online" ]; then
    pg_ctlcluster "$version" "$cluster" start || pg_fail "pg_ctlcluster $version $cluster start failed (see /var/log/postgresql/)"
    PG_STARTED_HERE="$version $cluster"
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || pg_fail "the server on 127.0.0.1:$port does not accept connections"
  PG_PORT=$port
  PG_NAME="mic2025_ci_$(date +%s)_$$"
  local password
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$port" \
    -c "CREATE ROLE $PG_NAME LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE $PG_NAME OWNER $PG_NAME" >/dev/null || pg_fail "could not create the throwaway role and database"
  export DATABASE_URL="postgres://$PG_NAME:$password@127.0.0.1:$port/$PG_NAME"
  echo "PostgreSQL $version on 127.0.0.1:$port: throwaway database $PG_NAME"
}

pg_throwaway_down() {
  [ -n "${PG_NAME:-}" ] || return 0
  runuser -u postgres -- psql -q -p "$PG_PORT" -c "DROP DATABASE IF EXISTS $PG_NAME WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS $PG_NAME" >/dev/null || echo "warning: could not drop $PG_NAME" >&2
  echo "Dropped the throwaway database $PG_NAME"
  if [ -n "${PG_STARTED_HERE:-}" ]; then
    # shellcheck disable=SC2086
    pg_ctlcluster $PG_STARTED_HERE stop || true
  fi
  PG_NAME=""
}

#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages, only where it is missing:
# a PostgreSQL server (the store tests start a real one). Idempotent and quiet.
set -euo pipefail

have_postgres() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "install-test-deps: need root for apt-get install $*" >&2; return 1; fi
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_postgres || apt_install postgresql

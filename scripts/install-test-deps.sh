#!/bin/sh
# Test dependencies that pip cannot provide: Debian's chromium for the browser tests in
# tests/web (driven by the playwright Python package through executable_path; we never run
# `playwright install`, which downloads a browser). Idempotent and quiet: does nothing when
# chromium is already there, and never fails the caller when it cannot install (the browser
# tests then skip with a reason).
set -u
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "install-test-deps: chromium missing; run as root: apt-get install -y chromium" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
    || echo "install-test-deps: could not install chromium; browser tests will skip" >&2
exit 0

#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests.
# Playwright cannot download its own browser here, so the tests drive /usr/bin/chromium.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is not installed and cannot be installed from here (not root)." >&2
echo "Browser tests will be skipped (under CI=true they fail instead)." >&2

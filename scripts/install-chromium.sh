#!/usr/bin/env bash
# Installs Debian's chromium (and fonts that draw Arabic) for the browser test of the HTML report.
# Idempotent and quiet: does nothing when /usr/bin/chromium is there; apt's output is shown
# only when it fails.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and apt-get is not available; install chromium by hand" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
# fonts-noto-core carries Noto Naskh/Sans Arabic: without an Arabic font the screenshot shows boxes.
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-chromium: apt-get failed (output above)" >&2
  exit 1
fi
test -x /usr/bin/chromium || { echo "install-chromium: apt-get ran but /usr/bin/chromium is still missing" >&2; exit 1; }
